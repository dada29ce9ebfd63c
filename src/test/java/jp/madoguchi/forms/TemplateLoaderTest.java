package jp.madoguchi.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/** A template a designer got wrong is refused with the file and the line. */
class TemplateLoaderTest {

	private static String template(String elements) {
		return """
				{
				  "id": "consent",
				  "version": "test-1",
				  "title": "テスト",
				  "qr": [{"x": 185, "y": 8, "size": 17}, {"x": 8, "y": 272, "size": 17}],
				  "pages": [
				    {
				      "elements": [
				        {"type": "text", "x": 20, "y": 40, "w": 170, "size": 12, "text": "同意書"},
				""" + elements + """
				      ]
				    }
				  ]
				}
				""";
	}

	private static void check(String json) {
		TestForms.engine().checkTemplate(FormId.CONSENT, "upload.json", json.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void aValidTemplatePasses() {
		check(template(
				"""
						        {"type": "field", "x": 20, "y": 60, "w": 120, "h": 15, "size": 14, "minSize": 9, "text": "{applicant.name}"}
						"""));
	}

	@Test
	void anUnknownFieldIsRefusedWithItsLine() {
		assertThatThrownBy(() -> check(template("""
				        {"type": "text", "x": 20, "y": 60, "w": 170, "size": 12, "text": "{municipality.mayorTitle} 殿"},
				        {"type": "field", "x": 20, "y": 80, "w": 120, "h": 15, "size": 14, "text": "{applicant.nmae}"}
				"""))).isInstanceOf(TemplateRejectedException.class)
			.hasMessage("upload.json:11: unknown field {applicant.nmae}");
	}

	@Test
	void anUnknownAttributeIsRefusedWithItsLine() {
		assertThatThrownBy(() -> check(template("""
				        {"type": "text", "x": 20, "y": 60, "w": 170, "fontSize": 12, "text": "殿"}
				"""))).isInstanceOf(TemplateRejectedException.class)
			.hasMessageStartingWith("upload.json:10:")
			.hasMessageContaining("fontSize");
	}

	@Test
	void anUnknownConditionIsRefused() {
		assertThatThrownBy(() -> check(template("""
				        {"type": "check", "x": 20, "y": 60, "size": 4, "checked": "applicant.isMayor"}
				"""))).isInstanceOf(TemplateRejectedException.class)
			.hasMessageStartingWith("upload.json:10:")
			.hasMessageContaining("applicant.isMayor");
	}

	@Test
	void textThatDoesNotFitItsBoxIsRefusedWithItsLine() {
		assertThatThrownBy(() -> check(template(
				"""
						        {"type": "text", "x": 20, "y": 60, "w": 40, "h": 6, "size": 12, "text": "マイナンバーカードの健康保険証利用の申込みに関する同意書"}
						""")))
			.isInstanceOf(TemplateRejectedException.class)
			.hasMessageStartingWith("upload.json:10:")
			.hasMessageContaining("does not fit");
	}

	@Test
	void aFieldThatCannotHoldTheSampleNameIsRefused() {
		assertThatThrownBy(() -> check(template(
				"""
						        {"type": "field", "x": 20, "y": 60, "w": 30, "h": 8, "size": 14, "minSize": 10, "text": "{applicant.name}"}
						""")))
			.isInstanceOf(TemplateRejectedException.class)
			.hasMessageStartingWith("upload.json:10:")
			.hasMessageContaining("does not fit");
	}

	@Test
	void elementsOffThePageOrOnAQrCodeAreRefused() {
		assertThatThrownBy(() -> check(template("""
				        {"type": "box", "x": 150, "y": 60, "w": 80, "h": 10}
				"""))).hasMessageStartingWith("upload.json:10:").hasMessageContaining("A4");
		assertThatThrownBy(() -> check(template("""
				        {"type": "box", "x": 170, "y": 10, "w": 20, "h": 10}
				"""))).hasMessageStartingWith("upload.json:10:").hasMessageContaining("QR");
	}

	@Test
	void wordingOfATemplateThatNoFontHasIsRefused() {
		assertThatThrownBy(() -> check(template("""
				        {"type": "text", "x": 20, "y": 60, "w": 170, "size": 12, "text": "同意します ✕"}
				"""))).hasMessageStartingWith("upload.json:10:").hasMessageContaining("U+2715");
	}

	@Test
	void eachDocumentRecordsTheTemplateVersionAndTheHashOfItsContent() throws Exception {
		byte[] file = Files.readAllBytes(TestForms.TEMPLATES.resolve("consent/template.json"));
		String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
		DocumentRecord record = TestForms.engine()
			.generate(FormId.CONSENT, TestForms.applicant("r", "山田", "ヤマダ", "1"), TestForms.TAKAHASHI,
					TestForms.ISSUE_DATE)
			.record();
		assertThat(record.sha256()).isEqualTo(expected);
		assertThat(record.templateVersion()).isEqualTo("2024-12-06.1");
		assertThat(record.form()).isEqualTo(FormId.CONSENT);
		assertThat(record.id()).matches("[0-9A-Z]{10}");
	}

}
