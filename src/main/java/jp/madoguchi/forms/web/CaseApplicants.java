package jp.madoguchi.forms.web;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import jp.madoguchi.cases.CaseDetail;
import jp.madoguchi.cases.CaseRegistry;
import jp.madoguchi.roster.RosterImporter;
import jp.madoguchi.roster.RosterSummary;
import jp.madoguchi.tenant.StaffUser;
import jp.madoguchi.forms.Applicant;

/**
 * A case's applicant as the forms need it, read through the cases and roster modules'
 * APIs.
 */
@Component
class CaseApplicants {

	private final CaseRegistry cases;

	private final RosterImporter rosters;

	CaseApplicants(CaseRegistry cases, RosterImporter rosters) {
		this.cases = cases;
		this.rosters = rosters;
	}

	Optional<String> rosterTitle(StaffUser user, long rosterId) {
		return rosters.find(user, rosterId).map(RosterSummary::fileName);
	}

	List<Applicant> ofRoster(long municipalityId, long rosterId) {
		return cases.detailsOfRoster(municipalityId, rosterId).stream().map(CaseApplicants::applicant).toList();
	}

	Optional<Applicant> find(long municipalityId, long caseId) {
		return cases.find(municipalityId, caseId).map(CaseApplicants::applicant);
	}

	private static Applicant applicant(CaseDetail c) {
		return Applicant.fromCase(c);
	}

}
