package jp.madoguchi.forms.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import jp.madoguchi.audit.AuditAction;
import jp.madoguchi.audit.AuditLog;
import jp.madoguchi.errors.ClientError;
import jp.madoguchi.errors.Messages;
import jp.madoguchi.forms.Applicant;
import jp.madoguchi.forms.FormId;
import jp.madoguchi.forms.FormRefusedException;
import jp.madoguchi.forms.FormsEngine;
import jp.madoguchi.forms.GeneratedDocument;
import jp.madoguchi.forms.PacketPlan;
import jp.madoguchi.forms.PacketRequest;
import jp.madoguchi.forms.TemplateSet;
import jp.madoguchi.tenant.StaffUser;

/**
 * The clerk's pages: who gets which documents in a roster, previews, the packet download,
 * and a single document for a walk-in typed at the counter. CLERK only.
 */
@Controller
@PreAuthorize("hasRole('CLERK')")
class FormsPages {

	private final FormsEngine engine;

	private final RosterPackets packets;

	private final AuditLog audit;

	private final Messages messages;

	FormsPages(FormsEngine engine, RosterPackets packets, AuditLog audit, Messages messages) {
		this.messages = messages;
		this.engine = engine;
		this.packets = packets;
		this.audit = audit;
	}

	/** One line of the overview: the person and the titles of their documents. */
	record PlanRow(String room, String name, String reading, String party, List<String> documents,
			List<String> refusals) {
	}

	record FormCount(String id, String title, int count) {
	}

	@GetMapping("/rosters/{id}/documents")
	String rosterDocuments(@AuthenticationPrincipal StaffUser user, @PathVariable long id, Model model) {
		PacketRequest request = packets.request(user, id).orElseThrow(FormsApi::notFound);
		TemplateSet templates = packets.templates(user);
		PacketPlan plan = engine.plan(templates, request);
		audit.record(user.municipalityId(), user.getUsername(), AuditAction.VIEW, "roster-documents",
				Long.toString(id));
		model.addAttribute("rosterId", id);
		model.addAttribute("title", request.title());
		model.addAttribute("pages", plan.pages());
		model.addAttribute("rows",
				plan.entries()
					.stream()
					.map(e -> new PlanRow(e.applicant().facilityRoom(), e.applicant().name(),
							e.applicant().nameReading(), e.applicant().party() == Applicant.Party.SELF ? "本人" : "代理人",
							e.forms().stream().map(templates::title).toList(), e.refusals()))
					.toList());
		model.addAttribute("counts",
				Arrays.stream(FormId.values())
					.filter(plan.countsPerForm()::containsKey)
					.map(f -> new FormCount(f.id(), templates.title(f), plan.countsPerForm().get(f)))
					.toList());
		model.addAttribute("forms", formChoices(templates));
		return "forms/roster-documents";
	}

	@GetMapping("/rosters/{id}/packet.pdf")
	ResponseEntity<StreamingResponseBody> packet(@AuthenticationPrincipal StaffUser user, @PathVariable long id) {
		return FormsApi.streamedPacket(packets, user, id);
	}

	@GetMapping("/forms/preview/{form}.pdf")
	ResponseEntity<byte[]> preview(@AuthenticationPrincipal StaffUser user, @PathVariable String form) {
		FormId formId = formId(form);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename("preview-" + form + ".pdf").build().toString())
			.body(engine.preview(packets.templates(user), formId).pdf());
	}

	/**
	 * What the walk-in page posts; strings so that a bad value is answered on the page,
	 * not with 400, and Booleans because an unticked check box sends nothing.
	 */
	record WalkIn(String form, String name, String reading, String birthDate, String sex, String postalCode,
			String address, String procedure, String party, String proxyName, String proxyRelationship,
			Boolean faceAuth, Boolean staffRegistration, String delivery, Boolean writtenByProxy) {
	}

	@GetMapping("/forms/walk-in")
	String walkIn(@AuthenticationPrincipal StaffUser user, Model model) {
		model.addAttribute("forms", formChoices(packets.templates(user)));
		return "forms/walk-in";
	}

	@PostMapping("/forms/walk-in")
	Object walkInDocument(@AuthenticationPrincipal StaffUser user, @ModelAttribute WalkIn walkIn, Model model) {
		TemplateSet templates = packets.templates(user);
		try {
			Applicant applicant = applicant(walkIn);
			GeneratedDocument document = engine.generate(templates, walkInForm(walkIn.form()), applicant,
					packets.settings(user), LocalDate.now(RosterPackets.JAPAN));
			audit.record(user.municipalityId(), user.getUsername(), AuditAction.DOWNLOAD, "walk-in-document",
					document.record().id());
			return ResponseEntity.ok()
				.contentType(MediaType.APPLICATION_PDF)
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment()
							.filename(walkIn.form() + "-" + document.record().id() + ".pdf")
							.build()
							.toString())
				.body(document.pdf());
		}
		catch (FormRefusedException e) {
			return walkInError(templates, walkIn, e.toClientError(), model);
		}
		catch (ClientError e) {
			return walkInError(templates, walkIn, e, model);
		}
	}

	/**
	 * The walk-in page again, with what was typed and the catalogue's text for the
	 * mistake.
	 */
	private ModelAndView walkInError(TemplateSet templates, WalkIn walkIn, ClientError error, Model model) {
		model.addAttribute("forms", formChoices(templates));
		model.addAttribute("error", this.messages.text(error.code(), error.args()));
		model.addAttribute("errorField", error.field());
		model.addAttribute("walkIn", walkIn);
		ModelAndView page = new ModelAndView("forms/walk-in", model.asMap());
		page.setStatus(error.status());
		return page;
	}

	private static Applicant applicant(WalkIn w) {
		if (w.name() == null || w.name().isBlank()) {
			throw ClientError.unprocessable("WALK_IN_NAME_REQUIRED").field("name");
		}
		return new Applicant("walk-in", w.name().strip(), w.reading(), birthDate(w.birthDate()),
				"male".equals(w.sex()) ? Applicant.Sex.MALE : Applicant.Sex.FEMALE, w.postalCode(), w.address(), null,
				null, choice(Applicant.Procedure.class, w.procedure(), "procedure", "WALK_IN_PROCEDURE_REQUIRED"),
				choice(Applicant.Party.class, w.party(), "party", "WALK_IN_PARTY_REQUIRED"), w.proxyName(),
				w.proxyRelationship(), Boolean.TRUE.equals(w.faceAuth()), Boolean.TRUE.equals(w.staffRegistration()),
				choice(Applicant.Delivery.class, w.delivery(), "delivery", "WALK_IN_DELIVERY_REQUIRED"),
				Boolean.TRUE.equals(w.writtenByProxy()), Set.of(), false, null);
	}

	private static LocalDate birthDate(String value) {
		try {
			return LocalDate.parse(value == null ? "" : value.strip());
		}
		catch (DateTimeParseException e) {
			throw ClientError.unprocessable("WALK_IN_BIRTH_DATE_REQUIRED").field("birthDate");
		}
	}

	/**
	 * One of the page's choices; a missing or unknown value is the clerk's to correct.
	 */
	private static <E extends Enum<E>> E choice(Class<E> type, String value, String field, String code) {
		if (value != null) {
			for (E e : type.getEnumConstants()) {
				if (e.name().equals(value.strip())) {
					return e;
				}
			}
		}
		throw ClientError.unprocessable(code).field(field);
	}

	private static List<FormCount> formChoices(TemplateSet templates) {
		return Arrays.stream(FormId.values()).map(f -> new FormCount(f.id(), templates.title(f), 0)).toList();
	}

	private static FormId walkInForm(String id) {
		try {
			return FormId.fromId(id == null ? "" : id);
		}
		catch (IllegalArgumentException e) {
			throw ClientError.unprocessable("FORM_UNKNOWN", String.valueOf(id)).field("form");
		}
	}

	private static FormId formId(String id) {
		try {
			return FormId.fromId(id);
		}
		catch (IllegalArgumentException e) {
			throw ClientError.notFound();
		}
	}

}
