package jp.madoguchi.retention;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;

import jp.madoguchi.sql.IdLists;

/**
 * A keeper whose records are the rows of one of its module's tables, with a
 * {@code municipality_id}, a {@code disposed_at} column and maybe a stored file: the
 * owning module names the table and columns and deletes what else goes with a record in
 * {@link #deleteContent}; this class answers existence and file references and marks the
 * rows disposed.
 */
public abstract class TableRecordKeeper implements RecordKeeper {

	/** How the records are named: by a number, or by a code (a document id). */
	public enum Ids {

		NUMBERS, CODES

	}

	protected final JdbcClient jdbc;

	private final String table;

	private final String idColumn;

	private final Ids ids;

	private final String fileColumn;

	/**
	 * @param fileColumn the column of the stored file's SHA-256, or null for records
	 * without a file
	 */
	protected TableRecordKeeper(JdbcClient jdbc, String table, String idColumn, Ids ids, String fileColumn) {
		this.jdbc = jdbc;
		this.table = table;
		this.idColumn = idColumn;
		this.ids = ids;
		this.fileColumn = fileColumn;
	}

	@Override
	public boolean exists(long municipalityId, String recordId) {
		if (!recordId.matches(ids == Ids.NUMBERS ? "\\d{1,18}" : "[0-9A-Z]{1,40}")) {
			return false;
		}
		return jdbc
			.sql("SELECT COUNT(*) FROM %s WHERE municipality_id = ? AND %s = %s".formatted(table, idColumn,
					literals(List.of(recordId))))
			.param(municipalityId)
			.query(Long.class)
			.single() > 0;
	}

	@Override
	public Set<String> dispose(long municipalityId, Collection<String> recordIds) {
		Set<String> files = new HashSet<>();
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		List<String> all = List.copyOf(recordIds);
		for (int from = 0; from < all.size(); from += IdLists.SLICE) {
			String in = literals(all.subList(from, Math.min(all.size(), from + IdLists.SLICE)));
			String kept = "municipality_id = ? AND disposed_at IS NULL AND %s IN (%s)".formatted(idColumn, in);
			if (fileColumn != null) {
				files.addAll(jdbc.sql("SELECT DISTINCT %s FROM %s WHERE %s".formatted(fileColumn, table, kept))
					.param(municipalityId)
					.query(String.class)
					.list());
			}
			deleteContent(municipalityId, kept);
			jdbc.sql("UPDATE %s SET disposed_at = ? WHERE %s".formatted(table, kept))
				.params(now, municipalityId)
				.update();
		}
		return files;
	}

	/**
	 * Deletes what else goes with these records (in the disposal's transaction, before
	 * they are marked disposed).
	 * @param kept an SQL condition on the table selecting them, with the municipality id
	 * as its one parameter
	 */
	protected abstract void deleteContent(long municipalityId, String kept);

	@Override
	public boolean keepsFiles() {
		return fileColumn != null;
	}

	@Override
	public boolean references(String sha256) {
		return fileColumn != null
				&& jdbc.sql("SELECT COUNT(*) FROM %s WHERE %s = ? AND disposed_at IS NULL".formatted(table, fileColumn))
					.param(sha256)
					.query(Long.class)
					.single() > 0;
	}

	private String literals(List<String> recordIds) {
		if (ids == Ids.CODES) {
			return IdLists.codes(recordIds);
		}
		List<Long> numbers = new ArrayList<>(recordIds.size());
		recordIds.forEach(id -> numbers.add(Long.valueOf(id)));
		return IdLists.numbers(numbers);
	}

}
