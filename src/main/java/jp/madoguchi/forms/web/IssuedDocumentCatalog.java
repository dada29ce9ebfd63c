package jp.madoguchi.forms.web;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import jp.madoguchi.forms.FormsEngine;
import jp.madoguchi.forms.InstalledTemplate;
import jp.madoguchi.forms.IssuedDocument;
import jp.madoguchi.forms.IssuedDocumentSummary;
import jp.madoguchi.forms.IssuedDocuments;
import jp.madoguchi.forms.TemplateOrigin;
import jp.madoguchi.forms.TemplateSet;

/** {@link IssuedDocuments} from the forms module's own record of generated documents. */
@Service
class IssuedDocumentCatalog implements IssuedDocuments {

	private final CaseDocumentRepository documents;

	private final MunicipalTemplateRepository templates;

	private final FormsEngine engine;

	IssuedDocumentCatalog(CaseDocumentRepository documents, MunicipalTemplateRepository templates, FormsEngine engine) {
		this.documents = documents;
		this.templates = templates;
		this.engine = engine;
	}

	@Override
	public Optional<IssuedDocument> find(long municipalityId, String documentId) {
		return documents.issued(municipalityId, documentId);
	}

	@Override
	public List<IssuedDocument> ofCase(long municipalityId, long caseId) {
		return documents.issuedOfCase(municipalityId, caseId);
	}

	@Override
	public List<IssuedDocumentSummary> summariesOfCases(long municipalityId, Collection<Long> caseIds) {
		return documents.summariesOfCases(municipalityId, caseIds);
	}

	@Override
	public Optional<byte[]> unsignedForm(long municipalityId, IssuedDocument document) {
		TemplateSet set;
		if (document.templateOrigin() == TemplateOrigin.MUNICIPALITY) {
			int version;
			try {
				version = Integer.parseInt(document.templateVersion());
			}
			catch (NumberFormatException e) {
				return Optional.empty();
			}
			InstalledTemplate installed = new InstalledTemplate(municipalityId, document.form(), version,
					document.templateSha256());
			Optional<byte[]> content = templates.content(municipalityId, document.form(), version);
			if (content.isEmpty()) {
				return Optional.empty();
			}
			try {
				set = engine.templatesWith(List.of(installed), v -> content.get());
			}
			catch (IllegalStateException e) {
				// The stored content no longer hashes to the recorded version.
				return Optional.empty();
			}
		}
		else {
			set = engine.defaultTemplates();
		}
		if (!set.sha256(document.form()).equals(document.templateSha256())) {
			return Optional.empty();
		}
		return Optional.of(engine.preview(set, document.form()).pdf());
	}

}
