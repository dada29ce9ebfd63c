package jp.madoguchi.japanese;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class JapaneseDatesTest {

	@ParameterizedTest
	@CsvSource({ "1948-04-05, 1948-04-05", "1948/4/5, 1948-04-05", "19480405, 1948-04-05", "1948年4月5日, 1948-04-05",
			"昭和23年4月5日, 1948-04-05", "S23.4.5, 1948-04-05", "s23.4.5, 1948-04-05", "Ｓ２３．４．５, 1948-04-05",
			"昭23.4.5, 1948-04-05", "令和元年5月1日, 2019-05-01", "R1.5.1, 2019-05-01", "昭和64年1月7日, 1989-01-07",
			"平成元年1月8日, 1989-01-08", "H31.4.30, 2019-04-30", "大正15年12月24日, 1926-12-24", "昭和元年12月25日, 1926-12-25",
			"T1.7.30, 1912-07-30", "平成12年2月29日, 2000-02-29" })
	void readsWesternAndEraDates(String text, LocalDate expected) {
		assertThat(JapaneseDates.parse(text)).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "昭和64年1月8日", "平成元年1月7日", "令和元年4月30日", "H31.5.1", "大正15年12月25日", "T1.7.29" })
	void refusesDatesOutsideTheirEra(String text) {
		assertThatThrownBy(() -> JapaneseDates.parse(text)).isInstanceOf(InvalidDateException.class)
			.extracting(e -> ((InvalidDateException) e).reason())
			.isEqualTo(InvalidDateException.Reason.OUTSIDE_ERA);
	}

	@ParameterizedTest
	@CsvSource({ "1948-02-30", "昭和23年2月30日", "19490229", "S23.13.1" })
	void refusesDaysTheCalendarDoesNotHave(String text) {
		assertThatThrownBy(() -> JapaneseDates.parse(text)).isInstanceOf(InvalidDateException.class)
			.extracting(e -> ((InvalidDateException) e).reason())
			.isEqualTo(InvalidDateException.Reason.NOT_A_DATE);
	}

	@ParameterizedTest
	@CsvSource({ "昭和二十三年", "4/5/1948", "abc", "X23.4.5" })
	void refusesWhatItCannotRead(String text) {
		assertThatThrownBy(() -> JapaneseDates.parse(text)).isInstanceOf(InvalidDateException.class)
			.extracting(e -> ((InvalidDateException) e).reason())
			.isEqualTo(InvalidDateException.Reason.UNRECOGNISED_FORMAT);
	}

	@Test
	void writesEraTextWithGannen() {
		assertThat(JapaneseDates.toEraText(LocalDate.of(2019, 5, 1))).isEqualTo("令和元年5月1日");
		assertThat(JapaneseDates.toEraText(LocalDate.of(1948, 4, 5))).isEqualTo("昭和23年4月5日");
	}

}
