package jp.madoguchi.retention;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import jp.madoguchi.sql.IdLists;

/**
 * The tombstones of disposed records (table {@code tombstone}): written with the deletion
 * of the content, in its transaction; never changed or deleted.
 */
@Service
public class Tombstones {

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	Tombstones(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/** Writes these tombstones (in the caller's transaction). */
	public void write(long municipalityId, List<Tombstone> tombstones) {
		template.batchUpdate("""
				INSERT INTO tombstone (municipality_id, disposal_id, record_type, record_id, sha256, created_at,
				    retention, kept_from, due_on, proposed_by, proposed_at, approved_by, approved_at, disposed_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", tombstones, 1000,
				(PreparedStatement ps, Tombstone t) -> {
					ps.setLong(1, municipalityId);
					ps.setLong(2, t.disposalId());
					ps.setString(3, t.recordType());
					ps.setString(4, t.recordId());
					ps.setString(5, t.sha256());
					ps.setObject(6, t.createdAt());
					ps.setString(7, t.retention());
					ps.setObject(8, t.keptFrom());
					ps.setObject(9, t.dueOn());
					ps.setString(10, t.proposedBy());
					ps.setObject(11, t.proposedAt());
					ps.setString(12, t.approvedBy());
					ps.setObject(13, t.approvedAt());
					ps.setObject(14, t.disposedAt());
				});
	}

	/** The tombstone of a disposed record of the municipality, if it was disposed. */
	public Optional<Tombstone> find(long municipalityId, String recordType, String recordId) {
		return jdbc.sql(SELECT + " WHERE municipality_id = ? AND record_type = ? AND record_id = ?")
			.params(municipalityId, recordType, recordId)
			.query(Tombstones::tombstone)
			.optional();
	}

	/** A page of a disposal's tombstones, by record type. */
	public List<Tombstone> ofDisposal(long municipalityId, long disposalId, int offset, int limit) {
		return jdbc
			.sql(SELECT + " WHERE municipality_id = ? AND disposal_id = ? ORDER BY record_type, id LIMIT ? OFFSET ?")
			.params(municipalityId, disposalId, limit, offset)
			.query(Tombstones::tombstone)
			.list();
	}

	/** Which of these records of a type were disposed already (have a tombstone). */
	public Set<String> disposed(long municipalityId, String recordType, List<String> recordIds) {
		Set<String> found = new HashSet<>();
		for (int from = 0; from < recordIds.size(); from += IdLists.SLICE) {
			found.addAll(jdbc.sql(
					"SELECT record_id FROM tombstone WHERE municipality_id = ? AND record_type = ? AND record_id IN (%s)"
						.formatted(IdLists
							.codes(recordIds.subList(from, Math.min(recordIds.size(), from + IdLists.SLICE)))))
				.params(municipalityId, recordType)
				.query(String.class)
				.list());
		}
		return found;
	}

	/**
	 * Throws {@link RecordDisposedException} when this record was disposed: for a module
	 * about to serve its content.
	 */
	public void requireKept(long municipalityId, String recordType, String recordId) {
		Optional<Tombstone> tombstone = find(municipalityId, recordType, recordId);
		if (tombstone.isPresent()) {
			throw new RecordDisposedException(tombstone.get());
		}
	}

	private static final String SELECT = """
			SELECT disposal_id, record_type, record_id, sha256, created_at, retention, kept_from, due_on, proposed_by,
			    proposed_at, approved_by, approved_at, disposed_at
			FROM tombstone""";

	private static Tombstone tombstone(ResultSet rs, int n) throws SQLException {
		return new Tombstone(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
				rs.getObject(5, OffsetDateTime.class), rs.getString(6), rs.getObject(7, LocalDate.class),
				rs.getObject(8, LocalDate.class), rs.getString(9), rs.getObject(10, OffsetDateTime.class),
				rs.getString(11), rs.getObject(12, OffsetDateTime.class), rs.getObject(13, OffsetDateTime.class));
	}

}
