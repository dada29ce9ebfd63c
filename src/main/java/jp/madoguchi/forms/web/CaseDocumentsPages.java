package jp.madoguchi.forms.web;

import java.util.Arrays;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import jp.madoguchi.audit.AuditAction;
import jp.madoguchi.audit.AuditLog;
import jp.madoguchi.errors.ClientError;
import jp.madoguchi.forms.Applicant;
import jp.madoguchi.forms.FormId;
import jp.madoguchi.forms.TemplateSet;
import jp.madoguchi.tenant.StaffUser;

/**
 * A case's generated documents, for the records officer (and the clerk): which form,
 * which template version and its SHA-256, how many pages. The look-up lives in the forms
 * module because the documents are the forms module's; the cases module must not depend
 * on it (forms reads cases). Not under {@code /cases/**}: that page shows the case
 * itself.
 */
@Controller
@PreAuthorize("hasAnyRole('CLERK','RECORDS_OFFICER')")
class CaseDocumentsPages {

	/** Longest case number typed on the landing page (a {@code long} has 19 digits). */
	private static final int MAX_DIGITS = 18;

	private final CaseApplicants cases;

	private final CaseDocumentRepository documents;

	private final RosterPackets packets;

	private final AuditLog audit;

	CaseDocumentsPages(CaseApplicants cases, CaseDocumentRepository documents, RosterPackets packets, AuditLog audit) {
		this.cases = cases;
		this.documents = documents;
		this.packets = packets;
		this.audit = audit;
	}

	/** The landing page's form: 案件番号 → the case's documents. */
	@GetMapping("/case-documents")
	String lookUp(@RequestParam(required = false) String caseId) {
		return "redirect:/case-documents/" + caseNumber(caseId);
	}

	@GetMapping("/case-documents/{caseId}")
	String page(@AuthenticationPrincipal StaffUser user, @PathVariable String caseId, Model model) {
		long id = caseNumber(caseId);
		Applicant applicant = cases.find(user.municipalityId(), id).orElseThrow(ClientError::notFound);
		audit.record(user.municipalityId(), user.getUsername(), AuditAction.VIEW, "case-documents", Long.toString(id));
		TemplateSet templates = packets.templates(user);
		List<Row> rows = documents.ofCase(user.municipalityId(), id)
			.stream()
			.map(d -> new Row(d.id(), title(templates, d.form()), d.templateVersion(),
					"municipality".equals(d.templateOrigin()) ? "自治体の版" : "標準", d.pages(), d.sha256()))
			.toList();
		model.addAttribute("caseId", id);
		model.addAttribute("name", applicant.name());
		model.addAttribute("documents", rows);
		return "forms/case-documents";
	}

	/** One generated document as the page shows it. */
	record Row(String id, String form, String templateVersion, String origin, int pages, String sha256) {
	}

	private static String title(TemplateSet templates, String formId) {
		return Arrays.stream(FormId.values())
			.filter(f -> f.id().equals(formId))
			.findFirst()
			.map(templates::title)
			.orElse(formId);
	}

	private static long caseNumber(String text) {
		String digits = text == null ? "" : text.strip();
		if (digits.isEmpty() || digits.length() > MAX_DIGITS || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
			throw ClientError.badRequest("CASE_NUMBER_INVALID").field("caseId");
		}
		return Long.parseLong(digits);
	}

}
