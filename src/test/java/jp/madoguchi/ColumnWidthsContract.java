package jp.madoguchi;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import jp.madoguchi.audit.AuditAction;
import jp.madoguchi.cases.CaseLimits;
import jp.madoguchi.devicelog.DeviceLogLimits;
import jp.madoguchi.forms.FormsLimits;
import jp.madoguchi.roster.RosterLimits;
import jp.madoguchi.tenant.TenantLimits;

/**
 * The field limits the code checks ({@code *Limits} of each module) are the widths of the
 * columns the migrations made, read from the database's own metadata: validation and the
 * database cannot disagree, so an over-long value is a 4xx naming the field, never a
 * database error.
 */
@SpringBootTest
abstract class ColumnWidthsContract {

	@Autowired
	DataSource dataSource;

	@Test
	void everyLimitIsTheWidthOfItsColumn() throws SQLException {
		Map<String, Integer> limits = new LinkedHashMap<>();
		limits.put("municipality.name", TenantLimits.MUNICIPALITY_NAME_MAX);
		limits.put("municipality.mayor_title", TenantLimits.MAYOR_TITLE_MAX);
		limits.put("municipality.department", TenantLimits.DEPARTMENT_MAX);
		limits.put("municipality.phone", TenantLimits.PHONE_MAX);
		limits.put("municipality.office_hours", TenantLimits.OFFICE_HOURS_MAX);
		limits.put("app_user.username", TenantLimits.USERNAME_MAX);
		limits.put("app_user.display_name", TenantLimits.DISPLAY_NAME_MAX);
		limits.put("app_user.staff_id", TenantLimits.STAFF_ID_MAX);
		limits.put("workstation_key.workstation", TenantLimits.WORKSTATION_MAX);
		limits.put("applicant_case.name", CaseLimits.NAME);
		limits.put("applicant_case.reading", CaseLimits.READING);
		limits.put("applicant_case.address", CaseLimits.ADDRESS);
		limits.put("applicant_case.facility", CaseLimits.FACILITY);
		limits.put("applicant_case.room", CaseLimits.ROOM);
		limits.put("applicant_case.proxy_name", CaseLimits.PROXY_NAME);
		limits.put("applicant_case.proxy_relationship", CaseLimits.PROXY_RELATIONSHIP);
		limits.put("applicant_case.remarks", CaseLimits.REMARKS);
		limits.put("roster_error.column_name", RosterLimits.ERROR_COLUMN);
		limits.put("roster_error.cell_value", RosterLimits.ERROR_VALUE);
		limits.put("roster_error.message", RosterLimits.ERROR_MESSAGE);
		limits.put("case_document.template_version", FormsLimits.TEMPLATE_VERSION);
		limits.put("case_document.form", FormsLimits.FORM_ID);
		limits.put("municipality_template.form", FormsLimits.FORM_ID);
		limits.put("municipality_template.file_version", FormsLimits.TEMPLATE_FILE_VERSION);
		limits.put("municipality_template.title", FormsLimits.TEMPLATE_TITLE);
		limits.put("device_event.event_id", DeviceLogLimits.EVENT_ID);
		limits.put("device_event.workstation", DeviceLogLimits.WORKSTATION);
		limits.put("device_event.case_ref", DeviceLogLimits.CASE_REF);
		limits.put("device_event.operator", DeviceLogLimits.OPERATOR);
		limits.put("device_event.command", DeviceLogLimits.COMMAND);
		limits.put("device_event.outcome", DeviceLogLimits.OUTCOME);
		limits.put("device_event.hash", DeviceLogLimits.HASH);
		limits.put("device_event.prev_hash", DeviceLogLimits.HASH);
		limits.put("device_event.card_fingerprint", DeviceLogLimits.HASH);
		limits.put("device_event.line", DeviceLogLimits.LINE);
		limits.put("device_log_finding.log_file", DeviceLogLimits.LOG_FILE);
		limits.put("device_log_finding.message", DeviceLogLimits.FINDING_MESSAGE);
		limits.put("device_log_finding.received_by", DeviceLogLimits.SHIPPED_BY);
		limits.put("device_log_finding.workstation", DeviceLogLimits.WORKSTATION);
		limits.put("device_log_finding.event_id", DeviceLogLimits.EVENT_ID);
		limits.put("device_log_finding.case_ref", DeviceLogLimits.CASE_REF);
		limits.put("device_log_finding.field", DeviceLogLimits.FINDING_FIELD);
		limits.put("device_log_finding.expected_hash", DeviceLogLimits.HASH);
		limits.put("device_log_finding.received_hash", DeviceLogLimits.HASH);
		limits.put("device_event.received_by", DeviceLogLimits.SHIPPED_BY);
		limits.put("device_chain.workstation", DeviceLogLimits.WORKSTATION);
		limits.put("device_chain.head_hash", DeviceLogLimits.HASH);
		limits.put("device_chunk.shipped_by", DeviceLogLimits.SHIPPED_BY);
		limits.put("device_chunk.log_file", DeviceLogLimits.LOG_FILE);
		limits.put("device_chunk.prev_hash", DeviceLogLimits.HASH);
		limits.put("device_chunk.last_hash", DeviceLogLimits.HASH);
		limits.put("case_step.reason", CaseLimits.STEP_TEXT);
		limits.put("case_step.note", CaseLimits.STEP_TEXT);
		limits.put("case_step.exception_comment", CaseLimits.STEP_TEXT);
		limits.put("case_step.recorded_by", CaseLimits.STEP_STAFF);
		limits.put("case_step.second_staff", CaseLimits.STEP_STAFF);
		limits.put("reconcile_finding.state_comment", 1000);

		Map<String, Integer> actual = new LinkedHashMap<>();
		try (Connection c = this.dataSource.getConnection()) {
			for (String column : limits.keySet()) {
				actual.put(column, width(c, column));
			}
		}
		assertThat(actual).isEqualTo(limits);
	}

	/**
	 * Every audit action's name fits its column (an over-long one failed only at run
	 * time).
	 */
	@Test
	void everyAuditActionFitsItsColumn() throws SQLException {
		try (Connection c = this.dataSource.getConnection()) {
			int width = width(c, "audit_event.action");
			assertThat(AuditAction.values()).allSatisfy(a -> assertThat(a.name().length()).isLessThanOrEqualTo(width));
		}
	}

	/**
	 * Columns kept whole whatever their length: the code's limit only guards against
	 * abuse, far below what the column holds (H2 reports 1,000,000,000 for an unbounded
	 * VARCHAR, PostgreSQL 2,147,483,647 or 10,485,760).
	 */
	@Test
	void unboundedColumnsHoldFarMoreThanTheirGuard() throws SQLException {
		try (Connection c = this.dataSource.getConnection()) {
			assertThat(width(c, "roster.file_name")).isGreaterThanOrEqualTo(1_000_000)
				.isGreaterThan(RosterLimits.FILE_NAME);
		}
	}

	/** The declared width of {@code table.column} in the connection's schema. */
	private static Integer width(Connection c, String qualified) throws SQLException {
		String[] parts = qualified.split("\\.");
		DatabaseMetaData meta = c.getMetaData();
		for (boolean upper : new boolean[] { false, true }) {
			String table = upper ? parts[0].toUpperCase(Locale.ROOT) : parts[0];
			String column = upper ? parts[1].toUpperCase(Locale.ROOT) : parts[1];
			String schema = c.getSchema();
			try (ResultSet rs = meta.getColumns(c.getCatalog(), schema, table, column)) {
				if (rs.next()) {
					return rs.getInt("COLUMN_SIZE");
				}
			}
		}
		return null;
	}

}
