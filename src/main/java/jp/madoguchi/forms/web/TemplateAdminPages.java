package jp.madoguchi.forms.web;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jp.madoguchi.errors.Messages;
import jp.madoguchi.forms.FormId;
import jp.madoguchi.forms.FormsEngine;
import jp.madoguchi.forms.TemplateOrigin;
import jp.madoguchi.forms.TemplateRejectedException;
import jp.madoguchi.forms.TemplateSet;
import jp.madoguchi.tenant.StaffUser;

/**
 * The ADMIN's template pages: per form the version in use, the stored versions, an upload
 * that installs a new version, re-activation of an earlier one or of the built-in
 * default, previews with sample data and the stored file of each version.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class TemplateAdminPages {

	private final FormsEngine engine;

	private final MunicipalTemplates municipalTemplates;

	private final Messages messages;

	TemplateAdminPages(FormsEngine engine, MunicipalTemplates municipalTemplates, Messages messages) {
		this.messages = messages;
		this.engine = engine;
		this.municipalTemplates = municipalTemplates;
	}

	/** One form in the overview; {@code current} is 「標準」 or 「第 n 版」. */
	record FormRow(String id, String title, String current, int versions) {
	}

	record VersionRow(int version, String sha256, String fileVersion, String title, String uploadedBy,
			String uploadedAt, boolean current) {
	}

	@GetMapping("/admin/templates")
	String overview(@AuthenticationPrincipal StaffUser user, Model model) {
		TemplateSet templates = municipalTemplates.templatesFor(user.municipalityId());
		model.addAttribute("forms",
				Arrays.stream(FormId.values())
					.map(f -> new FormRow(f.id(), templates.title(f), currentLabel(templates, f),
							municipalTemplates.versions(user, f).size()))
					.toList());
		return "forms/templates";
	}

	@GetMapping("/admin/templates/{form}")
	String form(@AuthenticationPrincipal StaffUser user, @PathVariable String form, Model model) {
		FormId formId = TemplatesApi.form(form);
		TemplateSet templates = municipalTemplates.templatesFor(user.municipalityId());
		TemplateSet defaults = engine.defaultTemplates();
		Integer current = municipalTemplates.currentVersion(user, formId).orElse(null);
		List<VersionRow> versions = municipalTemplates.versions(user, formId)
			.stream()
			.map(v -> new VersionRow(v.version(), v.sha256(), v.fileVersion(), v.title(), v.uploadedBy(),
					v.uploadedAt()
						.atZoneSameInstant(RosterPackets.JAPAN)
						.toLocalDateTime()
						.withNano(0)
						.toString()
						.replace('T', ' '),
					current != null && current == v.version()))
			.toList();
		model.addAttribute("form", formId.id());
		model.addAttribute("title", templates.title(formId));
		model.addAttribute("current", currentLabel(templates, formId));
		model.addAttribute("currentSha256", templates.sha256(formId));
		model.addAttribute("defaultIsCurrent", current == null);
		model.addAttribute("defaultVersion", defaults.version(formId));
		model.addAttribute("defaultSha256", defaults.sha256(formId));
		model.addAttribute("versions", versions.reversed());
		return "forms/template";
	}

	@PostMapping("/admin/templates/{form}/versions")
	String install(@AuthenticationPrincipal StaffUser user, @PathVariable String form,
			@RequestParam("file") MultipartFile file, Model model, RedirectAttributes redirect) throws IOException {
		FormId formId = TemplatesApi.form(form);
		if (file.isEmpty() || file.getSize() > MunicipalTemplates.MAX_TEMPLATE_BYTES) {
			return formWithError(user, form, this.messages.text("TEMPLATE_FILE_REQUIRED"), List.of(), model);
		}
		try {
			MunicipalTemplates.Installed installed = municipalTemplates.install(user, formId, file.getBytes());
			redirect.addFlashAttribute("notice", "第 " + installed.version() + " 版として登録し、使用中にしました。");
			return "redirect:/admin/templates/" + formId.id();
		}
		catch (TemplateRejectedException e) {
			// The loader's message names file and line in English; the designer needs
			// exactly those lines.
			return formWithError(user, form, this.messages.text("TEMPLATE_REJECTED_LINES"),
					e.getMessage().lines().toList(), model);
		}
	}

	private String formWithError(StaffUser user, String form, String error, List<String> problems, Model model) {
		model.addAttribute("error", error);
		model.addAttribute("problems", problems);
		return form(user, form, model);
	}

	@PostMapping("/admin/templates/{form}/versions/{version}/activate")
	String activate(@AuthenticationPrincipal StaffUser user, @PathVariable String form, @PathVariable int version,
			RedirectAttributes redirect) {
		FormId formId = TemplatesApi.form(form);
		if (!municipalTemplates.activate(user, formId, version)) {
			throw FormsApi.notFound();
		}
		redirect.addFlashAttribute("notice", "第 " + version + " 版を使用中にしました。");
		return "redirect:/admin/templates/" + formId.id();
	}

	@PostMapping("/admin/templates/{form}/default/activate")
	String activateDefault(@AuthenticationPrincipal StaffUser user, @PathVariable String form,
			RedirectAttributes redirect) {
		FormId formId = TemplatesApi.form(form);
		municipalTemplates.activateDefault(user, formId);
		redirect.addFlashAttribute("notice", "標準のテンプレートに戻しました。");
		return "redirect:/admin/templates/" + formId.id();
	}

	@GetMapping("/admin/templates/{form}/preview.pdf")
	ResponseEntity<byte[]> previewCurrent(@AuthenticationPrincipal StaffUser user, @PathVariable String form) {
		FormId formId = TemplatesApi.form(form);
		byte[] pdf = engine.preview(municipalTemplates.templatesFor(user.municipalityId()), formId).pdf();
		return pdf("preview-" + formId.id() + ".pdf", pdf);
	}

	@GetMapping("/admin/templates/{form}/default/preview.pdf")
	ResponseEntity<byte[]> previewDefault(@AuthenticationPrincipal StaffUser user, @PathVariable String form) {
		FormId formId = TemplatesApi.form(form);
		return pdf("preview-" + formId.id() + "-default.pdf", engine.preview(formId).pdf());
	}

	@GetMapping("/admin/templates/{form}/versions/{version}/preview.pdf")
	ResponseEntity<byte[]> previewVersion(@AuthenticationPrincipal StaffUser user, @PathVariable String form,
			@PathVariable int version) {
		FormId formId = TemplatesApi.form(form);
		byte[] json = municipalTemplates.content(user, formId, version).orElseThrow(FormsApi::notFound);
		return pdf("preview-" + formId.id() + "-v" + version + ".pdf",
				engine.previewTemplate(formId, formId.id() + "-v" + version + ".json", json).pdf());
	}

	@GetMapping("/admin/templates/{form}/versions/{version}/template.json")
	ResponseEntity<byte[]> storedFile(@AuthenticationPrincipal StaffUser user, @PathVariable String form,
			@PathVariable int version) {
		FormId formId = TemplatesApi.form(form);
		byte[] json = municipalTemplates.content(user, formId, version).orElseThrow(FormsApi::notFound);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(formId.id() + "-v" + version + ".json").build().toString())
			.body(json);
	}

	private static ResponseEntity<byte[]> pdf(String fileName, byte[] pdf) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(fileName).build().toString())
			.body(pdf);
	}

	private static String currentLabel(TemplateSet templates, FormId form) {
		return templates.origin(form) == TemplateOrigin.MUNICIPALITY ? "第 " + templates.version(form) + " 版"
				: "標準（" + templates.version(form) + "）";
	}

}
