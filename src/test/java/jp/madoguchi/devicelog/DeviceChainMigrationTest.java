package jp.madoguchi.devicelog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.madoguchi.reader.log.ChainVerifier;
import jp.madoguchi.support.DeviceLogs;

/**
 * V9 on a database that already holds device events: each workstation-day gets its chain
 * with the head being its last line, and every event points to its chain, so the next
 * chunk continues it and a second genesis is a fork.
 */
class DeviceChainMigrationTest {

	@TempDir
	Path dir;

	@Test
	void eventsStoredBeforeV9GetTheirChains() throws SQLException {
		String url = "jdbc:h2:file:" + dir.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE";
		Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target("8").load().migrate();
		List<String> day1 = DeviceLogs.chain("legacy-pc", "1", "READ", "NOT_LOCKED", "LOCKED");
		List<String> other = DeviceLogs.chain("legacy-pc-2", "2", "READ", "LOCKED");
		try (Connection c = DriverManager.getConnection(url, "sa", "")) {
			try (Statement s = c.createStatement()) {
				s.execute("INSERT INTO municipality (id, code, name, mayor_title, department, phone, office_hours) "
						+ "VALUES (1, '999999', 'x', 'x', 'x', 'x', 'x')");
			}
			// Stored out of order: the head is found by the chain, not by the row order.
			insert(c, day1.get(2));
			insert(c, day1.get(0));
			insert(c, day1.get(1));
			other.forEach(line -> insert(c, line));
		}
		Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
		try (Connection c = DriverManager.getConnection(url, "sa", "");
				ResultSet rs = c.createStatement()
					.executeQuery("SELECT workstation, log_day, head_hash, line_count, "
							+ "(SELECT COUNT(*) FROM device_event e WHERE e.chain_id = device_chain.id) "
							+ "FROM device_chain ORDER BY workstation")) {
			assertThat(rs.next()).isTrue();
			assertThat(rs.getString(1)).isEqualTo("legacy-pc");
			assertThat(rs.getString(2)).isEqualTo("2026-11-21");
			assertThat(rs.getString(3)).isEqualTo(ChainVerifier.hashOf(day1.get(2)));
			assertThat(rs.getInt(4)).isEqualTo(3);
			assertThat(rs.getInt(5)).isEqualTo(3);
			assertThat(rs.next()).isTrue();
			assertThat(rs.getString(1)).isEqualTo("legacy-pc-2");
			assertThat(rs.getString(3)).isEqualTo(ChainVerifier.hashOf(other.get(1)));
			assertThat(rs.next()).isFalse();
		}
	}

	private static void insert(Connection c, String line) {
		String eventId = line.substring(12, 48);
		try (PreparedStatement ps = c.prepareStatement(
				"""
						INSERT INTO device_event (municipality_id, event_id, workstation, event_time, command, outcome,
						    prev_hash, hash, line, received_by, received_at)
						VALUES (1, ?, ?, CURRENT_TIMESTAMP, 'verify-lock', 'READ', ?, ?, ?, 'operator', CURRENT_TIMESTAMP)""")) {
			ps.setString(1, eventId);
			ps.setString(2, line.contains("legacy-pc-2") ? "legacy-pc-2" : "legacy-pc");
			ps.setString(3, ChainVerifier.prevHashOf(line));
			ps.setString(4, ChainVerifier.hashOf(line));
			ps.setString(5, line);
			ps.executeUpdate();
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
	}

}
