package jp.madoguchi.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * What a person's name looks like in the PDF is what was typed: pdftotext (poppler, a
 * second implementation) must give back every character, variation selectors included.
 */
class TextFidelityTest {

	/**
	 * 葛󠄀 (IVS in IPAex), 辻󠄀, 𠮷 (non-BMP, IPAmj only), 髙 and 﨑, 葛󠄂 (Moji_Joho IVS,
	 * IPAmj only).
	 */
	private static final String[] NAMES = { "葛\uDB40\uDD00城　太郎", "辻\uDB40\uDD00　花子", "\uD842\uDFB7田　髙﨑",
			"葛\uDB40\uDD02西　一" };

	@Test
	void namesComeBackExactlyIncludingVariationSelectors() throws Exception {
		for (int i = 0; i < NAMES.length; i++) {
			Applicant applicant = TestForms.withAddress(
					TestForms.withName(TestForms.applicant("p" + i, NAMES[i], "テスト", "101"), NAMES[i]),
					"岡山県高梁市\uD842\uDFB7野町１－２　辻\uDB40\uDD00ハイツ");
			GeneratedDocument document = TestForms.engine()
				.generate(FormId.APPLICATION, applicant, TestForms.TAKAHASHI, TestForms.ISSUE_DATE);
			Path file = TestForms.write("fidelity-" + i + ".pdf", document.pdf());
			String text = TestForms.pdftotext(file);
			assertThat(text).contains(TestForms.spaced(NAMES[i]));
			assertThat(text).contains(TestForms.spaced("岡山県高梁市\uD842\uDFB7野町１－２　辻\uDB40\uDD00ハイツ"));
			assertThat(text).contains("昭和23年5月3日");
		}
	}

	@Test
	void everyFontIsEmbeddedAsASubset() throws Exception {
		Applicant applicant = TestForms.withName(TestForms.applicant("p", "\uD842\uDFB7田　葛\uDB40\uDD02", "ヨシダ", "1"),
				"\uD842\uDFB7田　葛\uDB40\uDD02");
		Path file = TestForms.write("fonts.pdf",
				TestForms.engine()
					.generate(FormId.CONSENT, applicant, TestForms.TAKAHASHI, TestForms.ISSUE_DATE)
					.pdf());
		var rows = TestForms.lines(TestForms.run("pdffonts", file.toString())).stream().skip(2).toList();
		assertThat(rows).hasSizeGreaterThanOrEqualTo(3); // Gothic, Mincho, and IPAmj for
															// 𠮷 and 葛󠄂
		assertThat(rows).anyMatch(r -> r.contains("IPAmjMincho"));
		for (String row : rows) {
			String[] columns = row.trim().split("\\s+");
			assertThat(columns[0]).as(row).matches("[A-Z]{6}\\+.*");
			// columns from the right: object id (2), uni, sub, emb
			int n = columns.length;
			assertThat(columns[n - 5]).as("emb: " + row).isEqualTo("yes");
			assertThat(columns[n - 4]).as("sub: " + row).isEqualTo("yes");
			assertThat(columns[n - 3]).as("uni: " + row).isEqualTo("yes");
		}
	}

	@Test
	void anUndrawableCharacterRefusesTheDocumentNamingPersonFieldAndCodePoint() {
		Applicant emoji = TestForms.withName(TestForms.applicant("case-42", "山田　花子", "ヤマダ", "1"), "山田\uD83D\uDE00子");
		assertThatThrownBy(
				() -> TestForms.engine().generate(FormId.CONSENT, emoji, TestForms.TAKAHASHI, TestForms.ISSUE_DATE))
			.isInstanceOf(FormRefusedException.class)
			.hasMessageContaining("U+1F600")
			.hasMessageContaining("applicant.name")
			.hasMessageContaining("case-42")
			.satisfies(e -> assertThat(((FormRefusedException) e).field()).isEqualTo("applicant.name"));
	}

	@Test
	void aVariationSequenceNoFontHasIsRefusedRatherThanPrintedWithoutItsSelector() {
		// IPAex lists 葛+U+E0101 only as a default sequence (same glyph as plain 葛) and
		// IPAmj not at
		// all: OpenPDF would print 葛 and drop the selector, so the text would no longer
		// match.
		Applicant applicant = TestForms.withName(TestForms.applicant("case-7", "葛城", "カツラギ", "1"), "葛\uDB40\uDD01城");
		assertThatThrownBy(
				() -> TestForms.engine().generate(FormId.MANDATE, applicant, TestForms.TAKAHASHI, TestForms.ISSUE_DATE))
			.isInstanceOf(FormRefusedException.class)
			.hasMessageContaining("U+845B U+E0101")
			.hasMessageContaining("case-7");
	}

	@Test
	void aLongNameShrinksWithinLimitsThenIsRefused() throws Exception {
		String longName = "寿限無寿限無五劫の擦り切れ海砂利水魚の水行末雲来末";
		Applicant fits = TestForms.withName(TestForms.applicant("long", longName, "ジュゲム", "1"), longName);
		Path file = TestForms.write("long-name.pdf",
				TestForms.engine().generate(FormId.CONSENT, fits, TestForms.TAKAHASHI, TestForms.ISSUE_DATE).pdf());
		assertThat(TestForms.pdftotext(file)).contains(longName);

		String tooLong = longName.repeat(3);
		Applicant refused = TestForms.withName(fits, tooLong);
		assertThatThrownBy(
				() -> TestForms.engine().generate(FormId.CONSENT, refused, TestForms.TAKAHASHI, TestForms.ISSUE_DATE))
			.isInstanceOf(FormRefusedException.class)
			.hasMessageContaining("applicant.name")
			.hasMessageContaining("does not fit");
	}

}
