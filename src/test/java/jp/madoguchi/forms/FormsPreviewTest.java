package jp.madoguchi.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class FormsPreviewTest {

	@Test
	void everyFormRendersWithTheSampleApplicant() throws Exception {
		for (FormId form : FormId.values()) {
			GeneratedDocument document = TestForms.engine().preview(form);
			Path file = TestForms.write("preview-" + form.id() + ".pdf", document.pdf());
			String text = TestForms.pdftotext(file);
			assertThat(text).as(form.id()).contains("SAMPLE00000");
			assertThat(document.record().pages()).isGreaterThan(0);
		}
	}

}
