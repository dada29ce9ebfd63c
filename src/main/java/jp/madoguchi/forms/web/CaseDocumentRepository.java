package jp.madoguchi.forms.web;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

import jp.madoguchi.changes.ChangeKind;
import jp.madoguchi.changes.ChangeLog;

import jp.madoguchi.forms.DocumentRecord;
import jp.madoguchi.forms.FormId;
import jp.madoguchi.forms.IssuedDocument;
import jp.madoguchi.forms.IssuedDocumentSummary;
import jp.madoguchi.forms.TemplateOrigin;
import jp.madoguchi.forms.Region;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import jp.madoguchi.sql.IdLists;

/** The documents generated for each case, scoped to a municipality. */
@Repository
class CaseDocumentRepository {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String INSERT = """
			INSERT INTO case_document (municipality_id, case_id, document_id, form, template_version, template_sha256,
			    template_origin, pages, regions, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final TransactionTemplate transaction;

	private final ChangeLog changes;

	CaseDocumentRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate, TransactionTemplate transaction,
			ChangeLog changes) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.transaction = transaction;
		this.changes = changes;
	}

	/**
	 * Records generated documents on their cases and each case once in the change log: a
	 * transaction per 1,000 documents (a whole roster's packet in one would be slow to
	 * commit on H2), each holding its documents and their cases' change rows.
	 */
	void record(long municipalityId, List<DocumentRecord> documents, String username) {
		for (int from = 0; from < documents.size(); from += 1000) {
			List<DocumentRecord> chunk = documents.subList(from, Math.min(documents.size(), from + 1000));
			transaction.executeWithoutResult(status -> {
				insert(municipalityId, chunk, username);
				changes.recordAll(municipalityId, ChangeKind.CASE,
						chunk.stream().map(d -> Long.parseLong(d.applicantId())).toList());
			});
		}
	}

	private void insert(long municipalityId, List<DocumentRecord> documents, String username) {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		jdbcTemplate.batchUpdate(INSERT, documents, 1000, (ps, d) -> {
			ps.setLong(1, municipalityId);
			ps.setLong(2, Long.parseLong(d.applicantId()));
			ps.setString(3, d.id());
			ps.setString(4, d.form().id());
			ps.setString(5, d.templateVersion());
			ps.setString(6, d.sha256());
			ps.setString(7, d.templateOrigin().jsonName());
			ps.setInt(8, d.pages());
			ps.setString(9, JSON.writeValueAsString(d.regions().stream().map(RegionJson::of).toList()));
			ps.setString(10, username);
			ps.setObject(11, now);
		});
	}

	List<DocumentJson> ofCase(long municipalityId, long caseId) {
		return jdbc.sql("""
				SELECT document_id, form, template_version, template_sha256, template_origin, pages, regions
				FROM case_document WHERE municipality_id = ? AND case_id = ? AND disposed_at IS NULL ORDER BY id""")
			.params(municipalityId, caseId)
			.query((rs, n) -> new DocumentJson(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getInt(6),
					JSON.readValue(rs.getString(7), new TypeReference<List<RegionJson>>() {
					})))
			.list();
	}

	private static final String ISSUED = """
			SELECT document_id, case_id, form, template_version, template_sha256, template_origin, pages, regions
			FROM case_document WHERE municipality_id = ? AND disposed_at IS NULL""";

	Optional<IssuedDocument> issued(long municipalityId, String documentId) {
		return jdbc.sql(ISSUED + " AND document_id = ?")
			.params(municipalityId, documentId)
			.query(CaseDocumentRepository::issuedDocument)
			.optional();
	}

	List<IssuedDocument> issuedOfCase(long municipalityId, long caseId) {
		return jdbc.sql(ISSUED + " AND case_id = ? ORDER BY id")
			.params(municipalityId, caseId)
			.query(CaseDocumentRepository::issuedDocument)
			.list();
	}

	/**
	 * The documents of these cases (disposed ones too: that a form was printed, and when,
	 * stays a fact of the case), one query per 1,000 ids: an IN list on the index's first
	 * column (V14), so each is an index look-up.
	 */
	List<IssuedDocumentSummary> summariesOfCases(long municipalityId, Collection<Long> caseIds) {
		List<IssuedDocumentSummary> found = new ArrayList<>();
		for (List<Long> slice : IdLists.slices(caseIds)) {
			found.addAll(jdbc.sql("""
					SELECT d.document_id, d.case_id, d.form, d.template_version, d.created_at, d.disposed_at
					FROM case_document d WHERE d.case_id IN (%s) AND d.municipality_id = ?
					ORDER BY d.id""".formatted(IdLists.numbers(slice)))
				.param(municipalityId)
				.query((rs, n) -> new IssuedDocumentSummary(rs.getString(1), rs.getLong(2),
						FormId.fromId(rs.getString(3)), rs.getString(4), rs.getObject(5, OffsetDateTime.class),
						rs.getObject(6) != null))
				.list());
		}
		return found;
	}

	private static IssuedDocument issuedDocument(ResultSet rs, int row) throws SQLException {
		List<RegionJson> regions = JSON.readValue(rs.getString(8), new TypeReference<List<RegionJson>>() {
		});
		return new IssuedDocument(rs.getString(1), rs.getLong(2), FormId.fromId(rs.getString(3)), rs.getString(4),
				rs.getString(5), TemplateOrigin.fromJsonName(rs.getString(6)), rs.getInt(7),
				regions.stream().map(RegionJson::toRegion).toList());
	}

	/**
	 * {@code {"id", "form", "templateVersion", "sha256", "pages", "regions"}} as the API
	 * contract names them, and {@code templateOrigin}: {@code default} (the built-in
	 * file's version) or {@code municipality} (the number of the municipality's installed
	 * version, whose JSON {@code GET /api/templates/{form}/versions/{n}} returns).
	 */
	record DocumentJson(String id, String form, String templateVersion, String sha256, String templateOrigin, int pages,
			List<RegionJson> regions) {
		static DocumentJson of(DocumentRecord d) {
			return new DocumentJson(d.id(), d.form().id(), d.templateVersion(), d.sha256(),
					d.templateOrigin().jsonName(), d.pages(), d.regions().stream().map(RegionJson::of).toList());
		}
	}

	/**
	 * A region in PDF points from the page's lower-left corner; kind is qr, signature or
	 * seal.
	 */
	record RegionJson(int page, String kind, float x, float y, float w, float h) {
		static RegionJson of(Region r) {
			return new RegionJson(r.page(), r.kind().jsonName(), r.x(), r.y(), r.w(), r.h());
		}

		Region toRegion() {
			return new Region(page, Region.Kind.valueOf(kind.toUpperCase(Locale.ROOT)), x, y, w, h);
		}
	}

}
