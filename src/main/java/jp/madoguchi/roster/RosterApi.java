package jp.madoguchi.roster;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import jp.madoguchi.cases.CaseSummary;
import jp.madoguchi.errors.ClientError;
import jp.madoguchi.storage.UploadNames;
import jp.madoguchi.retention.DisposedRecordError;
import jp.madoguchi.tenant.StaffUser;
import java.nio.charset.StandardCharsets;

/**
 * {@code /api/rosters}: upload a roster, list rosters, read a roster's cases and its
 * original file. CLERK only: rosters are the applicants' personal data.
 */
@RestController
@RequestMapping("/api/rosters")
@PreAuthorize("hasRole('CLERK')")
class RosterApi {

	private final RosterImporter importer;

	private final RosterProperties properties;

	RosterApi(RosterImporter importer, RosterProperties properties) {
		this.importer = importer;
		this.properties = properties;
	}

	/**
	 * The multipart limit is the largest of all uploads (scans); a roster has its own,
	 * checked before anything is stored.
	 */
	static void checkSize(MultipartFile file, RosterProperties properties) {
		if (file.getSize() > properties.maxUploadSize().toBytes()) {
			throw new ClientError(HttpStatus.CONTENT_TOO_LARGE, "FILE_TOO_LARGE");
		}
	}

	/**
	 * 201 created, 200 already imported (same content), 422 rows failed and nothing
	 * stored. Hidden rows are left out with a warning each unless
	 * {@code includeHiddenRows}; hidden sheets are never read.
	 */
	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<ImportResult> upload(@AuthenticationPrincipal StaffUser user,
			@RequestParam("file") MultipartFile file, @RequestParam(defaultValue = "false") boolean acceptValidRows,
			@RequestParam(defaultValue = "false") boolean includeHiddenRows) throws IOException {
		checkSize(file, properties);
		ImportResult result;
		try (var in = file.getInputStream()) {
			result = importer.importRoster(user, fileName(file), in, acceptValidRows, includeHiddenRows);
		}
		return switch (result.outcome()) {
			case CREATED -> ResponseEntity.created(URI.create("/api/rosters/" + result.id())).body(result);
			case EXISTING -> ResponseEntity.ok(result);
			case REJECTED -> ResponseEntity.unprocessableEntity().body(result);
		};
	}

	@GetMapping
	List<RosterSummary> list(@AuthenticationPrincipal StaffUser user) {
		return importer.list(user);
	}

	/** A roster and the rows that were not imported (with their reasons). */
	record RosterDetail(RosterSummary roster, List<RowError> rejectedRows) {
	}

	@GetMapping("/{id}")
	@ApiResponse(responseCode = "200", description = "the roster and its rejected rows")
	RosterDetail roster(@AuthenticationPrincipal StaffUser user, @PathVariable long id) {
		RosterSummary roster = importer.view(user, id).orElseThrow(ClientError::notFound);
		return new RosterDetail(roster, importer.rejectedRowsOf(user, id));
	}

	@GetMapping("/{id}/cases")
	List<CaseJson> cases(@AuthenticationPrincipal StaffUser user, @PathVariable long id) {
		return importer.casesOf(user, id).orElseThrow(ClientError::notFound).stream().map(CaseJson::of).toList();
	}

	@ApiResponse(responseCode = "410", description = "DISPOSED: disposed of after its retention (its tombstone)",
			content = @Content(schema = @Schema(implementation = DisposedRecordError.class)))
	@GetMapping("/{id}/file")
	ResponseEntity<Resource> original(@AuthenticationPrincipal StaffUser user, @PathVariable long id) {
		RosterSummary roster = importer.find(user, id).orElseThrow(ClientError::notFound);
		Path path = importer.originalFile(user, id).orElseThrow(ClientError::notFound);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(roster.fileName(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.body(new FileSystemResource(path));
	}

	static String fileName(MultipartFile file) {
		return UploadNames.of(file.getOriginalFilename(), "roster", RosterLimits.FILE_NAME);
	}

	/** The case list's JSON: codes for programs, labels for people. */
	record CaseJson(long id, int row, String name, String reading, LocalDate birthDate, String facility, String room,
			String workflow, String workflowLabel, String applicantType, String applicantTypeLabel, String nextStep,
			String nextStepLabel, boolean possibleDuplicate) {

		static CaseJson of(CaseSummary c) {
			return new CaseJson(c.id(), c.rowNumber(), c.name(), c.reading(), c.birthDate(), c.facility(), c.room(),
					c.workflow().name(), c.workflow().label(), c.applicantType().name(), c.applicantType().label(),
					c.nextStep() == null ? null : c.nextStep().name(), c.nextStepLabel(), c.possibleDuplicate());
		}
	}

}
