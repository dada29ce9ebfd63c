package jp.madoguchi.japanese;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class KanaReadingsTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "やまだ　たろう|ヤマダ　タロウ", "ﾔﾏﾀﾞ ﾀﾛｳ|ヤマダ　タロウ", "ヤマダ  タロウ|ヤマダ　タロウ",
			"さいとう　ゆうこ|サイトウ　ユウコ", "ヴァン・ダイク|ヴァン・ダイク", "ｵｰﾀ|オータ" })
	void normalisesToFullWidthKatakana(String input, String expected) {
		assertThat(KanaReadings.normalize(input)).contains(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "山田", "Yamada", "ヤマダ1", "", "  " })
	void refusesAnythingButKana(String input) {
		assertThat(KanaReadings.normalize(input)).isEmpty();
	}

}
