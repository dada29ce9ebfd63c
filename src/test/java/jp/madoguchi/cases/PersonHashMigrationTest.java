package jp.madoguchi.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V12 on a database that already holds cases and duplicates: each 64-character person key
 * becomes the number made of its first 64 bits, the number
 * {@link CaseRegistry#personHash} gives for the same person, so people imported before
 * V12 are still found again.
 */
class PersonHashMigrationTest {

	@TempDir
	Path dir;

	@Test
	void personKeysBecomeTheirFirstSixtyFourBits() throws Exception {
		String url = "jdbc:h2:file:" + dir.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE";
		Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target("11").load().migrate();
		byte[] hanako = MessageDigest.getInstance("SHA-256").digest("花子".getBytes(StandardCharsets.UTF_8));
		byte[] taro = MessageDigest.getInstance("SHA-256").digest("太郎".getBytes(StandardCharsets.UTF_8));
		hanako[0] = (byte) 0xF3; // a key whose number is negative as a signed long
		try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
			s.execute("INSERT INTO municipality (id, code, name, mayor_title, department, phone, office_hours) "
					+ "VALUES (1, '999999', 'x', 'x', 'x', 'x', 'x')");
			s.execute("INSERT INTO roster (id, municipality_id, file_sha256, file_name, file_size, file_format, "
					+ "uploaded_by, uploaded_at, total_rows, accepted_rows, rejected_rows, state) " + "VALUES (1, 1, '"
					+ "0".repeat(64) + "', 'r.csv', 1, 'CSV', 'clerk', CURRENT_TIMESTAMP, 3, 3, 0, " + "'COMPLETED')");
			for (byte[] person : new byte[][] { hanako, hanako, taro }) {
				s.execute("INSERT INTO applicant_case (municipality_id, roster_id, row_number, name, reading, "
						+ "birth_date, procedure_kind, applicant_type, workflow, person_key, created_at) "
						+ "VALUES (1, 1, 2, 'x', 'x', DATE '1948-04-05', 'x', 'x', 'x', '"
						+ HexFormat.of().formatHex(person) + "', CURRENT_TIMESTAMP)");
			}
			s.execute("INSERT INTO duplicate_person (person_key, municipality_id) VALUES ('"
					+ HexFormat.of().formatHex(hanako) + "', 1)");
		}
		Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
		long hanakoNumber = ByteBuffer.wrap(hanako).getLong();
		long taroNumber = ByteBuffer.wrap(taro).getLong();
		assertThat(hanakoNumber).isNegative();
		try (Connection c = DriverManager.getConnection(url, "sa", "")) {
			assertThat(longs(c, "SELECT person_hash FROM applicant_case ORDER BY id")).containsExactly(hanakoNumber,
					hanakoNumber, taroNumber);
			assertThat(longs(c, "SELECT person_hash FROM duplicate_person")).containsExactly(hanakoNumber);
		}
	}

	private static List<Long> longs(Connection c, String sql) throws SQLException {
		List<Long> values = new ArrayList<>();
		try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			while (rs.next()) {
				values.add(rs.getLong(1));
			}
		}
		return values;
	}

}
