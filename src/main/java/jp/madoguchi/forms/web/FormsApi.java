package jp.madoguchi.forms.web;

import java.time.LocalDate;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import jp.madoguchi.audit.AuditAction;
import jp.madoguchi.audit.AuditLog;
import jp.madoguchi.forms.Applicant;
import jp.madoguchi.forms.FormId;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import jp.madoguchi.errors.ClientError;
import jp.madoguchi.forms.FormRefusedException;
import jp.madoguchi.forms.FormsEngine;
import jp.madoguchi.forms.GeneratedDocument;
import jp.madoguchi.forms.PacketRequest;
import jp.madoguchi.tenant.StaffUser;

/**
 * The forms API: a roster's packet (streamed), a case's documents, and one document for a
 * case. Every look-up is scoped to the signed-in user's municipality: another
 * municipality's roster or case answers 404, as if it did not exist.
 */
@RestController
class FormsApi {

	private final FormsEngine engine;

	private final CaseApplicants cases;

	private final CaseDocumentRepository documents;

	private final RosterPackets packets;

	private final AuditLog audit;

	FormsApi(FormsEngine engine, CaseApplicants cases, CaseDocumentRepository documents, RosterPackets packets,
			AuditLog audit) {
		this.engine = engine;
		this.cases = cases;
		this.documents = documents;
		this.packets = packets;
		this.audit = audit;
	}

	@GetMapping("/api/rosters/{id}/packet.pdf")
	@PreAuthorize("hasRole('CLERK')")
	ResponseEntity<StreamingResponseBody> packet(@AuthenticationPrincipal StaffUser user, @PathVariable long id) {
		return streamedPacket(packets, user, id);
	}

	/** Streamed: the 4,000 pages of a large roster go to the client as they are drawn. */
	static ResponseEntity<StreamingResponseBody> streamedPacket(RosterPackets packets, StaffUser user, long id) {
		PacketRequest request = packets.request(user, id).orElseThrow(FormsApi::notFound);
		StreamingResponseBody body = out -> packets.write(user, id, request, out);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("packet-" + id + ".pdf").build().toString())
			.body(body);
	}

	@GetMapping("/api/cases/{id}/documents")
	@PreAuthorize("hasAnyRole('CLERK', 'RECORDS_OFFICER')")
	List<CaseDocumentRepository.DocumentJson> documentsOfCase(@AuthenticationPrincipal StaffUser user,
			@PathVariable long id) {
		cases.find(user.municipalityId(), id).orElseThrow(FormsApi::notFound);
		audit.record(user.municipalityId(), user.getUsername(), AuditAction.VIEW, "case-documents", Long.toString(id));
		return documents.ofCase(user.municipalityId(), id);
	}

	@ApiResponse(responseCode = "200", description = "the document as PDF (header X-Document-Id)",
			content = @Content(mediaType = "application/pdf"))
	@ApiResponse(responseCode = "422",
			description = "a value does not fit its box or has a character no font can draw (FORM_REFUSED, field named)")
	@PostMapping("/api/cases/{id}/documents")
	@PreAuthorize("hasRole('CLERK')")
	ResponseEntity<byte[]> generate(@AuthenticationPrincipal StaffUser user, @PathVariable long id,
			@RequestParam String form) {
		FormId formId;
		try {
			formId = FormId.fromId(form);
		}
		catch (IllegalArgumentException e) {
			throw ClientError.badRequest("FORM_UNKNOWN", form).field("form");
		}
		Applicant applicant = cases.find(user.municipalityId(), id).orElseThrow(FormsApi::notFound);
		GeneratedDocument document;
		try {
			document = engine.generate(packets.templates(user), formId, applicant, packets.settings(user),
					LocalDate.now(RosterPackets.JAPAN));
		}
		catch (FormRefusedException e) {
			throw e.toClientError();
		}
		documents.record(user.municipalityId(), List.of(document.record()), user.getUsername());
		audit.record(user.municipalityId(), user.getUsername(), AuditAction.DOWNLOAD, "case-document",
				document.record().id());
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header("X-Document-Id", document.record().id())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(form + "-" + document.record().id() + ".pdf")
						.build()
						.toString())
			.body(document.pdf());
	}

	static ClientError notFound() {
		return ClientError.notFound();
	}

}
