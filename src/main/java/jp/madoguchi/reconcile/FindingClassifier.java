package jp.madoguchi.reconcile;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import jp.madoguchi.cases.CaseStep;
import jp.madoguchi.cases.CaseSteps;
import jp.madoguchi.cases.RecordedStep;
import jp.madoguchi.cases.SignedDocuments;
import jp.madoguchi.cases.StepKind;
import jp.madoguchi.devicelog.CaseDeviceEvent;

/**
 * Classifies one case: pure, so a rule is tested with a handful of records and the job
 * stays a loop. Everything is judged as of {@code until} (the end of the day reconciled).
 */
final class FindingClassifier {

	private static final Set<CaseStep> REGISTRATIONS = Set.of(CaseStep.REGISTRATION_WITH_PERSON_PRESENT,
			CaseStep.REGISTRATION_BY_TWO_STAFF, CaseStep.REGISTRATION_BY_TWO_STAFF_HIDDEN_FROM_PROXY);

	private final Duration tempPinMax;

	private final Duration stepLate;

	FindingClassifier(Duration tempPinMax, Duration stepLate) {
		this.tempPinMax = tempPinMax;
		this.stepLate = stepLate;
	}

	List<FoundProblem> classify(CaseBundle c, OffsetDateTime until, Set<String> brokenWorkstationDays) {
		List<FoundProblem> found = new ArrayList<>();
		List<RecordedStep> steps = c.steps().stream().filter(s -> !s.performedAt().isAfter(until)).toList();
		List<CaseDeviceEvent> events = c.events().stream().filter(e -> !e.time().isAfter(until)).toList();
		RecordedStep pin = first(steps,
				s -> s.step().setsTemporaryPin() || s.step() == CaseStep.REGISTRATION_WITH_OWN_PIN);
		RecordedStep lock = first(steps, s -> s.step() == CaseStep.LOCK_ALL_PINS);
		RecordedStep annotation = first(steps, s -> s.step() == CaseStep.WRITE_FACE_AUTH_REMARK);
		RecordedStep handOver = first(steps, s -> s.step().handsOver());
		OffsetDateTime pinAt = pin == null ? null : pin.performedAt();
		CaseDeviceEvent verified = events.stream()
			.filter(CaseDeviceEvent::verifiedLocked)
			.filter(e -> pinAt == null || e.time().isAfter(pinAt))
			.findFirst()
			.orElse(null);

		if (pin != null && pin.step().setsTemporaryPin()) {
			OffsetDateTime deadline = pin.performedAt().plus(tempPinMax);
			boolean lockedInTime = verified != null && !verified.time().isAfter(deadline);
			if (!deadline.isAfter(until) && !lockedInTime) {
				found.add(problem(FindingType.TEMP_PIN_NOT_LOCKED, c, "", List.of(pin.id()),
						ids(events.stream().filter(e -> "verify-lock".equals(e.command())).toList()),
						CaseSteps.inJapan(pin.performedAt()), Long.toString(tempPinMax.toHours())));
			}
		}
		if (lock != null) {
			OffsetDateTime lockedAt = verified != null ? verified.time() : lock.performedAt();
			List<CaseDeviceEvent> contradicting = events.stream()
				.filter(CaseDeviceEvent::verifiedNotLocked)
				.filter(e -> e.time().isAfter(lockedAt))
				.toList();
			if (lock.kind() == StepKind.LOCK_OVERRIDE || !contradicting.isEmpty()) {
				found
					.add(problem(FindingType.LOCK_CONTRADICTED_BY_DEVICE, c, "", List.of(lock.id()), ids(contradicting),
							lock.kind() == StepKind.LOCK_OVERRIDE ? "窓口責任者がカードの確認なしにロックを記録" : "後の読取りでロックされていない"));
			}
		}
		OffsetDateTime verifiedAt = lock == null || lock.kind() == StepKind.LOCK_OVERRIDE || verified == null ? null
				: verified.time();
		if (annotation != null && (verifiedAt == null || annotation.performedAt().isBefore(verifiedAt))) {
			found.add(problem(FindingType.ANNOTATED_BEFORE_LOCK, c, "", stepIds(annotation, lock),
					verified == null ? List.of() : List.of(verified.eventId())));
		}
		if (handOver != null && (verifiedAt == null || handOver.performedAt().isBefore(verifiedAt))) {
			found.add(problem(FindingType.HANDED_OVER_BEFORE_LOCK, c, "", stepIds(handOver, lock),
					verified == null ? List.of() : List.of(verified.eventId())));
		}
		RecordedStep registration = first(steps, s -> REGISTRATIONS.contains(s.step()));
		if (registration != null) {
			List<String> missing = new ArrayList<>();
			if (!onFile(c, "consent")) {
				missing.add("同意書");
			}
			if (c.workflow().name().endsWith("_PROXY") && !onFile(c, "mandate") && !onFile(c, "mandate-switch")) {
				missing.add("委任状");
			}
			if (!missing.isEmpty()) {
				found.add(problem(FindingType.REGISTRATION_WITHOUT_CONSENT, c, "", List.of(registration.id()),
						List.of(), String.join("・", missing)));
			}
			if (registration.step().needsTwoStaff() && registration.awaitingConfirmation()) {
				found.add(problem(FindingType.SINGLE_STAFF_REGISTRATION, c, "", List.of(registration.id()), List.of()));
			}
		}
		events.stream()
			.filter(e -> e.logDay() != null && brokenWorkstationDays.contains(e.workstation() + "|" + e.logDay()))
			.map(e -> e.workstation() + "|" + e.logDay())
			.distinct()
			.forEach(day -> found.add(problem(FindingType.DEVICE_LOG_CHAIN_BROKEN, c, day, List.of(),
					ids(events.stream().filter(e -> day.equals(e.workstation() + "|" + e.logDay())).toList()),
					day.replace('|', ' '))));
		boolean annotatedOnCard = events.stream().anyMatch(e -> "ANNOTATION_RECORDED".equals(e.outcome()));
		if ((lock != null || verified != null) && annotation == null && !annotatedOnCard) {
			found.add(problem(FindingType.LOCK_WITHOUT_ANNOTATION, c, "", lock == null ? List.of() : List.of(lock.id()),
					verified == null ? List.of() : List.of(verified.eventId())));
		}
		outOfOrder(c, steps, found);
		if (verified != null) {
			CaseDeviceEvent firstRead = events.stream()
				.filter(e -> e.cardFingerprint() != null)
				.findFirst()
				.orElse(null);
			if (firstRead != null && verified.cardFingerprint() != null
					&& !firstRead.cardFingerprint().equals(verified.cardFingerprint())) {
				found.add(problem(FindingType.CARD_MISMATCH, c, "", List.of(),
						List.of(firstRead.eventId(), verified.eventId())));
			}
		}
		if (handOver != null && !c.formsPrinted().contains("leaflet") && !c.formsPrinted().contains("leaflet-large")) {
			found.add(problem(FindingType.LEAFLET_NOT_RECORDED, c, "", List.of(handOver.id()), List.of()));
		}
		late(c, steps, found);
		for (RecordedStep s : steps) {
			if (s.kind() == StepKind.OUT_OF_ORDER) {
				found.add(problem(FindingType.SUPERVISOR_EXCEPTION, c, s.step().name(), List.of(s.id()), List.of(),
						s.label(), s.exceptionComment() == null ? "" : s.exceptionComment()));
			}
		}
		return found;
	}

	/**
	 * Steps done (by their time) before a step that comes earlier in the case's path,
	 * neither recorded as a supervisor's exception.
	 */
	private static void outOfOrder(CaseBundle c, List<RecordedStep> steps, List<FoundProblem> found) {
		List<CaseStep> path = steps.stream().anyMatch(s -> s.step() == CaseStep.REGISTRATION_WITH_OWN_PIN)
				? c.workflow().shorterPath() : c.workflow().steps();
		for (RecordedStep later : steps) {
			int laterAt = path.indexOf(later.step());
			if (laterAt < 0 || later.kind() != StepKind.NORMAL) {
				continue;
			}
			for (RecordedStep earlier : steps) {
				int earlierAt = path.indexOf(earlier.step());
				// A pair with a supervisor's exception on either side is that exception.
				if (earlierAt >= 0 && earlierAt < laterAt && earlier.kind() == StepKind.NORMAL
						&& later.performedAt().isBefore(earlier.performedAt())) {
					found.add(problem(FindingType.STEP_OUT_OF_ORDER, c, later.step().name(),
							List.of(earlier.id(), later.id()), List.of(), later.label(), earlier.label()));
					break;
				}
			}
		}
	}

	private void late(CaseBundle c, List<RecordedStep> steps, List<FoundProblem> found) {
		List<RecordedStep> byTime = steps.stream().sorted(Comparator.comparing(RecordedStep::performedAt)).toList();
		for (int i = 1; i < byTime.size(); i++) {
			RecordedStep before = byTime.get(i - 1);
			RecordedStep step = byTime.get(i);
			if (Duration.between(before.performedAt(), step.performedAt()).compareTo(stepLate) > 0) {
				found.add(problem(FindingType.STEP_LATE, c, step.step().name(), List.of(before.id(), step.id()),
						List.of(), step.label(), Long.toString(stepLate.toHours())));
			}
		}
	}

	private static boolean onFile(CaseBundle c, String form) {
		for (SignedDocuments.Received r : c.received()) {
			if (r.form().equals(form) && r.complete()
					&& ("SIGNED".equals(r.signature()) || "NONE".equals(r.signature()))) {
				return true;
			}
		}
		return false;
	}

	private static RecordedStep first(List<RecordedStep> steps, Predicate<RecordedStep> test) {
		return steps.stream().filter(test).findFirst().orElse(null);
	}

	private static List<Long> stepIds(RecordedStep step, RecordedStep lock) {
		return lock == null ? List.of(step.id()) : List.of(step.id(), lock.id());
	}

	private static List<String> ids(List<CaseDeviceEvent> events) {
		return events.stream().map(CaseDeviceEvent::eventId).toList();
	}

	private static FoundProblem problem(FindingType type, CaseBundle c, String anchor, List<Long> stepIds,
			List<String> eventIds, String... args) {
		List<String> allArgs = new ArrayList<>();
		allArgs.add(Long.toString(c.caseId()));
		allArgs.addAll(List.of(args));
		String key = type.name() + ":" + c.caseId() + (anchor.isEmpty() ? "" : ":" + anchor);
		return new FoundProblem(type, c.caseId(), key, FoundProblem.Evidence.of(stepIds, eventIds), allArgs);
	}

}
