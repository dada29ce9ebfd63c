package jp.madoguchi.scans;

import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jp.madoguchi.errors.ClientError;
import jp.madoguchi.retention.DisposedRecordError;
import jp.madoguchi.tenant.StaffUser;

/**
 * The scans API for records officers: upload a scan, see what became of its pages, view a
 * page, fetch the original, a case's signed documents, and the unmatched queue.
 */
@RestController
@PreAuthorize("hasRole('RECORDS_OFFICER')")
class ScansApi {

	private final ScanService scans;

	private final ScanViews views;

	ScansApi(ScanService scans, ScanViews views) {
		this.scans = scans;
		this.views = views;
	}

	@ApiResponse(responseCode = "201", description = "processed: every page matched, set aside or queued")
	@ApiResponse(responseCode = "200", description = "the same file was processed before (duplicate: true)")
	@ApiResponse(responseCode = "415", description = "not a PDF, TIFF, JPEG or PNG (SCAN_UNSUPPORTED_FILE)")
	@ApiResponse(responseCode = "422", description = "the file cannot be read (SCAN_UNREADABLE, file named)")
	@PostMapping(path = "/api/scans", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<ScanResult> upload(@AuthenticationPrincipal StaffUser user, @RequestParam("file") MultipartFile file)
			throws IOException {
		ScanResult result;
		try (InputStream in = file.getInputStream()) {
			result = scans.take(ScanIntake.upload(user, file), in);
		}
		if (result.duplicate()) {
			return ResponseEntity.ok(result);
		}
		return ResponseEntity.created(URI.create("/api/scans/" + result.scanId())).body(result);
	}

	@GetMapping("/api/scans/{id}")
	ScanResult scan(@AuthenticationPrincipal StaffUser user, @PathVariable long id) {
		return views.scan(user, id);
	}

	@GetMapping("/api/scans")
	List<ScanViews.ScanSummary> recent(@AuthenticationPrincipal StaffUser user) {
		return views.recent(user);
	}

	@ApiResponse(responseCode = "200", description = "the page as PNG, at most width pixels wide",
			content = @Content(mediaType = "image/png"))
	@ApiResponse(responseCode = "410", description = "DISPOSED: disposed of after its retention (its tombstone)",
			content = @Content(schema = @Schema(implementation = DisposedRecordError.class)))
	@GetMapping(path = "/api/scans/{id}/pages/{page}.png", produces = MediaType.IMAGE_PNG_VALUE)
	ResponseEntity<byte[]> page(@AuthenticationPrincipal StaffUser user, @PathVariable long id, @PathVariable int page,
			@RequestParam(defaultValue = "1240") int width) {
		return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(views.pageImage(user, id, page, width));
	}

	@ApiResponse(responseCode = "200", description = "the file exactly as uploaded",
			content = @Content(mediaType = "application/octet-stream"))
	@ApiResponse(responseCode = "410", description = "DISPOSED: disposed of after its retention (its tombstone)",
			content = @Content(schema = @Schema(implementation = DisposedRecordError.class)))
	@GetMapping("/api/scans/{id}/file")
	ResponseEntity<Resource> original(@AuthenticationPrincipal StaffUser user, @PathVariable long id) {
		ScanViews.Original original = views.original(user, id);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(original.fileName(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.contentType(MediaType.parseMediaType(original.mediaType()))
			.body(new FileSystemResource(original.path()));
	}

	@GetMapping("/api/cases/{id}/signed-documents")
	List<ScanViews.SignedDocument> signedDocuments(@AuthenticationPrincipal StaffUser user, @PathVariable long id) {
		return views.signedDocuments(user, id);
	}

	@GetMapping("/api/unmatched-pages")
	List<ScanViews.UnmatchedPage> unmatched(@AuthenticationPrincipal StaffUser user) {
		return views.unmatched(user);
	}

	/**
	 * The officer's decision for an unmatched page: {@code documentPage} is needed for a
	 * document of more than one page; {@code signature} (SIGNED or UNSIGNED) records what
	 * the officer saw in the boxes.
	 */
	record Assignment(String documentId, Integer documentPage, String signature) {
	}

	@ApiResponse(responseCode = "200", description = "the page is now part of the document")
	@ApiResponse(responseCode = "409", description = "the page was decided already (SCAN_PAGE_DECIDED)")
	@ApiResponse(responseCode = "422", description = "no such document of this municipality, or no such page")
	@PostMapping("/api/unmatched-pages/{id}/assign")
	ScanViews.UnmatchedPage assign(@AuthenticationPrincipal StaffUser user, @PathVariable long id,
			@RequestBody Assignment assignment) {
		if (assignment == null) {
			throw ClientError.badRequest("SCAN_ASSIGN_DOCUMENT_REQUIRED").field("documentId");
		}
		return views.assign(user, id, assignment.documentId(), assignment.documentPage(), assignment.signature());
	}

	@ApiResponse(responseCode = "200", description = "the page is set aside as not a form")
	@PostMapping("/api/unmatched-pages/{id}/not-a-form")
	ScanViews.UnmatchedPage notAForm(@AuthenticationPrincipal StaffUser user, @PathVariable long id) {
		return views.notAForm(user, id);
	}

}
