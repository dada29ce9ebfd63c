package jp.madoguchi.cases;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The six workflows of seed 000, checked against what must hold when a card leaves the
 * office.
 */
class WorkflowTest {

	@ParameterizedTest
	@EnumSource(Workflow.class)
	void everyWorkflowEndsWithLockRemarkAndHandOver(Workflow w) {
		int lock = w.steps().indexOf(CaseStep.LOCK_ALL_PINS);
		int remark = w.steps().indexOf(CaseStep.WRITE_FACE_AUTH_REMARK);
		int consent = Math.max(w.steps().indexOf(CaseStep.CONSENT),
				w.steps().indexOf(CaseStep.CONSENT_WITH_PORTAL_TERMS));
		assertThat(consent).isNotNegative();
		assertThat(lock).isGreaterThan(consent);
		assertThat(remark).isEqualTo(lock + 1);
		assertThat(w.steps().getLast().name())
			.matches("HAND_OVER_TO_PERSON|HAND_OVER_TO_PROXY|SEND_BY_RESTRICTED_POST");
	}

	@ParameterizedTest
	@EnumSource(Workflow.class)
	void proxiesShowAuthorityAndNeverSeeThePortalAlone(Workflow w) {
		boolean proxy = w.name().endsWith("_PROXY");
		assertThat(w.steps().contains(CaseStep.PROXY_AUTHORITY)).isEqualTo(proxy);
		assertThat(w.steps().contains(CaseStep.REGISTRATION_WITH_PERSON_PRESENT))
			.isEqualTo(!proxy && w != Workflow.NEW_CARD_AT_APPLICATION_SELF);
		if (proxy) {
			assertThat(w.steps().getLast()).isIn(CaseStep.HAND_OVER_TO_PROXY, CaseStep.SEND_BY_RESTRICTED_POST);
		}
	}

	@Test
	void everyProcedureAndApplicantTypeMapsToItsWorkflow() {
		assertThat(Workflow.of(ProcedureKind.NEW_CARD_AT_PICKUP, ApplicantType.SELF))
			.isEqualTo(Workflow.NEW_CARD_AT_PICKUP_SELF);
		assertThat(Workflow.of(ProcedureKind.CERTIFICATE_ISSUE_OR_RENEWAL, ApplicantType.PROXY))
			.isEqualTo(Workflow.NEW_CARD_AT_PICKUP_PROXY);
		assertThat(Workflow.of(ProcedureKind.NEW_CARD_AT_APPLICATION, ApplicantType.PROXY))
			.isEqualTo(Workflow.NEW_CARD_AT_APPLICATION_PROXY);
		assertThat(Workflow.of(ProcedureKind.OUTREACH_INTAKE, ApplicantType.SELF))
			.isEqualTo(Workflow.NEW_CARD_AT_APPLICATION_SELF);
		assertThat(Workflow.of(ProcedureKind.SWITCH_TO_FACE_AUTH, ApplicantType.SELF))
			.isEqualTo(Workflow.SWITCH_TO_FACE_AUTH_SELF);
		assertThat(Workflow.of(ProcedureKind.SWITCH_TO_FACE_AUTH, ApplicantType.PROXY))
			.isEqualTo(Workflow.SWITCH_TO_FACE_AUTH_PROXY);
		assertThat(Workflow.SWITCH_TO_FACE_AUTH_PROXY.steps().getFirst()).isEqualTo(CaseStep.CHECK_NOT_YET_REGISTERED);
		assertThat(Workflow.NEW_CARD_AT_APPLICATION_SELF.steps().getLast()).isEqualTo(CaseStep.SEND_BY_RESTRICTED_POST);
	}

	@Test
	void procedureLabelsIgnoreBracketWidth() {
		assertThat(ProcedureKind.fromLabel("新規交付(交付時来庁)")).contains(ProcedureKind.NEW_CARD_AT_PICKUP);
		assertThat(ProcedureKind.fromLabel("新規交付（申請時来庁）")).contains(ProcedureKind.NEW_CARD_AT_APPLICATION);
		assertThat(ProcedureKind.fromLabel("電子証明書発行・更新")).contains(ProcedureKind.CERTIFICATE_ISSUE_OR_RENEWAL);
		assertThat(ProcedureKind.fromLabel("新規")).isEmpty();
	}

}
