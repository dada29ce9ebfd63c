package jp.madoguchi.forms.internal.template;

import java.time.LocalDate;
import java.time.chrono.JapaneseDate;
import java.time.chrono.JapaneseEra;
import java.time.temporal.ChronoField;
import java.time.Period;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * Japanese era dates (令和7年11月21日), with 元年 for the first year of an era as printed on
 * forms.
 */
public final class EraDates {

	private EraDates() {
	}

	public static String format(LocalDate date) {
		JapaneseDate japanese = JapaneseDate.from(date);
		int year = japanese.get(ChronoField.YEAR_OF_ERA);
		return eraName(japanese.getEra()) + (year == 1 ? "元" : Integer.toString(year)) + "年" + date.getMonthValue()
				+ "月" + date.getDayOfMonth() + "日";
	}

	public static String eraName(LocalDate date) {
		return eraName(JapaneseDate.from(date).getEra());
	}

	private static String eraName(JapaneseEra era) {
		return era.getDisplayName(TextStyle.FULL, Locale.JAPAN);
	}

	/**
	 * Age in the sense of the 年齢計算ニ関スル法律: a person reaches an age at the end of the day
	 * before the birthday, so someone born on 1 April is already 75 on 31 March.
	 */
	public static int legalAge(LocalDate birthDate, LocalDate on) {
		return Period.between(birthDate, on.plusDays(1)).getYears();
	}

}
