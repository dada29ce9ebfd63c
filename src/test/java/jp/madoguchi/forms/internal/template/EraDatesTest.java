package jp.madoguchi.forms.internal.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class EraDatesTest {

	@Test
	void eraDatesUseGannenForTheFirstYear() {
		assertThat(EraDates.format(LocalDate.of(2019, 4, 30))).isEqualTo("平成31年4月30日");
		assertThat(EraDates.format(LocalDate.of(2019, 5, 1))).isEqualTo("令和元年5月1日");
		assertThat(EraDates.format(LocalDate.of(2026, 11, 21))).isEqualTo("令和8年11月21日");
		assertThat(EraDates.format(LocalDate.of(1948, 5, 3))).isEqualTo("昭和23年5月3日");
	}

	@Test
	void aPersonReachesAnAgeAtTheEndOfTheDayBeforeTheBirthday() {
		LocalDate issue = LocalDate.of(2026, 11, 21);
		assertThat(EraDates.legalAge(LocalDate.of(1951, 11, 22), issue)).isEqualTo(75);
		assertThat(EraDates.legalAge(LocalDate.of(1951, 11, 23), issue)).isEqualTo(74);
		assertThat(EraDates.legalAge(LocalDate.of(1951, 11, 21), issue)).isEqualTo(75);
		// born on 29 February: 75 on 28 February of a common year
		assertThat(EraDates.legalAge(LocalDate.of(1952, 2, 29), LocalDate.of(2027, 2, 28))).isEqualTo(75);
		assertThat(EraDates.legalAge(LocalDate.of(1952, 2, 29), LocalDate.of(2027, 2, 27))).isEqualTo(74);
	}

}
