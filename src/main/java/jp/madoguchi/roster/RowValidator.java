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

	private RowValidator(Map<RosterColumn, Integer> indexOf, List<String> headers, LocalDate today) {
		this.indexOf = indexOf;
		this.headers = headers;
		this.today = today;
	}

	/**
	 * Reads the header row. Missing required or repeated columns are errors; unknown
	 * columns are warnings.
	 */
	static HeaderResult forHeader(RawRow header, LocalDate today) {
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
						"この列は名簿の項目にないため取り込まれません（列見出し「" + text + "」）"));
			}
			else if (indexOf.containsKey(column.get())) {
				errors.add(new RowError(header.number(), text, text, "DUPLICATE_COLUMN",
						"「" + column.get().header() + "」の列が2つあります"));
			}
			else {
				indexOf.put(column.get(), i);
			}
		}
		for (RosterColumn c : RosterColumn.values()) {
			if (c.required() && !indexOf.containsKey(c)) {
				errors.add(new RowError(header.number(), c.header(), "", "MISSING_COLUMN",
						"必須の列「" + c.header() + "」がありません"));
			}
		}
		return new HeaderResult(new RowValidator(indexOf, headers, today), errors, warnings);
	}

	record HeaderResult(RowValidator validator, List<RowError> errors, List<RowError> warnings) {
	}

	/** Either an applicant or the row's errors. */
	record Outcome(Applicant applicant, List<RowError> errors) {
	}

	Outcome validate(RawRow row) {
		Errors errors = new Errors(row);
		for (int i = headers.size(); i < row.cells().size(); i++) {
			if (!row.cell(i).isBlank()) {
				errors.add("（列" + (i + 1) + "）", row.cell(i), "EXTRA_CELL", "見出しのない列に値があります");
			}
		}
		String name = text(row, RosterColumn.NAME, CaseLimits.NAME, errors, true);
		String reading = required(row, RosterColumn.READING, errors).filter(r -> {
			if (tooLong(r, CaseLimits.READING)) {
				errors.add(RosterColumn.READING, r, "TOO_LONG", CaseLimits.READING + "文字以内で入力してください");
				return false;
			}
			return true;
		})
			.flatMap(r -> orError(KanaReadings.normalize(r), row, RosterColumn.READING, errors, "INVALID_READING",
					"フリガナはカタカナまたはひらがなで入力してください"))
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
					"手続区分は " + labels(ProcedureKind.values(), ProcedureKind::label) + " のいずれかで入力してください"))
			.orElse(null);
		ApplicantType type = required(row, RosterColumn.APPLICANT_TYPE, errors)
			.flatMap(v -> orError(ApplicantType.fromLabel(v), row, RosterColumn.APPLICANT_TYPE, errors,
					"INVALID_APPLICANT_TYPE", "申請者区分は 本人 または 代理人 で入力してください"))
			.orElse(null);
		String proxyName = text(row, RosterColumn.PROXY_NAME, CaseLimits.PROXY_NAME, errors, false);
		String proxyRelationship = text(row, RosterColumn.PROXY_RELATIONSHIP, CaseLimits.PROXY_RELATIONSHIP, errors,
				false);
		Boolean faceAuth = yesNo(row, RosterColumn.WANTS_FACE_AUTH, errors);
		Boolean staffRegistration = yesNo(row, RosterColumn.WANTS_STAFF_REGISTRATION, errors);
		Boolean writtenByOther = yesNo(row, RosterColumn.WRITTEN_BY_OTHER, errors);
		DeliveryMethod delivery = optional(row, RosterColumn.DELIVERY)
			.flatMap(v -> orError(DeliveryMethod.fromLabel(v), row, RosterColumn.DELIVERY, errors, "INVALID_DELIVERY",
					"交付方法は 窓口、本人限定受取郵便、代理人 のいずれかで入力してください"))
			.orElse(null);
		String remarks = text(row, RosterColumn.REMARKS, CaseLimits.REMARKS, errors, false);

		if (type == ApplicantType.PROXY || delivery == DeliveryMethod.PROXY) {
			String why = type == ApplicantType.PROXY ? "申請者区分が代理人のときは必須です" : "交付方法が代理人のときは必須です";
			if (proxyName == null && cellOf(row, RosterColumn.PROXY_NAME).isBlank()) {
				errors.add(RosterColumn.PROXY_NAME, "", "PROXY_REQUIRED", why);
			}
			if (proxyRelationship == null && cellOf(row, RosterColumn.PROXY_RELATIONSHIP).isBlank()) {
				errors.add(RosterColumn.PROXY_RELATIONSHIP, "", "PROXY_REQUIRED", why);
			}
		}
		if (!errors.list.isEmpty()) {
			return new Outcome(null, errors.list);
		}
		return new Outcome(new Applicant(row.number(), name, reading, birthDate, sex, postalCode, address, facility,
				room, procedure, type, proxyName, proxyRelationship, faceAuth, staffRegistration, writtenByOther,
				delivery, remarks), List.of());
	}

	private LocalDate birthDate(String value, Errors errors) {
		try {
			LocalDate date = JapaneseDates.parse(value);
			if (date.isAfter(today)) {
				errors.add(RosterColumn.BIRTH_DATE, value, "FUTURE_DATE", "未来の日付です");
				return null;
			}
			if (date.isBefore(EARLIEST_BIRTH)) {
				errors.add(RosterColumn.BIRTH_DATE, value, "DATE_TOO_EARLY", "1900年より前の日付です");
				return null;
			}
			return date;
		}
		catch (InvalidDateException e) {
			errors.add(RosterColumn.BIRTH_DATE, value, "INVALID_DATE", e.reason().message());
			return null;
		}
	}

	private static String sex(String value, Errors errors) {
		return switch (nfkc(value)) {
			case "男", "男性", "1" -> "男";
			case "女", "女性", "2" -> "女";
			default -> {
				errors.add(RosterColumn.SEX, value, "INVALID_SEX", "性別は 男 または 女（1 または 2）で入力してください");
				yield null;
			}
		};
	}

	private static String postalCode(String value, Errors errors) {
		String digits = nfkc(value).replaceFirst("^〒", "").replace("-", "").replace("ー", "").strip();
		if (!digits.matches("\\d{7}")) {
			errors.add(RosterColumn.POSTAL_CODE, value, "INVALID_POSTAL_CODE", digits.matches("\\d{5,6}")
					? "郵便番号が7桁ではありません（Excel で先頭の0が消えていないか確認してください）" : "郵便番号は7桁の数字で入力してください（ハイフンは任意）");
			return null;
		}
		return digits;
	}

	private Boolean yesNo(RawRow row, RosterColumn column, Errors errors) {
		return optional(row, column).map(v -> switch (nfkc(v)) {
			case "はい", "○", "〇", "◯", "1", "有", "あり", "希望する" -> Boolean.TRUE;
			case "いいえ", "×", "✕", "0", "無", "なし", "希望しない" -> Boolean.FALSE;
			default -> {
				errors.add(column, v, "INVALID_YES_NO", "はい/いいえ、○/×、1/0 のいずれかで入力してください");
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
			errors.add(column, v, "TOO_LONG", max + "文字以内で入力してください");
			return null;
		}
		boolean control = v.codePoints()
			.anyMatch(cp -> Character.getType(cp) == Character.CONTROL
					&& (column != RosterColumn.REMARKS || (cp != '\n' && cp != '\r' && cp != '\t')));
		if (control || ((column == RosterColumn.NAME || column == RosterColumn.PROXY_NAME)
				&& (v.contains("?") || v.contains("？") || v.contains("\uFFFD")))) {
			errors.add(column, v, "INVALID_CHARACTER", "使えない文字（制御文字や文字化けの「?」）が含まれています");
			return null;
		}
		return v;
	}

	private Optional<String> required(RawRow row, RosterColumn column, Errors errors) {
		Optional<String> v = optional(row, column);
		if (v.isEmpty() && indexOf.containsKey(column)) {
			errors.add(column, "", "REQUIRED", "必須項目が空です");
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
			String message) {
		if (value.isEmpty()) {
			errors.add(column, strip(cellOf(row, column)), code, message);
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

		void add(RosterColumn column, String value, String code, String message) {
			Integer i = indexOf.get(column);
			add(i == null ? column.header() : headers.get(i), value, code, message);
		}

		void add(String columnName, String value, String code, String message) {
			list.add(new RowError(row.number(), columnName, value, code, message));
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
