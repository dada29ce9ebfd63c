package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A person is identified by a 64-bit number (the first 64 bits of the SHA-256 the
 * 64-character {@code person_key} was the hex of) instead of that text: the person index
 * of {@code applicant_case} holds one entry per case, written at random places, and with
 * text keys it outgrew the embedded database's cache, so every import got slower as
 * history grew (issue 8). Two different people share a number with odds of about 1 in
 * 10^8 for 10^6 people; the consequence is one needless "possible duplicate" warning. In
 * Java because H2 and PostgreSQL have no common way to read hex as a number.
 */
public class V12__person_hash extends BaseJavaMigration {

	private static final int BATCH = 1000;

	@Override
	public void migrate(Context context) throws Exception {
		Connection connection = context.getConnection();
		try (Statement ddl = connection.createStatement()) {
			ddl.execute("ALTER TABLE applicant_case ADD COLUMN person_hash BIGINT");
			fill(connection, "SELECT id, person_key FROM applicant_case",
					"UPDATE applicant_case SET person_hash = ? WHERE id = ?");
			ddl.execute("ALTER TABLE applicant_case ALTER COLUMN person_hash SET NOT NULL");
			ddl.execute("DROP INDEX applicant_case_person");
			ddl.execute("CREATE INDEX applicant_case_person ON applicant_case (person_hash, municipality_id)");
			ddl.execute("ALTER TABLE applicant_case DROP COLUMN person_key");

			ddl.execute("""
					CREATE TABLE duplicate_person_hash (
					    person_hash     BIGINT NOT NULL,
					    municipality_id BIGINT NOT NULL REFERENCES municipality (id),
					    CONSTRAINT duplicate_person_hash_key PRIMARY KEY (person_hash, municipality_id)
					)""");
			fill(connection, "SELECT municipality_id, person_key FROM duplicate_person",
					"INSERT INTO duplicate_person_hash (person_hash, municipality_id) VALUES (?, ?)");
			ddl.execute("DROP TABLE duplicate_person");
			ddl.execute("ALTER TABLE duplicate_person_hash RENAME TO duplicate_person");
		}
	}

	/**
	 * Runs {@code write} with (hash of the second column, first column) for every row of
	 * {@code read}.
	 */
	private static void fill(Connection connection, String read, String write) throws SQLException {
		try (Statement select = connection.createStatement();
				PreparedStatement update = connection.prepareStatement(write)) {
			select.setFetchSize(BATCH);
			try (ResultSet rows = select.executeQuery(read)) {
				int pending = 0;
				while (rows.next()) {
					update.setLong(1, Long.parseUnsignedLong(rows.getString(2).substring(0, 16), 16));
					update.setLong(2, rows.getLong(1));
					update.addBatch();
					if (++pending == BATCH) {
						update.executeBatch();
						pending = 0;
					}
				}
				if (pending > 0) {
					update.executeBatch();
				}
			}
		}
	}

}
