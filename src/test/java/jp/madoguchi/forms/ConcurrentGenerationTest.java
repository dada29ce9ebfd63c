package jp.madoguchi.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/**
 * The API generates documents on several threads with one set of fonts: every document
 * must still carry exactly its own person's name (font subsets and glyph maps must not
 * leak between writers).
 */
class ConcurrentGenerationTest {

	private static final String[] NAMES = { "葛\uDB40\uDD00城　一", "辻\uDB40\uDD00　二", "\uD842\uDFB7田　三", "髙﨑　四",
			"葛\uDB40\uDD02西　五", "山田　六" };

	@Test
	void documentsGeneratedInParallelAreEachExact() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<GeneratedDocument>> futures = new ArrayList<>();
			for (int i = 0; i < 48; i++) {
				String name = NAMES[i % NAMES.length];
				FormId form = FormId.values()[i % 3];
				Applicant applicant = TestForms.withName(TestForms.applicant("t" + i, name, "テスト", "1"), name);
				futures.add(pool.submit(
						() -> TestForms.engine().generate(form, applicant, TestForms.TAKAHASHI, TestForms.ISSUE_DATE)));
			}
			for (int i = 0; i < futures.size(); i++) {
				GeneratedDocument document = futures.get(i).get();
				Path file = TestForms.write("parallel-" + i + ".pdf", document.pdf());
				String text = TestForms.pdftotext(file);
				assertThat(text).as("document " + i)
					.contains(TestForms.spaced(NAMES[i % NAMES.length]))
					.contains(document.record().id());
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

}
