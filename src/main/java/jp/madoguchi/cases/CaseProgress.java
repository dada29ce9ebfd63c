package jp.madoguchi.cases;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Where a case stands: the steps recorded (in the order recorded), the path it follows
 * (its workflow's steps, or the shorter path of a setting switch by a person who
 * remembers their PIN), the next step expected and whether the case is closed (handed
 * over, or consent refused).
 */
public record CaseProgress(List<RecordedStep> recorded, List<CaseStep> path,
		@Schema(nullable = true, description = "null when the case is closed") CaseStep nextStep, boolean closed) {

	public CaseProgress {
		recorded = List.copyOf(recorded);
		path = List.copyOf(path);
	}

	static CaseProgress of(Workflow workflow, List<RecordedStep> recorded) {
		boolean shorter = recorded.stream().anyMatch(r -> r.step() == CaseStep.REGISTRATION_WITH_OWN_PIN);
		List<CaseStep> path = shorter ? workflow.shorterPath() : workflow.steps();
		boolean closed = recorded.stream()
			.anyMatch(r -> r.step() == CaseStep.CONSENT_REFUSED || (r.step().handsOver() && r.done()));
		CaseStep next = null;
		if (!closed) {
			for (CaseStep step : path) {
				if (recorded.stream().noneMatch(r -> r.step() == step && r.done())) {
					next = step;
					break;
				}
			}
		}
		return new CaseProgress(recorded, path, next, closed || next == null);
	}

	/** The recorded step, if any. */
	public RecordedStep find(CaseStep step) {
		return recorded.stream().filter(r -> r.step() == step).findFirst().orElse(null);
	}

}
