package jp.madoguchi.japanese;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JapaneseTextTest {

	@Test
	void widthSpacesAndByteOrderMarkDoNotCount() {
		assertThat(JapaneseText.compact("\uFEFF新規交付（交付時来庁）")).isEqualTo("新規交付(交付時来庁)");
		assertThat(JapaneseText.compact("新規交付 (交付時来庁)")).isEqualTo("新規交付(交付時来庁)");
		assertThat(JapaneseText.compact("山田　太郎")).isEqualTo(JapaneseText.compact("山田 太郎"));
		assertThat(JapaneseText.compact("ＡＢ１")).isEqualTo("AB1");
	}

	@Test
	void charactersThatMatterStay() {
		assertThat(JapaneseText.compact("髙橋")).isNotEqualTo(JapaneseText.compact("高橋"));
		assertThat(JapaneseText.compact("𠮷野")).isEqualTo("𠮷野");
	}

}
