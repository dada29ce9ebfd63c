package jp.madoguchi.roster;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jp.madoguchi.cases.CaseSummary;
import jp.madoguchi.errors.ClientError;
import jp.madoguchi.errors.Messages;
import jp.madoguchi.storage.ContentStore;
import jp.madoguchi.storage.StagedFile;
import jp.madoguchi.tenant.StaffUser;
import java.nio.charset.StandardCharsets;

/**
 * The clerk's roster screens: upload with its error table, the roster list, and a
 * roster's cases per facility. CLERK only.
 */
@Controller
@PreAuthorize("hasRole('CLERK')")
class RosterPages {

	private final RosterImporter importer;

	private final ContentStore store;

	private final RosterProperties properties;

	private final PendingUploads pendingUploads;

	private final Messages messages;

	RosterPages(RosterImporter importer, ContentStore store, RosterProperties properties, PendingUploads pendingUploads,
			Messages messages) {
		this.pendingUploads = pendingUploads;
		this.messages = messages;
		this.importer = importer;
		this.store = store;
		this.properties = properties;
	}

	@GetMapping("/rosters")
	String list(@AuthenticationPrincipal StaffUser user, Model model) {
		model.addAttribute("rosters", importer.list(user));
		model.addAttribute("maxUploadBytes", properties.maxUploadSize().toBytes());
		model.addAttribute("maxUploadLabel", properties.maxUploadSize().toMegabytes() + "MB");
		return "rosters";
	}

	@PostMapping("/rosters")
	Object upload(@AuthenticationPrincipal StaffUser user, @RequestParam("file") MultipartFile file,
			@RequestParam(defaultValue = "false") boolean acceptValidRows,
			@RequestParam(defaultValue = "false") boolean includeHiddenRows, Model model, RedirectAttributes redirect)
			throws IOException {
		if (file.isEmpty()) {
			return failure(user, model, ClientError.badRequest("NO_FILE_CHOSEN"));
		}
		RosterApi.checkSize(file, properties);
		String fileName = RosterApi.fileName(file);
		StagedFile staged;
		try (var in = file.getInputStream()) {
			staged = store.stage(in);
		}
		return importStaged(user, fileName, staged, acceptValidRows, includeHiddenRows, model, redirect);
	}

	/**
	 * The clerk saw the errors and chose to keep the valid rows of the file they just
	 * uploaded.
	 */
	@PostMapping("/rosters/pending/{token}")
	Object acceptPending(@AuthenticationPrincipal StaffUser user, @PathVariable String token, Model model,
			RedirectAttributes redirect) throws IOException {
		PendingUploads.Pending pending = this.pendingUploads.take(user.getUsername(), token);
		if (pending == null) {
			return failure(user, model, new ClientError(HttpStatus.GONE, "PENDING_UPLOAD_GONE"));
		}
		return importStaged(user, pending.fileName(), pending.staged(), true, pending.includeHiddenRows(), model,
				redirect);
	}

	/**
	 * The staged file is deleted at once unless some rows are valid and the clerk may
	 * still import them ({@link PendingUploads}, at most 30 minutes).
	 */
	private Object importStaged(StaffUser user, String fileName, StagedFile staged, boolean acceptValidRows,
			boolean includeHiddenRows, Model model, RedirectAttributes redirect) throws IOException {
		boolean keepStaged = false;
		try {
			ImportResult result = importer.importStaged(user, fileName, staged, acceptValidRows, includeHiddenRows);
			if (result.outcome() == ImportResult.Outcome.REJECTED) {
				String token = null;
				if (result.validRows() > 0 && !acceptValidRows) {
					token = this.pendingUploads.hold(user.getUsername(), fileName, staged, includeHiddenRows);
					keepStaged = true;
				}
				model.addAttribute("result", result);
				model.addAttribute("fileName", fileName);
				model.addAttribute("pendingToken", token);
				model.addAttribute("headerNote", headerNote(result));
				return page(list(user, model), model, HttpStatus.UNPROCESSABLE_CONTENT);
			}
			redirect.addFlashAttribute("message",
					result.outcome() == ImportResult.Outcome.EXISTING ? "このファイルは取り込み済みです。既存の名簿を表示します。"
							: "名簿を取り込みました（" + result.accepted() + "件"
									+ (result.rejected() > 0 ? "、除外 " + result.rejected() + "件" : "") + "）。");
			if (!result.warnings().isEmpty()) {
				redirect.addFlashAttribute("warnings", result.warnings());
			}
			String headerNote = headerNote(result);
			if (headerNote != null) {
				redirect.addFlashAttribute("headerNote", headerNote);
			}
			return "redirect:/rosters/" + result.id();
		}
		catch (ClientError e) {
			return failure(user, model, e);
		}
		finally {
			if (!keepStaged) {
				staged.discard();
			}
		}
	}

	@GetMapping("/rosters/{id}")
	String roster(@AuthenticationPrincipal StaffUser user, @PathVariable long id, Model model) {
		RosterSummary roster = importer.find(user, id).orElseThrow(ClientError::notFound);
		List<CaseSummary> cases = importer.casesOf(user, id).orElseThrow();
		Map<String, List<CaseSummary>> byFacility = cases.stream()
			.collect(Collectors.groupingBy(c -> c.facility() == null ? "（施設名なし）" : c.facility(), LinkedHashMap::new,
					Collectors.toList()));
		model.addAttribute("roster", roster);
		model.addAttribute("casesByFacility", byFacility);
		model.addAttribute("caseCount", cases.size());
		model.addAttribute("duplicateCount", cases.stream().filter(CaseSummary::possibleDuplicate).count());
		model.addAttribute("rejectedRows", importer.rejectedRowsOf(user, id));
		return "roster";
	}

	@GetMapping("/rosters/template.csv")
	ResponseEntity<byte[]> templateCsv() {
		return download(RosterTemplates.csv(), "申請者名簿_様式.csv", new MediaType("text", "csv", StandardCharsets.UTF_8));
	}

	@GetMapping("/rosters/template.xlsx")
	ResponseEntity<byte[]> templateXlsx() throws IOException {
		return download(RosterTemplates.xlsx(), "申請者名簿_様式.xlsx",
				MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
	}

	private static ResponseEntity<byte[]> download(byte[] body, String name, MediaType type) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.contentType(type)
			.body(body);
	}

	/**
	 * Which sheet and row were read as the header, in the catalogue's words; null when
	 * none was (or the file had been imported before).
	 */
	private String headerNote(ImportResult result) {
		if (result.headerRow() == null) {
			return null;
		}
		return result.headerSheet() == null
				? this.messages.text("ROSTER_HEADER_READ", String.valueOf(result.headerRow())) : this.messages
					.text("ROSTER_HEADER_READ_SHEET", result.headerSheet(), String.valueOf(result.headerRow()));
	}

	/**
	 * The roster list with the catalogue's text for the mistake, answered with its
	 * status.
	 */
	private ModelAndView failure(StaffUser user, Model model, ClientError error) {
		model.addAttribute("failure", this.messages.text(error.code(), error.args()));
		return page(list(user, model), model, error.status());
	}

	private static ModelAndView page(String view, Model model, HttpStatus status) {
		ModelAndView page = new ModelAndView(view, model.asMap());
		page.setStatus(status);
		return page;
	}

}
