package jp.madoguchi.roster;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jp.madoguchi.cases.Applicant;
import jp.madoguchi.cases.ApplicantType;
import jp.madoguchi.cases.DeliveryMethod;
import jp.madoguchi.cases.ProcedureKind;
import jp.madoguchi.japanese.InvalidDateException;
import jp.madoguchi.japanese.JapaneseDates;
import jp.madoguchi.cases.CaseLimits;
import jp.madoguchi.errors.Messages;
import jp.madoguchi.japanese.KanaReadings;

/**
 * Turns roster rows into applicants. Built from the header row, it knows which column
 * holds what; each data row yields either an applicant or every error found in it, each
 * naming row, column, value and reason.
 */
final class RowValidator {

	private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

	private final Map<RosterColumn, Integer> indexOf;

	private final List<String> headers;

	private final LocalDate today;

	/** The catalogue: every row error's text is its {@code ROSTER_<code>} entry. */
	private final Messages messages;

	private RowValidator(Map<RosterColumn, Integer> indexOf, List<String> headers, LocalDate today, Messages messages) {
		this.messages = messages;
		this.indexOf = indexOf;
		this.headers = headers;
		this.today = today;
	}

	/**
	 * Reads the header row. Missing required or repeated columns are errors; unknown
	 * columns are warnings.
	 */
	static HeaderResult forHeader(RawRow header, LocalDate today, Messages messages) {
		Map<RosterColumn, Integer> indexOf = new EnumMap<>(RosterColumn.class);
		List<RowError> errors = new ArrayList<>();
		List<RowError> warnings = new ArrayList<>();
		List<String> headers = header.cells().stream().map(c -> c == null ? "" : c.strip()).toList();
		for (int i = 0; i < headers.size(); i++) {
			String text = headers.get(i);
			if (text.isEmpty()) {
				continue;
			}
			Optional<RosterColumn> column = RosterColumn.fromHeader(text);
			if (column.isEmpty()) {
				warnings.add(new RowError(header.number(), text, text, "UNKNOWN_COLUMN",
						messages.text("ROSTER_UNKNOWN_COLUMN", text)));
			}
			else if (indexOf.containsKey(column.get())) {
				errors.add(new RowError(header.number(), text, text, "DUPLICATE_COLUMN",
						messages.text("ROSTER_DUPLICATE_COLUMN", column.get().header())));
			}
			else {
				indexOf.put(column.get(), i);
			}
		}
		for (RosterColumn c : RosterColumn.values()) {
			if (c.required() && !indexOf.containsKey(c)) {
				errors.add(new RowError(header.number(), c.header(), "", "MISSING_COLUMN",
						messages.text("ROSTER_MISSING_COLUMN", c.header())));
			}
		}
		return new HeaderResult(header.number(), new RowValidator(indexOf, headers, today, messages), errors, warnings);
	}

	/** A header row (its number) read: its validator, errors and warnings. */
	record HeaderResult(int row, RowValidator validator, List<RowError> errors, List<RowError> warnings) {

		long missingRequired() {
			return errors.stream().filter(e -> e.code().equals("MISSING_COLUMN")).count();
		}

	}

	/** The name column's header as the file writes it, or empty when it has none. */
	String nameColumn() {
		Integer index = indexOf.get(RosterColumn.NAME);
		return index == null ? "" : headers.get(index);
	}

	/** The row's name cell as given, or empty. */
	String nameOf(RawRow row) {
		return cellOf(row, RosterColumn.NAME);
	}

	/** The marker of the template's example row, in its first cell: never imported. */
	static final String EXAMPLE_MARKER = "記入例";

	static boolean isExample(RawRow row) {
		return row.cell(0).contains(EXAMPLE_MARKER);
	}

	/** Either an applicant or the row's errors. */
	record Outcome(Applicant applicant, List<RowError> errors) {
	}

	Outcome validate(RawRow row) {
		Errors errors = new Errors(row);
		for (int i = headers.size(); i < row.cells().size(); i++) {
			if (!row.cell(i).isBlank()) {
				errors.add("（列" + (i + 1) + "）", row.cell(i), "EXTRA_CELL");
			}
		}
		String name = text(row, RosterColumn.NAME, CaseLimits.NAME, errors, true);
		String reading = required(row, RosterColumn.READING, errors).filter(r -> {
			if (tooLong(r, CaseLimits.READING)) {
				errors.add(RosterColumn.READING, r, "TOO_LONG", String.valueOf(CaseLimits.READING));
				return false;
			}
			return true;
		})
			.flatMap(r -> orError(KanaReadings.normalize(r), row, RosterColumn.READING, errors, "INVALID_READING"))
			.filter(r -> !tooLong(r, CaseLimits.READING))
			.orElse(null);
		LocalDate birthDate = required(row, RosterColumn.BIRTH_DATE, errors).map(v -> birthDate(v, errors))
			.orElse(null);
		String sex = optional(row, RosterColumn.SEX).map(v -> sex(v, errors)).orElse(null);
		String postalCode = optional(row, RosterColumn.POSTAL_CODE).map(v -> postalCode(v, errors)).orElse(null);
		String address = text(row, RosterColumn.ADDRESS, CaseLimits.ADDRESS, errors, false);
		String facility = text(row, RosterColumn.FACILITY, CaseLimits.FACILITY, errors, false);
		String room = text(row, RosterColumn.ROOM, CaseLimits.ROOM, errors, false);
		ProcedureKind procedure = required(row, RosterColumn.PROCEDURE, errors)
			.flatMap(v -> orError(ProcedureKind.fromLabel(v), row, RosterColumn.PROCEDURE, errors, "INVALID_PROCEDURE",
					labels(ProcedureKind.values(), ProcedureKind::label)))
			.orElse(null);
		ApplicantType type = required(row, RosterColumn.APPLICANT_TYPE, errors)
			.flatMap(v -> orError(ApplicantType.fromLabel(v), row, RosterColumn.APPLICANT_TYPE, errors,
					"INVALID_APPLICANT_TYPE"))
			.orElse(null);
		String proxyName = text(row, RosterColumn.PROXY_NAME, CaseLimits.PROXY_NAME, errors, false);
		String proxyRelationship = text(row, RosterColumn.PROXY_RELATIONSHIP, CaseLimits.PROXY_RELATIONSHIP, errors,
				false);
		Boolean faceAuth = yesNo(row, RosterColumn.WANTS_FACE_AUTH, errors);
		Boolean staffRegistration = yesNo(row, RosterColumn.WANTS_STAFF_REGISTRATION, errors);
		Boolean writtenByOther = yesNo(row, RosterColumn.WRITTEN_BY_OTHER, errors);
		DeliveryMethod delivery = optional(row, RosterColumn.DELIVERY)
			.flatMap(v -> orError(DeliveryMethod.fromLabel(v), row, RosterColumn.DELIVERY, errors, "INVALID_DELIVERY"))
			.orElse(null);
		String remarks = text(row, RosterColumn.REMARKS, CaseLimits.REMARKS, errors, false);

		if (type == ApplicantType.PROXY || delivery == DeliveryMethod.PROXY) {
			String why = type == ApplicantType.PROXY ? "ROSTER_PROXY_REQUIRED_FOR_TYPE"
					: "ROSTER_PROXY_REQUIRED_FOR_DELIVERY";
			if (proxyName == null && cellOf(row, RosterColumn.PROXY_NAME).isBlank()) {
				errors.addText(RosterColumn.PROXY_NAME, "", "PROXY_REQUIRED", why);
			}
			if (proxyRelationship == null && cellOf(row, RosterColumn.PROXY_RELATIONSHIP).isBlank()) {
				errors.addText(RosterColumn.PROXY_RELATIONSHIP, "", "PROXY_REQUIRED", why);
			}
		}
		workflowOf(row, procedure, type, faceAuth, staffRegistration, delivery, errors);
		if (!errors.list.isEmpty()) {
			return new Outcome(null, errors.list);
		}
		return new Outcome(new Applicant(row.number(), name, reading, birthDate, sex, postalCode, address, facility,
				room, procedure, type, proxyName, proxyRelationship, faceAuth, staffRegistration, writtenByOther,
				delivery, remarks), List.of());
	}

	/**
	 * Refuses the combinations of procedure, 本人/代理人, wishes and 交付方法 that are no workflow
	 * of the notice, so that every accepted row gets its documents from the forms
	 * module's rule table (RequiredForms; DocumentRulesAgreementTest walks every
	 * combination through both). 代筆 goes with any of them.
	 */
	private void workflowOf(RawRow row, ProcedureKind procedure, ApplicantType type, Boolean faceAuth,
			Boolean staffRegistration, DeliveryMethod delivery, Errors errors) {
		if (procedure == null || type == null) {
			return;
		}
		boolean switching = procedure.procedure() == ProcedureKind.Procedure.SWITCH_TO_FACE_AUTH;
		// 設定切替 is a switch to a face-auth card (seed 001 第3): blank means yes, いいえ
		// contradicts it.
		if (switching && Boolean.FALSE.equals(faceAuth)) {
			errors.add(RosterColumn.WANTS_FACE_AUTH, strip(cellOf(row, RosterColumn.WANTS_FACE_AUTH)),
					"SWITCH_NEEDS_FACE_AUTH");
		}
		// Staff register on Mynaportal only for face-auth cards (seed 000; seed 001 第5
		// 1.(2)).
		else if (Boolean.TRUE.equals(staffRegistration) && !switching && !Boolean.TRUE.equals(faceAuth)) {
			errors.add(RosterColumn.WANTS_STAFF_REGISTRATION, strip(cellOf(row, RosterColumn.WANTS_STAFF_REGISTRATION)),
					"STAFF_REGISTRATION_NEEDS_FACE_AUTH");
		}
		if (delivery == null) {
			return;
		}
		String deliveryCell = strip(cellOf(row, RosterColumn.DELIVERY));
		if (procedure.procedure() == ProcedureKind.Procedure.NEW_CARD_AT_APPLICATION) {
			// B: the card is sent by 本人限定受取郵便 (seed 000 B (5); seed 001 第5 1.(1)).
			if (delivery != DeliveryMethod.RESTRICTED_POST) {
				errors.add(RosterColumn.DELIVERY, deliveryCell, "DELIVERY_BY_POST_ONLY", procedure.label());
			}
		}
		else if (delivery == DeliveryMethod.RESTRICTED_POST) {
			// A and C: the card is handed over at the office (seed 000 A/C (5)).
			errors.add(RosterColumn.DELIVERY, deliveryCell, "DELIVERY_AT_OFFICE_ONLY", procedure.label());
		}
		else if (delivery == DeliveryMethod.PROXY && type == ApplicantType.SELF) {
			// 本人: the person is present and receives the card (seed 000 本人 (3), (5));
			// a proxy receiving it is the 代理人 workflow.
			errors.add(RosterColumn.DELIVERY, deliveryCell, "DELIVERY_TO_PROXY_NEEDS_PROXY_TYPE");
		}
	}

	private LocalDate birthDate(String value, Errors errors) {
		try {
			LocalDate date = JapaneseDates.parse(value);
			if (date.isAfter(today)) {
				errors.add(RosterColumn.BIRTH_DATE, value, "FUTURE_DATE");
				return null;
			}
			if (date.isBefore(EARLIEST_BIRTH)) {
				errors.add(RosterColumn.BIRTH_DATE, value, "DATE_TOO_EARLY");
				return null;
			}
			return date;
		}
		catch (InvalidDateException e) {
			errors.addText(RosterColumn.BIRTH_DATE, value, "INVALID_DATE", "ROSTER_INVALID_DATE_" + e.reason().name());
			return null;
		}
	}

	private static String sex(String value, Errors errors) {
		return switch (nfkc(value)) {
			case "男", "男性", "1" -> "男";
			case "女", "女性", "2" -> "女";
			default -> {
				errors.add(RosterColumn.SEX, value, "INVALID_SEX");
				yield null;
			}
		};
	}

	private static String postalCode(String value, Errors errors) {
		String digits = nfkc(value).replaceFirst("^〒", "").replace("-", "").replace("ー", "").strip();
		if (!digits.matches("\\d{7}")) {
			errors.addText(RosterColumn.POSTAL_CODE, value, "INVALID_POSTAL_CODE",
					digits.matches("\\d{5,6}") ? "ROSTER_POSTAL_CODE_LOST_ZERO" : "ROSTER_INVALID_POSTAL_CODE");
			return null;
		}
		return digits;
	}

	private Boolean yesNo(RawRow row, RosterColumn column, Errors errors) {
		return optional(row, column).map(v -> switch (nfkc(v)) {
			case "はい", "○", "〇", "◯", "1", "有", "あり", "希望する" -> Boolean.TRUE;
			case "いいえ", "×", "✕", "0", "無", "なし", "希望しない" -> Boolean.FALSE;
			default -> {
				errors.add(column, v, "INVALID_YES_NO");
				yield null;
			}
		}).orElse(null);
	}

	/**
	 * Free text kept exactly as given but for surrounding spaces. Control characters and
	 * question marks (the trace of a conversion that lost a character) are refused, so a
	 * damaged name never reaches a form.
	 */
	private String text(RawRow row, RosterColumn column, int max, Errors errors, boolean required) {
		Optional<String> value = required ? required(row, column, errors) : optional(row, column);
		if (value.isEmpty()) {
			return null;
		}
		String v = value.get();
		if (tooLong(v, max)) {
			errors.add(column, v, "TOO_LONG", String.valueOf(max));
			return null;
		}
		boolean control = v.codePoints()
			.anyMatch(cp -> Character.getType(cp) == Character.CONTROL
					&& (column != RosterColumn.REMARKS || (cp != '\n' && cp != '\r' && cp != '\t')));
		if (control || ((column == RosterColumn.NAME || column == RosterColumn.PROXY_NAME)
				&& (v.contains("?") || v.contains("？") || v.contains("\uFFFD")))) {
			errors.add(column, v, "INVALID_CHARACTER");
			return null;
		}
		return v;
	}

	private Optional<String> required(RawRow row, RosterColumn column, Errors errors) {
		Optional<String> v = optional(row, column);
		if (v.isEmpty() && indexOf.containsKey(column)) {
			errors.add(column, "", "REQUIRED");
		}
		return v;
	}

	private Optional<String> optional(RawRow row, RosterColumn column) {
		String v = strip(cellOf(row, column));
		return v.isEmpty() ? Optional.empty() : Optional.of(v);
	}

	private String cellOf(RawRow row, RosterColumn column) {
		Integer i = indexOf.get(column);
		return i == null ? "" : row.cell(i);
	}

	private <T> Optional<T> orError(Optional<T> value, RawRow row, RosterColumn column, Errors errors, String code,
			Object... args) {
		if (value.isEmpty()) {
			errors.add(column, strip(cellOf(row, column)), code, args);
		}
		return value;
	}

	private static <E> String labels(E[] values, Function<E, String> label) {
		return Stream.of(values).map(label).collect(Collectors.joining("、"));
	}

	/**
	 * Strips ASCII and ideographic spaces at both ends; inner spaces (between family and
	 * given name) stay.
	 */
	private static String strip(String s) {
		return s.strip();
	}

	private static String nfkc(String s) {
		return Normalizer.normalize(s, Normalizer.Form.NFKC).strip();
	}

	private final class Errors {

		private final RawRow row;

		private final List<RowError> list = new ArrayList<>(2);

		Errors(RawRow row) {
			this.row = row;
		}

		/**
		 * An error whose text is the catalogue's {@code ROSTER_<code>} with the
		 * arguments.
		 */
		void add(RosterColumn column, String value, String code, Object... args) {
			addText(column, value, code, "ROSTER_" + code, args);
		}

		/** An error whose text is the catalogue's entry {@code key}. */
		void addText(RosterColumn column, String value, String code, String key, Object... args) {
			Integer i = indexOf.get(column);
			list.add(new RowError(row.number(), i == null ? column.header() : headers.get(i), value, code,
					messages.text(key, args)));
		}

		void add(String columnName, String value, String code) {
			list.add(new RowError(row.number(), columnName, value, code, messages.text("ROSTER_" + code)));
		}

	}

	/**
	 * Longer than its column ({@link CaseLimits}): counted in UTF-16 units, which is
	 * never less than the characters a database counts, so a value that passes always
	 * fits.
	 */
	private static boolean tooLong(String value, int max) {
		return value.length() > max;
	}

}
