package jp.madoguchi.records;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What the service stores about residents, as records management counts it; each with the
 * events its retention may be counted from.
 */
enum RecordType {

	/** A roster file as uploaded (申請者名簿). */
	ROSTER_FILE("roster-file", List.of(RetentionEvent.CREATED, RetentionEvent.CASE_CLOSED)),
	/** A scanned page's original, kept unchanged. */
	SCAN_ORIGINAL("scan-original", List.of(RetentionEvent.CREATED, RetentionEvent.CASE_CLOSED, RetentionEvent.SIGNED)),
	/** A signed consent or mandate matched to its case. */
	SIGNED_DOCUMENT("signed-document",
			List.of(RetentionEvent.CREATED, RetentionEvent.CASE_CLOSED, RetentionEvent.SIGNED)),
	/** The record of a printed document (its id, form, template version and fields). */
	GENERATED_DOCUMENT("generated-document", List.of(RetentionEvent.CREATED, RetentionEvent.CASE_CLOSED)),
	/** A counter PC's shipped device log (a workstation-day; many cases). */
	DEVICE_LOG("device-log", List.of(RetentionEvent.CREATED));

	private final String id;

	private final List<RetentionEvent> events;

	RecordType(String id, List<RetentionEvent> events) {
		this.id = id;
		this.events = events;
	}

	/**
	 * The name in the API and the tables ({@code roster-file}, …); public for the pages'
	 * templates.
	 */
	public String id() {
		return id;
	}

	/** The events its retention may be counted from. */
	List<RetentionEvent> events() {
		return events;
	}

	static Optional<RecordType> of(String id) {
		return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
	}

}
