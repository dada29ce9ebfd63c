package jp.madoguchi.forms.web;

import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import jp.madoguchi.audit.AuditAction;
import jp.madoguchi.audit.AuditLog;
import jp.madoguchi.forms.FormId;
import jp.madoguchi.forms.FormsEngine;
import jp.madoguchi.forms.TemplateSet;
import jp.madoguchi.forms.TemplateSummary;
import jp.madoguchi.tenant.StaffUser;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * A municipality's own template versions: install (checked exactly like {@code /check},
 * then stored and made current), re-activate an earlier one or the built-in default, and
 * the templates every document, packet and preview of the municipality is printed with.
 */
@Service
class MunicipalTemplates {

	/**
	 * The file name in messages, the same as for {@code /check}, so both answer with the
	 * same lines.
	 */
	static final String UPLOAD_NAME = "template.json";

	/**
	 * A template is a few kilobytes; this only keeps a mistaken upload out of the
	 * database.
	 */
	static final int MAX_TEMPLATE_BYTES = 1024 * 1024;

	private final FormsEngine engine;

	private final MunicipalTemplateRepository repository;

	private final TransactionTemplate transaction;

	private final AuditLog audit;

	MunicipalTemplates(FormsEngine engine, MunicipalTemplateRepository repository, TransactionTemplate transaction,
			AuditLog audit) {
		this.engine = engine;
		this.repository = repository;
		this.transaction = transaction;
		this.audit = audit;
	}

	record Installed(FormId form, int version, String sha256) {
	}

	/**
	 * The templates the municipality prints with: one light query, the content only for
	 * versions not yet compiled.
	 */
	TemplateSet templatesFor(long municipalityId) {
		return engine.templatesWith(repository.current(municipalityId),
				version -> repository.content(version.municipalityId(), version.form(), version.version())
					.orElseThrow(() -> new IllegalStateException("stored template version missing: " + version)));
	}

	/**
	 * Checks the upload ({@link jp.madoguchi.forms.TemplateRejectedException} naming the
	 * line, nothing stored), stores it as the next version and makes it current.
	 */
	Installed install(StaffUser user, FormId form, byte[] json) {
		TemplateSummary summary = engine.checkTemplate(form, UPLOAD_NAME, json);
		long municipalityId = user.municipalityId();
		int version = withRetryOnConflict(() -> transaction.execute(status -> {
			int stored = repository.insert(municipalityId, form, json, summary, user.getUsername());
			repository.makeCurrent(municipalityId, form, stored, user.getUsername());
			return stored;
		}));
		audit.record(municipalityId, user.getUsername(), AuditAction.IMPORT, "template-version",
				form.id() + "/" + version);
		audit.record(municipalityId, user.getUsername(), AuditAction.CHANGE, "template-current",
				form.id() + "/" + version);
		return new Installed(form, version, summary.sha256());
	}

	/**
	 * Makes an earlier version current again; false if the municipality has no such
	 * version.
	 */
	boolean activate(StaffUser user, FormId form, int version) {
		long municipalityId = user.municipalityId();
		if (repository.version(municipalityId, form, version).isEmpty()) {
			return false;
		}
		withRetryOnConflict(() -> transaction.execute(status -> {
			repository.makeCurrent(municipalityId, form, version, user.getUsername());
			return version;
		}));
		audit.record(municipalityId, user.getUsername(), AuditAction.CHANGE, "template-current",
				form.id() + "/" + version);
		return true;
	}

	/** Goes back to the built-in template; the stored versions stay. */
	void activateDefault(StaffUser user, FormId form) {
		long municipalityId = user.municipalityId();
		withRetryOnConflict(() -> transaction.execute(status -> {
			repository.makeCurrent(municipalityId, form, null, user.getUsername());
			return 0;
		}));
		audit.record(municipalityId, user.getUsername(), AuditAction.CHANGE, "template-current",
				form.id() + "/default");
	}

	List<MunicipalTemplateRepository.StoredVersion> versions(StaffUser user, FormId form) {
		return repository.versions(user.municipalityId(), form);
	}

	Optional<Integer> currentVersion(StaffUser user, FormId form) {
		return repository.currentVersion(user.municipalityId(), form);
	}

	/** The stored JSON exactly as uploaded, to prove the wording; audited as a view. */
	Optional<byte[]> content(StaffUser user, FormId form, int version) {
		Optional<byte[]> content = repository.content(user.municipalityId(), form, version);
		content.ifPresent(c -> audit.record(user.municipalityId(), user.getUsername(), AuditAction.VIEW,
				"template-version", form.id() + "/" + version));
		return content;
	}

	/**
	 * Runs a transaction again when a concurrent change took the same version number or
	 * created the same pointer first. Outside the transaction, because PostgreSQL aborts
	 * a transaction on a failed statement.
	 */
	private static int withRetryOnConflict(Supplier<Integer> work) {
		for (int attempt = 1;; attempt++) {
			try {
				return work.get();
			}
			catch (DuplicateKeyException e) {
				if (attempt == MAX_ATTEMPTS) {
					throw e;
				}
				try {
					// A short random pause, so that uploads that collided do not collide
					// again.
					Thread.sleep(ThreadLocalRandom.current().nextLong(5, 50));
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw e;
				}
			}
		}
	}

	private static final int MAX_ATTEMPTS = 10;

}
