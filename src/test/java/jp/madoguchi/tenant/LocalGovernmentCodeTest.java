package jp.madoguchi.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalGovernmentCodeTest {

	/** 高梁市, 千代田区, 札幌市, 那覇市, 大阪市: codes as published. */
	@ParameterizedTest
	@ValueSource(strings = { "332097", "131016", "011002", "472018", "271004" })
	void acceptsPublishedCodes(String code) {
		assertThat(LocalGovernmentCode.isValid(code)).isTrue();
		assertThat(new LocalGovernmentCode(code).value()).isEqualTo(code);
	}

	@ParameterizedTest
	@ValueSource(strings = { "332090", "131017", "33209", "3320977", "33209A", "" })
	void refusesWrongCheckDigitsAndShapes(String code) {
		assertThat(LocalGovernmentCode.isValid(code)).isFalse();
		assertThatThrownBy(() -> new LocalGovernmentCode(code)).isInstanceOf(IllegalArgumentException.class);
	}

}
