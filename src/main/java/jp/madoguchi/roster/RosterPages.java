package jp.madoguchi.roster;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpSession;

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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jp.madoguchi.cases.CaseSummary;
import jp.madoguchi.storage.ContentStore;
import jp.madoguchi.storage.StagedFile;
import jp.madoguchi.tenant.StaffUser;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The clerk's roster screens: upload with its error table, the roster list, and a
 * roster's cases per facility. CLERK only.
 */
@Controller
@PreAuthorize("hasRole('CLERK')")
class RosterPages {

	private static final String PENDING = "pendingRosterUploads";

	private final RosterImporter importer;

	private final ContentStore store;

	private final RosterProperties properties;

	RosterPages(RosterImporter importer, ContentStore store, RosterProperties properties) {
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
	String upload(@AuthenticationPrincipal StaffUser user, @RequestParam("file") MultipartFile file,
			@RequestParam(defaultValue = "false") boolean acceptValidRows, HttpSession session, Model model,
			RedirectAttributes redirect) throws IOException {
		if (file.isEmpty()) {
			return failure(user, model, "ファイルが選ばれていないか、空のファイルです。");
		}
		String fileName = RosterApi.fileName(file);
		StagedFile staged;
		try (var in = file.getInputStream()) {
			staged = store.stage(in);
		}
		return importStaged(user, fileName, staged, acceptValidRows, session, model, redirect);
	}

	/**
	 * The clerk saw the errors and chose to keep the valid rows of the file they just
	 * uploaded.
	 */
	@PostMapping("/rosters/pending/{token}")
	String acceptPending(@AuthenticationPrincipal StaffUser user, @PathVariable String token, HttpSession session,
			Model model, RedirectAttributes redirect) throws IOException {
		Pending pending = pending(session).remove(token);
		if (pending == null) {
			return failure(user, model, "取り込み待ちのファイルが見つかりません。もう一度アップロードしてください。");
		}
		return importStaged(user, pending.fileName(), pending.staged(), true, session, model, redirect);
	}

	private String importStaged(StaffUser user, String fileName, StagedFile staged, boolean acceptValidRows,
			HttpSession session, Model model, RedirectAttributes redirect) throws IOException {
		boolean keepStaged = false;
		try {
			ImportResult result = importer.importStaged(user, fileName, staged, acceptValidRows);
			if (result.outcome() == ImportResult.Outcome.REJECTED) {
				String token = UUID.randomUUID().toString();
				pending(session).put(token, new Pending(fileName, staged));
				keepStaged = true;
				model.addAttribute("result", result);
				model.addAttribute("fileName", fileName);
				model.addAttribute("pendingToken", result.validRows() > 0 ? token : null);
				return list(user, model);
			}
			redirect.addFlashAttribute("message",
					result.outcome() == ImportResult.Outcome.EXISTING ? "このファイルは取り込み済みです。既存の名簿を表示します。"
							: "名簿を取り込みました（" + result.accepted() + "件"
									+ (result.rejected() > 0 ? "、除外 " + result.rejected() + "件" : "") + "）。");
			if (!result.warnings().isEmpty()) {
				redirect.addFlashAttribute("warnings", result.warnings());
			}
			return "redirect:/rosters/" + result.id();
		}
		catch (UnreadableRosterException | ImportInProgressException e) {
			return failure(user, model, e.getMessage());
		}
		finally {
			if (!keepStaged) {
				staged.discard();
			}
		}
	}

	@GetMapping("/rosters/{id}")
	String roster(@AuthenticationPrincipal StaffUser user, @PathVariable long id, Model model) {
		RosterSummary roster = importer.find(user, id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
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

	private String failure(StaffUser user, Model model, String message) {
		model.addAttribute("failure", message);
		return list(user, model);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Pending> pending(HttpSession session) {
		synchronized (session) {
			Object map = session.getAttribute(PENDING);
			if (map == null) {
				map = new ConcurrentHashMap<String, Pending>();
				session.setAttribute(PENDING, map);
			}
			return (Map<String, Pending>) map;
		}
	}

	private record Pending(String fileName, StagedFile staged) implements Serializable {
	}

}
