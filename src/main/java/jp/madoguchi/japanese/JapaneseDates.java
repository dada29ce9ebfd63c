package jp.madoguchi.japanese;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.chrono.JapaneseDate;
import java.time.chrono.JapaneseEra;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.time.chrono.JapaneseChronology;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * Parses birth dates as clerks write them: Western (1948-04-05, 1948/4/5, 19480405,
 * 1948年4月5日) or era-based (昭和23年4月5日, S23.4.5, 令和元年5月1日, R1.5.1). Era dates are checked
 * against the era boundaries by {@link JapaneseDate}, so 昭和64年1月7日 parses and 昭和64年1月8日
 * does not.
 */
public final class JapaneseDates {

	private static final Map<String, JapaneseEra> ERAS = Map.ofEntries(Map.entry("明治", JapaneseEra.MEIJI),
			Map.entry("明", JapaneseEra.MEIJI), Map.entry("M", JapaneseEra.MEIJI), Map.entry("大正", JapaneseEra.TAISHO),
			Map.entry("大", JapaneseEra.TAISHO), Map.entry("T", JapaneseEra.TAISHO), Map.entry("昭和", JapaneseEra.SHOWA),
			Map.entry("昭", JapaneseEra.SHOWA), Map.entry("S", JapaneseEra.SHOWA), Map.entry("平成", JapaneseEra.HEISEI),
			Map.entry("平", JapaneseEra.HEISEI), Map.entry("H", JapaneseEra.HEISEI), Map.entry("令和", JapaneseEra.REIWA),
			Map.entry("令", JapaneseEra.REIWA), Map.entry("R", JapaneseEra.REIWA));

	private static final Pattern ERA_DATE = Pattern.compile(
			"(明治|大正|昭和|平成|令和|明|大|昭|平|令|[MTSHR])\\.?\\s*(元|\\d{1,2})\\s*(?:年|[./-])\\s*(\\d{1,2})\\s*(?:月|[./-])\\s*(\\d{1,2})\\s*日?");

	private static final Pattern WESTERN_SEPARATED = Pattern
		.compile("(\\d{4})\\s*(?:年|[./-])\\s*(\\d{1,2})\\s*(?:月|[./-])\\s*(\\d{1,2})\\s*日?");

	private static final Pattern WESTERN_COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

	private JapaneseDates() {
	}

	/**
	 * @throws InvalidDateException with a reason a clerk can act on
	 */
	public static LocalDate parse(String text) {
		if (text == null || text.isBlank()) {
			throw new InvalidDateException(InvalidDateException.Reason.EMPTY);
		}
		// NFKC turns full-width digits, letters and punctuation (Ｓ２３．４．５) into their
		// ASCII forms.
		String s = Normalizer.normalize(text, Normalizer.Form.NFKC).strip().toUpperCase(Locale.ROOT);
		Matcher m = ERA_DATE.matcher(s);
		if (m.matches()) {
			JapaneseEra era = ERAS.get(m.group(1));
			int yearOfEra = m.group(2).equals("元") ? 1 : Integer.parseInt(m.group(2));
			int month = Integer.parseInt(m.group(3));
			int day = Integer.parseInt(m.group(4));
			if (yearOfEra < 1) {
				throw new InvalidDateException(InvalidDateException.Reason.NOT_A_DATE);
			}
			try {
				checkCalendar(toWesternYear(era, yearOfEra), month, day);
				return LocalDate.from(JapaneseDate.of(era, yearOfEra, month, day));
			}
			catch (DateTimeException e) {
				throw new InvalidDateException(InvalidDateException.Reason.OUTSIDE_ERA);
			}
		}
		m = WESTERN_SEPARATED.matcher(s);
		if (!m.matches()) {
			m = WESTERN_COMPACT.matcher(s);
		}
		if (m.matches()) {
			return checkCalendar(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
					Integer.parseInt(m.group(3)));
		}
		throw new InvalidDateException(InvalidDateException.Reason.UNRECOGNISED_FORMAT);
	}

	/**
	 * Formats a date the way forms and screens show it: 昭和23年4月5日 (元年 for the first
	 * year).
	 */
	public static String toEraText(LocalDate date) {
		JapaneseDate jd = JapaneseDate.from(date);
		int yearOfEra = jd.get(ChronoField.YEAR_OF_ERA);
		String era = jd.getEra().getDisplayName(TextStyle.FULL, Locale.JAPAN);
		return era + (yearOfEra == 1 ? "元" : Integer.toString(yearOfEra)) + "年" + date.getMonthValue() + "月"
				+ date.getDayOfMonth() + "日";
	}

	private static int toWesternYear(JapaneseEra era, int yearOfEra) {
		return JapaneseChronology.INSTANCE.prolepticYear(era, yearOfEra);
	}

	private static LocalDate checkCalendar(int year, int month, int day) {
		try {
			return LocalDate.of(year, month, day);
		}
		catch (DateTimeException e) {
			throw new InvalidDateException(InvalidDateException.Reason.NOT_A_DATE);
		}
	}

}
