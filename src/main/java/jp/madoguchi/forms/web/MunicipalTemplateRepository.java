package jp.madoguchi.forms.web;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import jp.madoguchi.forms.FormId;
import jp.madoguchi.forms.InstalledTemplate;
import jp.madoguchi.forms.TemplateSummary;

/**
 * A municipality's own template versions: stored once as uploaded and never updated or
 * deleted, and a separate pointer to the version in use per form (none: the built-in
 * default).
 */
@Repository
class MunicipalTemplateRepository {

	private final JdbcClient jdbc;

	MunicipalTemplateRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A stored version as listed (without its content). */
	record StoredVersion(int version, String sha256, String fileVersion, String title, String uploadedBy,
			OffsetDateTime uploadedAt) {
	}

	/**
	 * The versions in use by a municipality, one per form that does not print the
	 * built-in default.
	 */
	List<InstalledTemplate> current(long municipalityId) {
		return jdbc.sql("""
				SELECT c.form, c.version, t.sha256 FROM municipality_template_current c
				JOIN municipality_template t
				  ON t.municipality_id = c.municipality_id AND t.form = c.form AND t.version = c.version
				WHERE c.municipality_id = ?""")
			.param(municipalityId)
			.query((rs, n) -> new InstalledTemplate(municipalityId, FormId.fromId(rs.getString(1)), rs.getInt(2),
					rs.getString(3)))
			.list();
	}

	/** The version in use for one form; empty: the built-in default. */
	Optional<Integer> currentVersion(long municipalityId, FormId form) {
		return current(municipalityId).stream()
			.filter(t -> t.form() == form)
			.map(InstalledTemplate::version)
			.findFirst();
	}

	List<StoredVersion> versions(long municipalityId, FormId form) {
		return jdbc.sql("""
				SELECT version, sha256, file_version, title, uploaded_by, uploaded_at FROM municipality_template
				WHERE municipality_id = ? AND form = ? ORDER BY version""")
			.params(municipalityId, form.id())
			.query((rs, n) -> new StoredVersion(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getObject(6, OffsetDateTime.class)))
			.list();
	}

	Optional<StoredVersion> version(long municipalityId, FormId form, int version) {
		return versions(municipalityId, form).stream().filter(v -> v.version() == version).findFirst();
	}

	/** The JSON exactly as uploaded. */
	Optional<byte[]> content(long municipalityId, FormId form, int version) {
		return jdbc.sql("""
				SELECT content FROM municipality_template WHERE municipality_id = ? AND form = ? AND version = ?""")
			.params(municipalityId, form.id(), version)
			.query((rs, n) -> rs.getBytes(1))
			.optional();
	}

	/**
	 * Stores the next version number of the form. Two uploads at the same moment may pick
	 * the same number: the unique constraint then refuses one of them, and the caller
	 * tries again.
	 */
	int insert(long municipalityId, FormId form, byte[] json, TemplateSummary summary, String username) {
		int next = jdbc
			.sql("""
					SELECT COALESCE(MAX(version), 0) + 1 FROM municipality_template WHERE municipality_id = ? AND form = ?""")
			.params(municipalityId, form.id())
			.query(Integer.class)
			.single();
		jdbc.sql("""
				INSERT INTO municipality_template (municipality_id, form, version, content, sha256, file_version, title,
				    uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(municipalityId, form.id(), next, json, summary.sha256(), summary.version(), summary.title(),
					username, OffsetDateTime.now(ZoneOffset.UTC))
			.update();
		return next;
	}

	/** Points the form at {@code version}, or at the built-in default when it is null. */
	void makeCurrent(long municipalityId, FormId form, Integer version, String username) {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		int updated = jdbc.sql("""
				UPDATE municipality_template_current SET version = ?, changed_by = ?, changed_at = ?
				WHERE municipality_id = ? AND form = ?""")
			.params(version, username, now, municipalityId, form.id())
			.update();
		if (updated == 0) {
			jdbc.sql("""
					INSERT INTO municipality_template_current (municipality_id, form, version, changed_by, changed_at)
					VALUES (?, ?, ?, ?, ?)""").params(municipalityId, form.id(), version, username, now).update();
		}
	}

}
