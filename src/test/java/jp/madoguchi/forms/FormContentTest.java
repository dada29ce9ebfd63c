package jp.madoguchi.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;

import jp.madoguchi.forms.Applicant.Delivery;
import jp.madoguchi.forms.Applicant.Party;
import jp.madoguchi.forms.Applicant.Procedure;
import jp.madoguchi.forms.Applicant.Sex;

/**
 * The official wording, with the municipality in place of 〇〇〇, and the per-person
 * variants.
 */
class FormContentTest {

	private static String text(FormId form, Applicant applicant) throws Exception {
		GeneratedDocument document = TestForms.engine()
			.generate(form, applicant, TestForms.TAKAHASHI, TestForms.ISSUE_DATE);
		Path file = TestForms.write("content-" + form.id() + "-" + applicant.id() + ".pdf", document.pdf());
		// Line breaks depend on layout; the wording must be there character for
		// character.
		return TestForms.pdftotext(file).replace("\n", "");
	}

	private static Applicant self(String id) {
		return new Applicant(id, "高梁　花子", "タカハシ　ハナコ", LocalDate.of(1951, 11, 22), Sex.FEMALE, "716-8501",
				"岡山県高梁市松原通２０４３", null, null, Procedure.NEW_CARD_COLLECTED_AT_OFFICE, Party.SELF, null, null, true, true,
				Delivery.COUNTER, false, Set.of(), false, null);
	}

	@Test
	void theConsentFormCarriesTheOfficialItemsWithTheMunicipality() throws Exception {
		String text = text(FormId.CONSENT, self("s1"));
		assertThat(text).contains("マイナンバーカードの健康保険証利用の申込みに関する同意書")
			.contains("令和 年 月 日")
			.contains("高梁市長 殿")
			.contains("私は、下記の事項につき、高梁市長に対して同意いたします。")
			.contains("高梁市の職員が、マイナンバーカードの健康保険証利用の申込みのためにマイナンバーカードの利用者証明用電子証明書に係る暫定的な暗証番号の設定を行うこと")
			.contains("マイナンバーカードの健康保険証利用の申込みに当たり、高梁市の職員に前号で設定した暗証番号をマイナポータルに入力させること")
			.contains("マイナンバーカードの健康保険証利用の申込みのための手続(マイナポータル利用規約に係る同意を含む。)を高梁市の職員に代行させること")
			.contains("※申請者の氏名欄に、申請者の署名又は記名押印を行うこと")
			.contains("(自署が難しい場合は、代筆の上押印を行うことも可能。)")
			.contains("高梁 花子")
			.doesNotContain("〇〇〇");
		// the 本人 variant confirms the Mynaportal terms of use; the proxy variant does not
		assertThat(text).contains("マイナポータル利用規約の提示を受け");
		Applicant proxy = TestForms.applicant("p1", "高梁　花子", "タカハシ", "1");
		assertThat(text(FormId.CONSENT, proxy)).doesNotContain("マイナポータル利用規約の提示を受け");
	}

	@Test
	void theMandateNamesTheProxyAndTheRelationship() throws Exception {
		String text = text(FormId.MANDATE, TestForms.applicant("m1", "辻\uDB40\uDD00　一郎", "ツジ", "1"));
		assertThat(text).contains("マイナンバーカードの健康保険証利用の申込みに関する委任状")
			.contains("私は、下記の者を代理人としてマイナンバーカードの健康保険証利用の申込みの権限を委任しましたので通知します。")
			.contains("施設 次郎")
			.contains("施設職員")
			.contains("辻\uDB40\uDD00 一郎");
	}

	@Test
	void theApplicationLeavesTheIndividualNumberBlank() throws Exception {
		String text = text(FormId.APPLICATION, self("a1"));
		assertThat(text).contains("個人番号")
			.contains("高梁 花子")
			.contains("タカハシ ハナコ")
			.contains("昭和26年11月22日")
			.contains("〒716-8501")
			.contains("岡山県高梁市松原通２０４３");
		// no run of 12 digits anywhere: a My Number is never printed
		assertThat(text.replaceAll("\\s", "")).doesNotContainPattern("\\d{12}");
	}

	@Test
	void seventyFiveAndOverIsDerivedFromTheBirthDateOnTheIssueDate() throws Exception {
		// born 1951-11-22: legally 75 from the end of 2026-11-21, the issue date
		assertThat(text(FormId.CANNOT_VISIT, self("c1"))).contains("75歳以上の高齢者（令和8年11月21日現在 75歳）");
		Applicant younger = new Applicant("c2", "高梁　花子", "タカハシ", LocalDate.of(1951, 11, 23), Sex.FEMALE, null, "岡山県高梁市",
				null, null, Procedure.NEW_CARD_COLLECTED_AT_OFFICE, Party.PROXY, "代理　人", "長男", true, false,
				Delivery.PROXY_PICKUP, false, Set.of(), false, null);
		assertThat(text(FormId.CANNOT_VISIT, younger)).contains("現在 74歳");
	}

	@Test
	void theLeafletKeepsTheMinistryWordingAndAddsTheMunicipalityContact() throws Exception {
		String text = text(FormId.LEAFLET, self("l1"));
		assertThat(text).contains("顔認証マイナンバーカードの注意点")
			.contains("機器による顔認証又は目視による顔確認により健康保険証としての利用等ができますが、暗証番号の入力が必要なサービスは利用できません。")
			.contains("・各種証明書のコンビニ交付")
			.contains("0120-95-0178")
			.contains("お問い合わせ先：高梁市 市民課")
			.contains("0866-21-0253");
	}

}
