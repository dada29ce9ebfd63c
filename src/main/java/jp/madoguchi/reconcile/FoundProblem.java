package jp.madoguchi.reconcile;

import java.util.List;

/**
 * One finding of one run before it is stored: {@code key} says which problem it is (the
 * same problem found the next night has the same key, so it is the same finding).
 */
record FoundProblem(FindingType type, Long caseId, String key, Evidence evidence, List<String> args) {

	/** What proves it: ids of the steps, device events and documents involved. */
	record Evidence(List<Long> stepIds, List<String> eventIds, List<String> documentIds) {

		static Evidence of(List<Long> stepIds, List<String> eventIds) {
			return new Evidence(List.copyOf(stepIds), List.copyOf(eventIds), List.of());
		}

	}

}
