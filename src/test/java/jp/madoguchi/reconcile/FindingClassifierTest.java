package jp.madoguchi.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import jp.madoguchi.cases.CaseStep;
import jp.madoguchi.cases.RecordedStep;
import jp.madoguchi.cases.SignedDocuments;
import jp.madoguchi.cases.StepKind;
import jp.madoguchi.cases.Workflow;
import jp.madoguchi.devicelog.CaseDeviceEvent;

/**
 * Each rule of the reconciliation on a handful of records: a case done right finds
 * nothing; each planted fault finds its type and nothing else.
 */
class FindingClassifierTest {

	static final OffsetDateTime T0 = OffsetDateTime.parse("2026-11-21T09:00:00+09:00");

	static final OffsetDateTime UNTIL = OffsetDateTime.parse("2026-11-22T00:00:00+09:00");

	static final String CARD = "ab".repeat(32);

	final FindingClassifier classifier = new FindingClassifier(Duration.ofHours(24), Duration.ofHours(72));

	/**
	 * A new card at pickup, self: consent, PIN, registration, lock, annotation,
	 * hand-over.
	 */
	static final class Case {

		final List<RecordedStep> steps = new ArrayList<>();

		final List<CaseDeviceEvent> events = new ArrayList<>();

		final List<SignedDocuments.Received> received = new ArrayList<>(
				List.of(new SignedDocuments.Received("DOC0000001", "consent", "SIGNED", true, T0)));

		Workflow workflow = Workflow.NEW_CARD_AT_PICKUP_SELF;

		Set<String> printed = Set.of("consent", "leaflet");

		Case step(CaseStep step, int minutes) {
			return step(step, minutes, StepKind.NORMAL, false);
		}

		Case step(CaseStep step, int minutes, StepKind kind, boolean awaiting) {
			steps.add(new RecordedStep(steps.size() + 1, step, step.label(), T0.plusMinutes(minutes),
					T0.plusMinutes(minutes), List.of("clerk"), null, awaiting, null, null, kind, null, null));
			return this;
		}

		Case event(String command, String outcome, int minutes, String card) {
			events.add(new CaseDeviceEvent(1, "E" + events.size(), T0.plusMinutes(minutes), "pc-1",
					LocalDate.of(2026, 11, 21), command, outcome, card, true));
			return this;
		}

		CaseBundle bundle() {
			return new CaseBundle(1, workflow, steps, events, received, printed);
		}

		static Case doneRight() {
			return new Case().step(CaseStep.CONSENT_WITH_PORTAL_TERMS, 0)
				.step(CaseStep.TEMPORARY_PIN, 5)
				.step(CaseStep.REGISTRATION_WITH_PERSON_PRESENT, 10)
				.event("read", "READ", 1, CARD)
				.event("verify-lock", "NOT_LOCKED", 14, CARD)
				.event("verify-lock", "LOCKED", 15, CARD)
				.step(CaseStep.LOCK_ALL_PINS, 16)
				.step(CaseStep.WRITE_FACE_AUTH_REMARK, 17)
				.step(CaseStep.HAND_OVER_TO_PERSON, 18);
		}

	}

	List<FindingType> types(Case c) {
		return types(c, Set.of());
	}

	List<FindingType> types(Case c, Set<String> broken) {
		return classifier.classify(c.bundle(), UNTIL, broken).stream().map(FoundProblem::type).toList();
	}

	@Test
	void aCaseDoneRightFindsNothing() {
		assertThat(types(Case.doneRight())).isEmpty();
	}

	@Test
	void aTemporaryPinNeverLockedIsCriticalOnceItsHoursHavePassed() {
		Case c = new Case().step(CaseStep.CONSENT_WITH_PORTAL_TERMS, 0)
			.step(CaseStep.TEMPORARY_PIN, 5)
			.event("verify-lock", "NOT_LOCKED", 20, CARD);
		// Set at 09:05 on the 21st: not yet due at the end of the 21st.
		assertThat(types(c)).doesNotContain(FindingType.TEMP_PIN_NOT_LOCKED);
		List<FoundProblem> next = classifier.classify(c.bundle(), UNTIL.plusDays(1), Set.of());
		assertThat(next).extracting(FoundProblem::type).containsExactly(FindingType.TEMP_PIN_NOT_LOCKED);
		assertThat(next.get(0).type().severity()).isEqualTo(Severity.CRITICAL);
		assertThat(next.get(0).evidence().stepIds()).containsExactly(2L);
		assertThat(next.get(0).evidence().eventIds()).containsExactly("E0");
		// A LOCKED read from before the PIN was set proves nothing about it.
		Case stale = new Case().event("verify-lock", "LOCKED", 1, CARD)
			.step(CaseStep.CONSENT_WITH_PORTAL_TERMS, 0)
			.step(CaseStep.TEMPORARY_PIN, 5);
		assertThat(classifier.classify(stale.bundle(), UNTIL.plusDays(1), Set.of())).extracting(FoundProblem::type)
			.containsExactly(FindingType.TEMP_PIN_NOT_LOCKED);
	}

	@Test
	void aSupervisorsOverrideOrALaterUnlockedReadContradictsTheLock() {
		Case override = new Case().step(CaseStep.CONSENT_WITH_PORTAL_TERMS, 0)
			.step(CaseStep.TEMPORARY_PIN, 5)
			.step(CaseStep.REGISTRATION_WITH_PERSON_PRESENT, 10)
			.step(CaseStep.LOCK_ALL_PINS, 16, StepKind.LOCK_OVERRIDE, false);
		// The override is the problem; 「顔認証」 was not recorded either.
		assertThat(types(override)).containsExactlyInAnyOrder(FindingType.LOCK_CONTRADICTED_BY_DEVICE,
				FindingType.LOCK_WITHOUT_ANNOTATION);
		Case unlocked = Case.doneRight().event("verify-lock", "NOT_LOCKED", 30, CARD);
		assertThat(types(unlocked)).containsExactly(FindingType.LOCK_CONTRADICTED_BY_DEVICE);
	}

	@Test
	void annotationOrHandOverBeforeTheCardConfirmedTheLockIsCritical() {
		Case c = new Case().step(CaseStep.CONSENT_WITH_PORTAL_TERMS, 0)
			.step(CaseStep.TEMPORARY_PIN, 5)
			.step(CaseStep.REGISTRATION_WITH_PERSON_PRESENT, 10)
			.step(CaseStep.WRITE_FACE_AUTH_REMARK, 11, StepKind.OUT_OF_ORDER, false)
			.step(CaseStep.HAND_OVER_TO_PERSON, 12, StepKind.OUT_OF_ORDER, false)
			.event("verify-lock", "LOCKED", 15, CARD)
			.step(CaseStep.LOCK_ALL_PINS, 16);
		// The two exceptions are reported too, each as a supervisor's exception.
		assertThat(types(c)).containsExactlyInAnyOrder(FindingType.ANNOTATED_BEFORE_LOCK,
				FindingType.HANDED_OVER_BEFORE_LOCK, FindingType.SUPERVISOR_EXCEPTION,
				FindingType.SUPERVISOR_EXCEPTION);
	}

	@Test
	void aSupervisorsExceptionIsReportedWithItsComment() {
		Case c = Case.doneRight();
		// The temporary PIN recorded after the registration, by a supervisor.
		c.steps.set(1, new RecordedStep(2, CaseStep.TEMPORARY_PIN, "仮暗証番号の設定", T0.plusMinutes(12), T0.plusMinutes(12),
				List.of("supervisor"), null, false, null, null, StepKind.OUT_OF_ORDER, "機器の再起動のため", null));
		List<FoundProblem> found = classifier.classify(c.bundle(), UNTIL, Set.of());
		assertThat(found).extracting(FoundProblem::type).containsExactly(FindingType.SUPERVISOR_EXCEPTION);
		assertThat(found.get(0).key()).isEqualTo("SUPERVISOR_EXCEPTION:1:TEMPORARY_PIN");
		assertThat(found.get(0).args()).containsExactly("1", "仮暗証番号の設定", "機器の再起動のため");
		assertThat(found.get(0).evidence().stepIds()).containsExactly(2L);
		// Without the exception the same step is out of order.
		c.steps.set(1, new RecordedStep(2, CaseStep.TEMPORARY_PIN, "仮暗証番号の設定", T0.plusMinutes(12), T0.plusMinutes(12),
				List.of("clerk"), null, false, null, null, StepKind.NORMAL, null, null));
		assertThat(types(c)).containsExactly(FindingType.STEP_OUT_OF_ORDER);
	}

	@Test
	void aTickedConsentIsNotASignedOne() {
		Case c = Case.doneRight();
		c.received.clear();
		assertThat(types(c)).containsExactly(FindingType.REGISTRATION_WITHOUT_CONSENT);
		Case unsigned = Case.doneRight();
		unsigned.received.set(0, new SignedDocuments.Received("DOC0000001", "consent", "UNSIGNED", true, T0));
		assertThat(types(unsigned)).containsExactly(FindingType.REGISTRATION_WITHOUT_CONSENT);
		// A proxy needs the signed mandate too.
		Case proxy = new Case().step(CaseStep.CONSENT, 0)
			.step(CaseStep.PROXY_AUTHORITY, 1)
			.step(CaseStep.TEMPORARY_PIN, 5)
			.step(CaseStep.REGISTRATION_BY_TWO_STAFF_HIDDEN_FROM_PROXY, 10)
			.event("verify-lock", "LOCKED", 15, CARD)
			.step(CaseStep.LOCK_ALL_PINS, 16)
			.step(CaseStep.WRITE_FACE_AUTH_REMARK, 17)
			.step(CaseStep.HAND_OVER_TO_PROXY, 18);
		proxy.workflow = Workflow.NEW_CARD_AT_PICKUP_PROXY;
		List<FoundProblem> found = classifier.classify(proxy.bundle(), UNTIL, Set.of());
		assertThat(found).extracting(FoundProblem::type).containsExactly(FindingType.REGISTRATION_WITHOUT_CONSENT);
		assertThat(found.get(0).args()).contains("委任状");
	}

	@Test
	void eventsFromATamperedWorkstationDayAreCritical() {
		assertThat(types(Case.doneRight(), Set.of("pc-1|2026-11-21")))
			.containsExactly(FindingType.DEVICE_LOG_CHAIN_BROKEN);
		assertThat(types(Case.doneRight(), Set.of("pc-2|2026-11-21"))).isEmpty();
	}

	@Test
	void majorAndMinorFindings() {
		Case noAnnotation = new Case().step(CaseStep.CONSENT_WITH_PORTAL_TERMS, 0)
			.step(CaseStep.TEMPORARY_PIN, 5)
			.step(CaseStep.REGISTRATION_WITH_PERSON_PRESENT, 10)
			.event("verify-lock", "LOCKED", 15, CARD)
			.step(CaseStep.LOCK_ALL_PINS, 16);
		assertThat(types(noAnnotation)).containsExactly(FindingType.LOCK_WITHOUT_ANNOTATION);

		Case single = new Case().step(CaseStep.CONSENT_WITH_PORTAL_TERMS, 0)
			.step(CaseStep.TEMPORARY_PIN, 5)
			.step(CaseStep.REGISTRATION_BY_TWO_STAFF, 10, StepKind.NORMAL, true);
		single.workflow = Workflow.NEW_CARD_AT_APPLICATION_SELF;
		assertThat(types(single)).containsExactly(FindingType.SINGLE_STAFF_REGISTRATION);

		Case backdated = Case.doneRight();
		backdated.steps.set(1, new RecordedStep(2, CaseStep.TEMPORARY_PIN, "", T0.minusMinutes(30), T0,
				List.of("clerk"), null, false, "転記", null, StepKind.NORMAL, null, null));
		assertThat(types(backdated)).containsExactly(FindingType.STEP_OUT_OF_ORDER);

		Case otherCard = Case.doneRight();
		otherCard.events.set(2, new CaseDeviceEvent(1, "E2", T0.plusMinutes(15), "pc-1", LocalDate.of(2026, 11, 21),
				"verify-lock", "LOCKED", "cd".repeat(32), true));
		assertThat(types(otherCard)).containsExactly(FindingType.CARD_MISMATCH);

		Case noLeaflet = Case.doneRight();
		noLeaflet.printed = Set.of("consent");
		assertThat(types(noLeaflet)).containsExactly(FindingType.LEAFLET_NOT_RECORDED);
		assertThat(FindingType.LEAFLET_NOT_RECORDED.severity()).isEqualTo(Severity.MINOR);

		Case slow = new Case().step(CaseStep.CONSENT_WITH_PORTAL_TERMS, -5 * 24 * 60);
		assertThat(types(slow.step(CaseStep.TEMPORARY_PIN, -60))).contains(FindingType.STEP_LATE);
	}

	@Test
	void theSameProblemHasTheSameKeyNightAfterNight() {
		Case c = Case.doneRight();
		c.received.clear();
		String tonight = classifier.classify(c.bundle(), UNTIL, Set.of()).get(0).key();
		String tomorrow = classifier.classify(c.bundle(), UNTIL.plusDays(1), Set.of()).get(0).key();
		assertThat(tonight).isEqualTo(tomorrow).isEqualTo("REGISTRATION_WITHOUT_CONSENT:1");
	}

}
