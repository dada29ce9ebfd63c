package jp.madoguchi.scans;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import jp.madoguchi.changes.ChangeKind;
import jp.madoguchi.changes.ChangeLog;
import jp.madoguchi.scans.reading.Verdict;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import jp.madoguchi.storage.FileReference;

/** The scans module's tables: scan_file, scan_page, scan_document. */
@Repository
class ScanRepository {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final ChangeLog changes;

	ScanRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate, ChangeLog changes) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.changes = changes;
	}

	enum Status {

		PROCESSING, DONE, FAILED

	}

	record ScanFile(long id, long municipalityId, String sha256, String fileName, long size, String mediaType,
			Status status, Integer pages, String failureCode, String failureArgs, String source, String uploadedBy,
			OffsetDateTime uploadedAt) {
	}

	private static final String FILE_COLUMNS = """
			SELECT id, municipality_id, sha256, file_name, size_bytes, media_type, status, pages, failure_code,
			    failure_args, source, uploaded_by, uploaded_at FROM scan_file""";

	private static ScanFile file(ResultSet rs, int n) throws SQLException {
		return new ScanFile(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5),
				rs.getString(6), Status.valueOf(rs.getString(7)), (Integer) rs.getObject(8), rs.getString(9),
				rs.getString(10), rs.getString(11), rs.getString(12), rs.getObject(13, OffsetDateTime.class));
	}

	List<FileReference> files(long municipalityId, long afterId, int limit) {
		return jdbc
			.sql("SELECT id, sha256 FROM scan_file WHERE municipality_id = ? AND id > ? AND disposed_at IS NULL"
					+ " ORDER BY id FETCH FIRST ? ROWS ONLY")
			.params(municipalityId, afterId, limit)
			.query((rs, n) -> new FileReference(Long.toString(rs.getLong(1)), rs.getString(2)))
			.list();
	}

	Optional<ScanFile> find(long municipalityId, long id) {
		return jdbc.sql(FILE_COLUMNS + " WHERE municipality_id = ? AND id = ?")
			.params(municipalityId, id)
			.query(ScanRepository::file)
			.optional();
	}

	Optional<ScanFile> findBySha(long municipalityId, String sha256) {
		return jdbc.sql(FILE_COLUMNS + " WHERE municipality_id = ? AND sha256 = ?")
			.params(municipalityId, sha256)
			.query(ScanRepository::file)
			.optional();
	}

	List<ScanFile> recent(long municipalityId, int limit) {
		return jdbc.sql(FILE_COLUMNS + " WHERE municipality_id = ? ORDER BY id DESC FETCH FIRST ? ROWS ONLY")
			.params(municipalityId, limit)
			.query(ScanRepository::file)
			.list();
	}

	List<ScanFile> processing() {
		return jdbc.sql(FILE_COLUMNS + " WHERE status = 'PROCESSING' ORDER BY id").query(ScanRepository::file).list();
	}

	long insert(long municipalityId, String sha256, String fileName, long size, ScanFormat format, String source,
			String username) {
		jdbc.sql("""
				INSERT INTO scan_file (municipality_id, sha256, file_name, size_bytes, media_type, status, source,
				    uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, 'PROCESSING', ?, ?, ?)""")
			.params(municipalityId, sha256, fileName, size, format.mediaType(), source, username, now())
			.update();
		return findBySha(municipalityId, sha256).orElseThrow().id();
	}

	void markFailed(long scanId, String code, String args) {
		jdbc.sql("UPDATE scan_file SET status = 'FAILED', failure_code = ?, failure_args = ?, processed_at = ? "
				+ "WHERE id = ?")
			.params(code, args, now(), scanId)
			.update();
	}

	void markDone(long scanId, int pages) {
		jdbc.sql("UPDATE scan_file SET status = 'DONE', pages = ?, processed_at = ? WHERE id = ?")
			.params(pages, now(), scanId)
			.update();
	}

	void insertPages(long municipalityId, long scanId, List<PageResult> pages) {
		jdbcTemplate.batchUpdate("""
				INSERT INTO scan_page (municipality_id, scan_id, page_no, outcome, document_id, document_page,
				    signature, score, failure_code, failure_args) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", pages, 500,
				(ps, p) -> {
					ps.setLong(1, municipalityId);
					ps.setLong(2, scanId);
					ps.setInt(3, p.pageNo());
					ps.setString(4, p.outcome().name());
					ps.setString(5, p.documentId());
					ps.setObject(6, p.documentPage());
					ps.setString(7, p.signature() == null ? null : p.signature().name());
					ps.setObject(8, p.score());
					ps.setString(9, p.reasonCode());
					ps.setString(10, p.reasonArg());
				});
	}

	/** A stored page row, with its id (the unmatched queue refers to it). */
	record StoredPage(long id, long scanId, PageResult result) {
	}

	private static final String PAGE_COLUMNS = """
			SELECT id, scan_id, page_no, outcome, document_id, document_page, signature, score, failure_code,
			    failure_args FROM scan_page""";

	private static StoredPage page(ResultSet rs, int n) throws SQLException {
		String signature = rs.getString(7);
		return new StoredPage(rs.getLong(1), rs.getLong(2),
				new PageResult(rs.getInt(3), PageOutcome.valueOf(rs.getString(4)), rs.getString(5),
						(Integer) rs.getObject(6), signature == null ? null : Verdict.valueOf(signature),
						(Double) rs.getObject(8), rs.getString(9), rs.getString(10)));
	}

	List<StoredPage> pagesOf(long municipalityId, long scanId) {
		return jdbc.sql(PAGE_COLUMNS + " WHERE municipality_id = ? AND scan_id = ? ORDER BY page_no")
			.params(municipalityId, scanId)
			.query(ScanRepository::page)
			.list();
	}

	List<StoredPage> pagesOfDocument(long municipalityId, String documentId) {
		return jdbc.sql(PAGE_COLUMNS + " WHERE municipality_id = ? AND document_id = ? ORDER BY scan_id, page_no")
			.params(municipalityId, documentId)
			.query(ScanRepository::page)
			.list();
	}

	List<StoredPage> unmatched(long municipalityId, int limit) {
		return jdbc
			.sql(PAGE_COLUMNS
					+ " WHERE municipality_id = ? AND outcome = 'UNMATCHED' ORDER BY id FETCH FIRST ? ROWS ONLY")
			.params(municipalityId, limit)
			.query(ScanRepository::page)
			.list();
	}

	Optional<StoredPage> pageById(long municipalityId, long id) {
		return jdbc.sql(PAGE_COLUMNS + " WHERE municipality_id = ? AND id = ?")
			.params(municipalityId, id)
			.query(ScanRepository::page)
			.optional();
	}

	/** Where these page rows are: page id → {scan id, page of the scan}. */
	Map<Long, ScanPageLocation> locations(long municipalityId, Collection<Long> pageIds) {
		Map<Long, ScanPageLocation> found = new HashMap<>();
		if (pageIds.isEmpty()) {
			return found;
		}
		List<Object> params = new ArrayList<>(pageIds);
		params.add(municipalityId);
		jdbc.sql("""
				SELECT p.id, p.scan_id, p.page_no
				FROM scan_page p WHERE p.id IN (%s) AND p.municipality_id = ?"""
			.formatted(String.join(", ", Collections.nCopies(pageIds.size(), "?"))))
			.params(params)
			.query((ResultSet rs) -> {
				found.put(rs.getLong(1), new ScanPageLocation(rs.getLong(1), rs.getLong(2), rs.getInt(3)));
			});
		return found;
	}

	/** Changes an unmatched page; false when it was decided meanwhile. */
	boolean decide(long municipalityId, long pageId, PageOutcome outcome, String documentId, Integer documentPage,
			Verdict signature, String username) {
		return jdbc.sql("""
				UPDATE scan_page SET outcome = ?, document_id = ?, document_page = ?, signature = ?, decided_by = ?,
				    decided_at = ? WHERE municipality_id = ? AND id = ? AND outcome = 'UNMATCHED'""")
			.params(outcome.name(), documentId, documentPage, signature == null ? null : signature.name(), username,
					now(), municipalityId, pageId)
			.update() == 1;
	}

	/**
	 * Where a document's page was found: scan, page of the scan, page of the document.
	 */
	record FoundPage(long scanId, int page, int documentPage) {
	}

	record ScanDocument(String documentId, long caseId, String form, int pages, List<FoundPage> foundPages,
			List<Integer> missingPages, List<Integer> duplicatePages, Verdict signature, double score) {
	}

	private static final TypeReference<List<FoundPage>> FOUND = new TypeReference<>() {
	};

	private static final TypeReference<List<Integer>> NUMBERS = new TypeReference<>() {
	};

	private static ScanDocument document(ResultSet rs, int n) throws SQLException {
		return new ScanDocument(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getInt(4),
				JSON.readValue(rs.getString(5), FOUND), JSON.readValue(rs.getString(6), NUMBERS),
				JSON.readValue(rs.getString(7), NUMBERS), verdict(rs.getString(8)), rs.getDouble(9));
	}

	/** A form without signature or seal box is stored as NONE: nothing to sign. */
	private static Verdict verdict(String stored) {
		return stored.equals(NO_BOXES) ? null : Verdict.valueOf(stored);
	}

	private static String stored(Verdict verdict) {
		return verdict == null ? NO_BOXES : verdict.name();
	}

	private static final String NO_BOXES = "NONE";

	private static final String DOCUMENT_COLUMNS = """
			SELECT document_id, case_id, form, pages, found_pages, missing_pages, duplicate_pages, signature, score
			FROM scan_document""";

	Optional<ScanDocument> document(long municipalityId, String documentId) {
		return jdbc.sql(DOCUMENT_COLUMNS + " WHERE municipality_id = ? AND document_id = ?")
			.params(municipalityId, documentId)
			.query(ScanRepository::document)
			.optional();
	}

	/** The documents of these ids (one query per 500 ids), by id. */
	Map<String, ScanDocument> documents(long municipalityId, Collection<String> documentIds) {
		Map<String, ScanDocument> found = new HashMap<>();
		List<String> ids = List.copyOf(documentIds);
		for (int from = 0; from < ids.size(); from += 500) {
			List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
			jdbc.sql(DOCUMENT_COLUMNS + " WHERE municipality_id = :municipality AND document_id IN (:ids)")
				.param("municipality", municipalityId)
				.param("ids", chunk)
				.query(ScanRepository::document)
				.list()
				.forEach(d -> found.put(d.documentId(), d));
		}
		return found;
	}

	List<ScanDocument> documentsOfCase(long municipalityId, long caseId) {
		return jdbc.sql(DOCUMENT_COLUMNS + " WHERE municipality_id = ? AND case_id = ? ORDER BY id")
			.params(municipalityId, caseId)
			.query(ScanRepository::document)
			.list();
	}

	List<ScanDocument> flagged(long municipalityId, int limit) {
		return jdbc.sql(DOCUMENT_COLUMNS + " " + """
				WHERE municipality_id = ? AND (signature IN ('UNSIGNED', 'UNCLEAR') OR missing_pages <> '[]'
				   OR duplicate_pages <> '[]') ORDER BY id DESC FETCH FIRST ? ROWS ONLY""")
			.params(municipalityId, limit)
			.query(ScanRepository::document)
			.list();
	}

	/**
	 * Saves a document's state (pages found or missing, verdict) and records its case in
	 * the change log: call it in the transaction that decided the state.
	 */
	void saveDocument(long municipalityId, ScanDocument d) {
		changes.record(municipalityId, ChangeKind.CASE, d.caseId());
		int updated = jdbc.sql("""
				UPDATE scan_document SET found_pages = ?, missing_pages = ?, duplicate_pages = ?, signature = ?,
				    score = ?, updated_at = ? WHERE municipality_id = ? AND document_id = ?""")
			.params(JSON.writeValueAsString(d.foundPages()), JSON.writeValueAsString(d.missingPages()),
					JSON.writeValueAsString(d.duplicatePages()), stored(d.signature()), d.score(), now(),
					municipalityId, d.documentId())
			.update();
		if (updated == 0) {
			jdbc.sql("""
					INSERT INTO scan_document (municipality_id, document_id, case_id, form, pages, found_pages,
					    missing_pages, duplicate_pages, signature, score, updated_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(municipalityId, d.documentId(), d.caseId(), d.form(), d.pages(),
						JSON.writeValueAsString(d.foundPages()), JSON.writeValueAsString(d.missingPages()),
						JSON.writeValueAsString(d.duplicatePages()), stored(d.signature()), d.score(), now())
				.update();
		}
	}

	/**
	 * The scanned state of the documents of these cases (one query per 500 case ids for
	 * the documents, one per 500 document ids for their pages).
	 */
	List<ScannedDocument> scannedOfCases(long municipalityId, Collection<Long> caseIds) {
		List<Long> ids = List.copyOf(new HashSet<>(caseIds));
		List<ScannedDocument> found = new ArrayList<>();
		for (int from = 0; from < ids.size(); from += 500) {
			Map<String, Object[]> documents = new LinkedHashMap<>();
			List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
			List<Object> params = new ArrayList<>(chunk);
			params.add(municipalityId);
			// IN lists on the indexes' first column (V14): an index look-up per case and
			// per document.
			jdbc.sql("""
					SELECT d.document_id, d.case_id, d.missing_pages, d.signature, d.updated_at
					FROM scan_document d WHERE d.case_id IN (%s) AND d.municipality_id = ?
					ORDER BY d.id""".formatted(String.join(", ", Collections.nCopies(chunk.size(), "?"))))
				.params(params)
				.query((ResultSet rs) -> {
					documents.put(rs.getString(1), new Object[] { rs.getLong(2), rs.getString(3), rs.getString(4),
							rs.getObject(5, OffsetDateTime.class) });
				});
			Map<String, long[]> thumbnails = thumbnails(municipalityId, documents.keySet());
			documents.forEach((documentId, row) -> {
				String signature = (String) row[2];
				long[] thumbnail = thumbnails.get(documentId);
				found.add(new ScannedDocument(documentId, (Long) row[0], JSON.readValue((String) row[1], NUMBERS),
						signature.equals(NO_BOXES) ? null : signature, (OffsetDateTime) row[3],
						thumbnail == null ? null : thumbnail[0]));
			});
		}
		return found;
	}

	/**
	 * Per document, the page row to show: the first page (in document order) whose boxes
	 * were judged, else its first page found. Value: {page id, document page, judged
	 * 0/1}.
	 */
	private Map<String, long[]> thumbnails(long municipalityId, Collection<String> documentIds) {
		Map<String, long[]> best = new HashMap<>();
		if (documentIds.isEmpty()) {
			return best;
		}
		List<Object> params = new ArrayList<>(documentIds);
		params.add(municipalityId);
		jdbc.sql("""
				SELECT p.document_id, p.id, p.document_page, p.signature
				FROM scan_page p WHERE p.document_id IN (%s) AND p.municipality_id = ?
				    AND p.document_page IS NOT NULL AND p.outcome IN ('MATCHED', 'ASSIGNED')"""
			.formatted(String.join(", ", Collections.nCopies(documentIds.size(), "?"))))
			.params(params)
			.query((ResultSet rs) -> {
				long[] candidate = { rs.getLong(2), rs.getInt(3), rs.getString(4) == null ? 0 : 1 };
				best.merge(rs.getString(1), candidate, (a, b) -> {
					if (a[2] != b[2]) {
						return a[2] > b[2] ? a : b;
					}
					if (a[1] != b[1]) {
						return a[1] < b[1] ? a : b;
					}
					return a[0] <= b[0] ? a : b;
				});
			});
		return best;
	}

	private static OffsetDateTime now() {
		return OffsetDateTime.now(ZoneOffset.UTC);
	}

}
