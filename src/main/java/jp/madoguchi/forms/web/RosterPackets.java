package jp.madoguchi.forms.web;

import java.io.OutputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import jp.madoguchi.audit.AuditAction;
import jp.madoguchi.audit.AuditLog;
import jp.madoguchi.forms.Applicant;
import jp.madoguchi.forms.FormsEngine;
import jp.madoguchi.forms.MunicipalitySettings;
import jp.madoguchi.forms.PacketRequest;
import jp.madoguchi.forms.PacketSummary;
import jp.madoguchi.forms.TemplateSet;
import jp.madoguchi.tenant.Municipality;
import jp.madoguchi.tenant.StaffUser;
import jp.madoguchi.tenant.Tenants;

/**
 * A roster's packet for the API and the pages alike: scoped to the user's municipality,
 * recorded, audited.
 */
@Service
class RosterPackets {

	static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

	private final FormsEngine engine;

	private final CaseApplicants cases;

	private final CaseDocumentRepository documents;

	private final Tenants tenants;

	private final MunicipalTemplates templates;

	private final AuditLog audit;

	RosterPackets(FormsEngine engine, CaseApplicants cases, CaseDocumentRepository documents, Tenants tenants,
			MunicipalTemplates templates, AuditLog audit) {
		this.engine = engine;
		this.cases = cases;
		this.documents = documents;
		this.tenants = tenants;
		this.templates = templates;
		this.audit = audit;
	}

	/**
	 * The packet request of a roster of the user's municipality; empty for anyone else's
	 * roster.
	 */
	Optional<PacketRequest> request(StaffUser user, long rosterId) {
		return cases.rosterTitle(user, rosterId).map(fileName -> {
			List<Applicant> applicants = cases.ofRoster(user.municipalityId(), rosterId);
			List<String> facilities = applicants.stream().map(Applicant::facility).distinct().toList();
			String title = facilities.size() == 1 && facilities.getFirst() != null ? facilities.getFirst() : fileName;
			return new PacketRequest(title, applicants, settings(user), LocalDate.now(JAPAN));
		});
	}

	/** Streams the packet and records each of its documents on its case. */
	void write(StaffUser user, long rosterId, PacketRequest request, OutputStream out) {
		audit.record(user.municipalityId(), user.getUsername(), AuditAction.DOWNLOAD, "roster-packet",
				Long.toString(rosterId));
		PacketSummary summary = engine.writePacket(templates(user), request, out);
		documents.record(user.municipalityId(), summary.documents(), user.getUsername());
	}

	/**
	 * The templates of the user's municipality: its installed versions, else the built-in
	 * defaults.
	 */
	TemplateSet templates(StaffUser user) {
		return templates.templatesFor(user.municipalityId());
	}

	MunicipalitySettings settings(StaffUser user) {
		Municipality m = tenants.findMunicipality(user.municipalityId()).orElseThrow();
		return new MunicipalitySettings(m.name(), m.mayorTitle(), m.department(), m.phone(), m.officeHours());
	}

}
