package jp.madoguchi.forms.web;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jp.madoguchi.errors.ClientError;
import jp.madoguchi.forms.FormId;
import jp.madoguchi.forms.FormsEngine;
import jp.madoguchi.forms.TemplateSet;
import jp.madoguchi.tenant.StaffUser;

/**
 * Templates, ADMIN only: a preview of each form as the municipality prints it, with
 * sample data; the check and preview of a municipality's own version (the JSON file as
 * the request body), its installation as a new version, the list of versions,
 * re-activation of an earlier version or the built-in default, and the stored file of a
 * version. A template naming an unknown field or not fitting its page answers 422 with
 * the line. Another municipality's versions answer 404.
 */
@RestController
@RequestMapping("/api/templates")
@PreAuthorize("hasRole('ADMIN')")
class TemplatesApi {

	private final FormsEngine engine;

	private final MunicipalTemplates municipalTemplates;

	TemplatesApi(FormsEngine engine, MunicipalTemplates municipalTemplates) {
		this.engine = engine;
		this.municipalTemplates = municipalTemplates;
	}

	@GetMapping(value = "/{form}/preview.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
	byte[] preview(@AuthenticationPrincipal StaffUser user, @PathVariable String form) {
		return engine.preview(municipalTemplates.templatesFor(user.municipalityId()), form(form)).pdf();
	}

	@PostMapping(value = "/{form}/check", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ApiResponse(responseCode = "422", description = "the template has errors (TEMPLATE_REJECTED)")
	CheckedJson check(@AuthenticationPrincipal StaffUser user, @PathVariable String form, @RequestBody byte[] json) {
		engine.checkTemplate(form(form), MunicipalTemplates.UPLOAD_NAME, json);
		return new CheckedJson(form, true);
	}

	@PostMapping(value = "/{form}/preview.pdf", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_PDF_VALUE)
	byte[] previewUpload(@AuthenticationPrincipal StaffUser user, @PathVariable String form, @RequestBody byte[] json) {
		return engine.previewTemplate(form(form), MunicipalTemplates.UPLOAD_NAME, json).pdf();
	}

	record InstalledJson(String form, int version, String sha256) {
	}

	record CheckedJson(String form, boolean accepted) {
	}

	/** The municipality's stored version now in use. */
	record ActivatedVersionJson(String form, String origin, int version) {
	}

	/** The built-in template (its own version string) now in use. */
	record ActivatedDefaultJson(String form, String origin, String version) {
	}

	/**
	 * Checked exactly like {@code /check}; stored as the next version and made current.
	 */
	@ApiResponse(responseCode = "201", description = "stored as the next version and made current")
	@ApiResponse(responseCode = "413", description = "the file is too large (TEMPLATE_TOO_LARGE)")
	@ApiResponse(responseCode = "422", description = "the template has errors (TEMPLATE_REJECTED)")
	@PostMapping(value = "/{form}/versions", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<InstalledJson> install(@AuthenticationPrincipal StaffUser user, @PathVariable String form,
			@RequestBody byte[] json) {
		FormId formId = form(form);
		if (json.length > MunicipalTemplates.MAX_TEMPLATE_BYTES) {
			throw new ClientError(HttpStatus.CONTENT_TOO_LARGE, "TEMPLATE_TOO_LARGE");
		}
		MunicipalTemplates.Installed installed = municipalTemplates.install(user, formId, json);
		return ResponseEntity.created(URI.create("/api/templates/" + form + "/versions/" + installed.version()))
			.body(new InstalledJson(form, installed.version(), installed.sha256()));
	}

	/** The template in use: {@code origin} {@code default} or {@code municipality}. */
	record CurrentJson(String origin, String version, String sha256) {
	}

	record DefaultJson(String version, String sha256, String title) {
	}

	record VersionJson(int version, String sha256, String fileVersion, String title, String uploadedBy,
			OffsetDateTime uploadedAt, boolean current) {
	}

	record VersionsJson(String form, CurrentJson current, DefaultJson builtIn, List<VersionJson> versions) {
	}

	@GetMapping("/{form}/versions")
	VersionsJson versions(@AuthenticationPrincipal StaffUser user, @PathVariable String form) {
		FormId formId = form(form);
		TemplateSet current = municipalTemplates.templatesFor(user.municipalityId());
		TemplateSet defaults = engine.defaultTemplates();
		Integer currentVersion = municipalTemplates.currentVersion(user, formId).orElse(null);
		List<VersionJson> versions = municipalTemplates.versions(user, formId)
			.stream()
			.map(v -> new VersionJson(v.version(), v.sha256(), v.fileVersion(), v.title(), v.uploadedBy(),
					v.uploadedAt(), currentVersion != null && currentVersion == v.version()))
			.toList();
		return new VersionsJson(form,
				new CurrentJson(current.origin(formId).jsonName(), current.version(formId), current.sha256(formId)),
				new DefaultJson(defaults.version(formId), defaults.sha256(formId), defaults.title(formId)), versions);
	}

	/**
	 * The stored file exactly as uploaded: the wording a document recording this version
	 * was printed with.
	 */
	@GetMapping("/{form}/versions/{version}")
	ResponseEntity<byte[]> version(@AuthenticationPrincipal StaffUser user, @PathVariable String form,
			@PathVariable int version) {
		byte[] json = municipalTemplates.content(user, form(form), version).orElseThrow(FormsApi::notFound);
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json);
	}

	@GetMapping(value = "/{form}/versions/{version}/preview.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
	byte[] previewVersion(@AuthenticationPrincipal StaffUser user, @PathVariable String form,
			@PathVariable int version) {
		FormId formId = form(form);
		byte[] json = municipalTemplates.content(user, formId, version).orElseThrow(FormsApi::notFound);
		return engine.previewTemplate(formId, formId.id() + "-v" + version + ".json", json).pdf();
	}

	@PostMapping("/{form}/versions/{version}/activate")
	ActivatedVersionJson activate(@AuthenticationPrincipal StaffUser user, @PathVariable String form,
			@PathVariable int version) {
		if (!municipalTemplates.activate(user, form(form), version)) {
			throw FormsApi.notFound();
		}
		return new ActivatedVersionJson(form, "municipality", version);
	}

	@PostMapping("/{form}/default/activate")
	ActivatedDefaultJson activateDefault(@AuthenticationPrincipal StaffUser user, @PathVariable String form) {
		FormId formId = form(form);
		municipalTemplates.activateDefault(user, formId);
		return new ActivatedDefaultJson(form, "default", engine.defaultTemplates().version(formId));
	}

	static FormId form(String id) {
		try {
			return FormId.fromId(id);
		}
		catch (IllegalArgumentException e) {
			throw ClientError.notFound();
		}
	}

}
