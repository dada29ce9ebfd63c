package jp.madoguchi.forms;

import java.util.List;
import java.util.Map;

/**
 * What a packet will contain, decided and checked before anything is drawn: the
 * applicants in print order with the documents each gets, the documents that cannot be
 * printed (and why), the count per form and the total pages including the cover and blank
 * backs.
 */
public record PacketPlan(List<Entry> entries, Map<FormId, Integer> countsPerForm, List<String> refusals, int pages) {

	public PacketPlan {
		entries = List.copyOf(entries);
		countsPerForm = Map.copyOf(countsPerForm);
		refusals = List.copyOf(refusals);
	}

	/**
	 * One applicant: the documents that will be printed, and the lines saying what will
	 * not.
	 */
	public record Entry(Applicant applicant, List<FormId> forms, List<String> refusals) {

		public Entry {
			forms = List.copyOf(forms);
			refusals = List.copyOf(refusals);
		}
	}
}
