package jp.madoguchi.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;
import org.openpdf.text.Document;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.PdfWriter;

/** Archival: every generated file validates as PDF/A-2b with veraPDF. */
class PdfaComplianceTest {

	@BeforeAll
	static void initialiseVeraPdf() {
		VeraGreenfieldFoundryProvider.initialise();
	}

	@Test
	void everyFormIsPdfA2b() throws Exception {
		Applicant applicant = TestForms.withName(TestForms.applicant("a1", "x", "ヨシダ", "1"),
				"\uD842\uDFB7田　葛\uDB40\uDD00");
		for (FormId form : FormId.values()) {
			byte[] pdf = TestForms.engine().generate(form, applicant, TestForms.TAKAHASHI, TestForms.ISSUE_DATE).pdf();
			assertThat(failures(pdf)).as(form.id()).isEmpty();
		}
	}

	@Test
	void aPacketIsPdfA2b() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		TestForms.engine()
			.writePacket(new PacketRequest("高梁やすらぎの里",
					List.of(TestForms.applicant("a", "高梁　一郎", "タカハシ", "2"),
							TestForms.applicant("b", "辻\uDB40\uDD00　花子", "ツジ", "1")),
					TestForms.TAKAHASHI, TestForms.ISSUE_DATE), out);
		assertThat(failures(out.toByteArray())).isEmpty();
	}

	@Test
	void aReportIsPdfA2b() throws Exception {
		List<List<String>> rows = new ArrayList<>();
		for (int i = 0; i < 80; i++) {
			rows.add(List.of("重大", "案件" + i + ": 暫定的な暗証番号を設定してから24時間以内に、ロックが確認されていません。"));
		}
		byte[] pdf = TestForms.engine()
			.report(new ReportDocument("夜間突合せ報告書", List.of("自治体：高梁市"),
					List.of(new ReportDocument.Column("重要度", 1), new ReportDocument.Column("内容", 5)), rows));
		assertThat(failures(pdf)).isEmpty();
	}

	@Test
	void theValidatorRejectsAnOrdinaryPdf() throws Exception {
		// Control: without the PDF/A settings the same library output must fail, or the
		// checks above prove nothing.
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document();
		PdfWriter.getInstance(document, out);
		document.open();
		document.add(new Paragraph("plain"));
		document.close();
		assertThat(failures(out.toByteArray())).isNotEmpty();
	}

	static List<String> failures(byte[] pdf) throws Exception {
		try (PDFAParser parser = Foundries.defaultInstance()
			.createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFA_2_B);
				PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_2_B, false)) {
			ValidationResult result = validator.validate(parser);
			List<String> failed = result.getTestAssertions()
				.stream()
				.filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
				.map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + " " + a.getMessage())
				.distinct()
				.collect(Collectors.toList());
			if (!result.isCompliant() && failed.isEmpty()) {
				failed.add("not compliant");
			}
			return failed;
		}
	}

}
