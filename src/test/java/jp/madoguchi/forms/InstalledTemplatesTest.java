package jp.madoguchi.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

/**
 * The engine's side of a municipality's own versions: compiled once and reused, printed
 * and recorded with the installed version's number and hash, refused when the stored
 * bytes no longer match the recorded hash.
 */
class InstalledTemplatesTest {

	private static final String NEW_WORDING = "私は、下記の事項について改めて、";

	private static byte[] modifiedConsent() throws Exception {
		return Files.readString(TestForms.TEMPLATES.resolve("consent/template.json"))
			.replace("私は、下記の事項につき、", NEW_WORDING)
			.getBytes(StandardCharsets.UTF_8);
	}

	@Test
	void anInstalledVersionIsCompiledOnceAndReusedForEveryDocument() throws Exception {
		FormsEngine engine = TestForms.engine();
		byte[] json = modifiedConsent();
		String sha256 = MunicipalTemplatesContract.sha256(json);
		AtomicInteger reads = new AtomicInteger();
		Function<InstalledTemplate, byte[]> content = version -> {
			reads.incrementAndGet();
			return json;
		};
		List<InstalledTemplate> current = List.of(new InstalledTemplate(9001, FormId.CONSENT, 1, sha256));

		TemplateSet first = engine.templatesWith(current, content);
		TemplateSet second = engine.templatesWith(current, content);

		assertThat(reads).hasValue(1);
		assertThat(second.get(FormId.CONSENT)).isSameAs(first.get(FormId.CONSENT));
		assertThat(first.version(FormId.CONSENT)).isEqualTo("1");
		assertThat(first.sha256(FormId.CONSENT)).isEqualTo(sha256);
		assertThat(first.origin(FormId.CONSENT)).isEqualTo(TemplateOrigin.MUNICIPALITY);
		assertThat(first.get(FormId.LEAFLET)).isSameAs(engine.defaultTemplates().get(FormId.LEAFLET));

		// A new version of the same form is compiled once more; another municipality has
		// its own entry.
		engine.templatesWith(List.of(new InstalledTemplate(9001, FormId.CONSENT, 2, sha256)), content);
		assertThat(reads).hasValue(2);
		TemplateSet other = engine.templatesWith(List.of(new InstalledTemplate(9002, FormId.CONSENT, 1, sha256)),
				content);
		assertThat(reads).hasValue(3);
		assertThat(other.version(FormId.CONSENT)).isEqualTo("1");
	}

	@Test
	void aPacketIsPrintedWithTheInstalledVersionAndRecordsIt() throws Exception {
		FormsEngine engine = TestForms.engine();
		byte[] json = modifiedConsent();
		String sha256 = MunicipalTemplatesContract.sha256(json);
		TemplateSet templates = engine.templatesWith(List.of(new InstalledTemplate(9003, FormId.CONSENT, 4, sha256)),
				version -> json);
		PacketRequest request = new PacketRequest("テスト施設",
				List.of(TestForms.applicant("1", "高梁　一郎", "タカハシ　イチロウ", "101"),
						TestForms.applicant("2", "高梁　二郎", "タカハシ　ジロウ", "102")),
				TestForms.TAKAHASHI, TestForms.ISSUE_DATE);

		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PacketSummary summary = engine.writePacket(templates, request, out);

		List<DocumentRecord> consents = summary.documents().stream().filter(d -> d.form() == FormId.CONSENT).toList();
		assertThat(consents).hasSize(2).allSatisfy(d -> {
			assertThat(d.templateVersion()).isEqualTo("4");
			assertThat(d.sha256()).isEqualTo(sha256);
			assertThat(d.templateOrigin()).isEqualTo(TemplateOrigin.MUNICIPALITY);
		});
		assertThat(summary.documents().stream().filter(d -> d.form() != FormId.CONSENT)).isNotEmpty()
			.allSatisfy(d -> assertThat(d.templateOrigin()).isEqualTo(TemplateOrigin.DEFAULT));
		String text = TestForms.pdftotext(TestForms.write("installed-packet.pdf", out.toByteArray()));
		assertThat(text.split(NEW_WORDING, -1)).hasSize(3);
		assertThat(text).doesNotContain("私は、下記の事項につき、");
	}

	@Test
	void storedContentThatNoLongerMatchesItsRecordedHashIsRefused() throws Exception {
		FormsEngine engine = TestForms.engine();
		byte[] json = modifiedConsent();
		String recorded = MunicipalTemplatesContract.sha256(json);
		byte[] altered = new String(json, StandardCharsets.UTF_8).replace(NEW_WORDING, "私は、下記の事項につき、")
			.getBytes(StandardCharsets.UTF_8);

		assertThatThrownBy(() -> engine.templatesWith(List.of(new InstalledTemplate(9004, FormId.CONSENT, 1, recorded)),
				version -> altered))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("does not match its recorded SHA-256");
	}

}
