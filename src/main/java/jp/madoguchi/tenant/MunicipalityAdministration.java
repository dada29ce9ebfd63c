package jp.madoguchi.tenant;

import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jp.madoguchi.audit.AuditAction;
import jp.madoguchi.audit.AuditLog;
import jp.madoguchi.errors.ClientError;

/**
 * The administrator's municipality and the settings its forms print (name, mayor's title,
 * department, phone, office hours). The forms read them from the database for every
 * document, so a change shows on the next one. Each changed field is audited by name
 * ({@code municipality.phone}, …).
 */
@Service
class MunicipalityAdministration {

	private final JdbcClient jdbc;

	private final Tenants tenants;

	private final AuditLog audit;

	MunicipalityAdministration(JdbcClient jdbc, Tenants tenants, AuditLog audit) {
		this.jdbc = jdbc;
		this.tenants = tenants;
		this.audit = audit;
	}

	MunicipalityRecord get(StaffUser admin) {
		return MunicipalityRecord
			.of(tenants.findMunicipality(admin.municipalityId()).orElseThrow(ClientError::notFound));
	}

	@Transactional
	MunicipalityRecord update(StaffUser admin, MunicipalityRecord request) {
		MunicipalityRecord current = get(admin);
		if (request.code() != null && !request.code().strip().equals(current.code())) {
			throw ClientError.unprocessable("MUNICIPALITY_CODE_READ_ONLY").field("code");
		}
		MunicipalityRecord next = new MunicipalityRecord(current.code(),
				field("name", "名称", request.name(), TenantLimits.MUNICIPALITY_NAME_MAX, true),
				field("mayorTitle", "首長の職名", request.mayorTitle(), TenantLimits.MAYOR_TITLE_MAX, true),
				field("department", "担当課", request.department(), TenantLimits.DEPARTMENT_MAX, false),
				field("phone", "電話番号", request.phone(), TenantLimits.PHONE_MAX, false),
				field("officeHours", "受付時間", request.officeHours(), TenantLimits.OFFICE_HOURS_MAX, false));
		jdbc.sql("""
				UPDATE municipality SET name = ?, mayor_title = ?, department = ?, phone = ?, office_hours = ?
				WHERE id = ?""")
			.params(next.name(), next.mayorTitle(), next.department(), next.phone(), next.officeHours(),
					admin.municipalityId())
			.update();
		audited(admin, "name", current.name(), next.name());
		audited(admin, "mayorTitle", current.mayorTitle(), next.mayorTitle());
		audited(admin, "department", current.department(), next.department());
		audited(admin, "phone", current.phone(), next.phone());
		audited(admin, "officeHours", current.officeHours(), next.officeHours());
		return next;
	}

	private void audited(StaffUser admin, String field, String before, String after) {
		if (!Objects.equals(before, after)) {
			audit.record(admin.municipalityId(), admin.getUsername(), AuditAction.CHANGE, "municipality." + field,
					Long.toString(admin.municipalityId()));
		}
	}

	private static String field(String field, String label, String value, int max, boolean required) {
		String v = value == null ? "" : value.strip();
		if (required && v.isEmpty()) {
			throw ClientError.unprocessable("MUNICIPALITY_FIELD_REQUIRED", label).field(field);
		}
		if (v.length() > max || UserAdministration.hasControl(v)) {
			throw ClientError.unprocessable("MUNICIPALITY_FIELD_INVALID", label, max).field(field);
		}
		return v;
	}

	/** {@code GET}/{@code PUT /api/municipality}: the code is read-only. */
	record MunicipalityRecord(String code, String name, String mayorTitle, String department, String phone,
			String officeHours) {

		static MunicipalityRecord of(Municipality m) {
			return new MunicipalityRecord(m.code().value(), m.name(), m.mayorTitle(), m.department(), m.phone(),
					m.officeHours());
		}

	}

}
