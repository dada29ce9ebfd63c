package jp.madoguchi.scans;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The scanner's folder: a file still being copied is left alone; once its size stays the
 * same it is stored, processed and moved to processed/; a file that is not a scan goes to
 * failed/ with a Japanese note saying why.
 */
@SpringBootTest
@ActiveProfiles("demo")
class ScanInboxTest {

	@TempDir
	static Path dataDir;

	@TempDir
	static Path inbox;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("madoguchi.data-dir", dataDir::toString);
		registry.add("madoguchi.scans.inbox", inbox::toString);
		registry.add("madoguchi.scans.inbox-poll", () -> "1s");
	}

	@Autowired
	JdbcClient jdbc;

	@Test
	void filesAreTakenOnlyWhenCompleteAndMovedOnlyAfterTheyAreStored() throws Exception {
		// 332097: the demo municipality (高梁市).
		Path folder = Files.createDirectories(inbox.resolve("332097"));
		Path scan = folder.resolve("scan-0001.png");
		byte[] png = PaperScans.png(PaperScans.letter(100));
		try (OutputStream out = Files.newOutputStream(scan)) {
			// Copied slowly: a little more every 100 ms for 3 s, across several polls (a
			// file is taken only when two polls a second apart see the same size).
			int written = 0;
			int chunk = png.length / 60;
			for (int i = 0; i < 30; i++) {
				out.write(png, written, chunk);
				written += chunk;
				out.flush();
				Thread.sleep(100);
			}
			assertThat(count()).as("a file still growing is not read").isZero();
			out.write(png, written, png.length - written);
		}
		await(() -> Files.exists(folder.resolve("processed").resolve("scan-0001.png")));
		assertThat(Files.exists(scan)).isFalse();
		assertThat(Files.readAllBytes(folder.resolve("processed").resolve("scan-0001.png"))).isEqualTo(png);
		assertThat(count()).isEqualTo(1);
		assertThat(
				jdbc.sql("SELECT status FROM scan_file WHERE file_name = 'scan-0001.png'").query(String.class).single())
			.isEqualTo("DONE");
		assertThat(jdbc.sql("SELECT uploaded_by FROM scan_file WHERE file_name = 'scan-0001.png'")
			.query(String.class)
			.single()).isEqualTo("inbox");

		Files.writeString(folder.resolve("memo.txt"), "スキャンではない", StandardCharsets.UTF_8);
		await(() -> Files.exists(folder.resolve("failed").resolve("memo.txt.txt")));
		assertThat(Files.readString(folder.resolve("failed").resolve("memo.txt.txt"), StandardCharsets.UTF_8))
			.contains("memo.txt")
			.contains("PDF・TIFF・JPEG・PNG");
		assertThat(Files.exists(folder.resolve("failed").resolve("memo.txt"))).isTrue();

		// A folder that names no municipality is left alone.
		Path stray = Files.createDirectories(inbox.resolve("unknown")).resolve("x.png");
		Files.write(stray, png);
		Thread.sleep(2500);
		assertThat(Files.exists(stray)).isTrue();
	}

	private long count() {
		return jdbc.sql("SELECT COUNT(*) FROM scan_file").query(Long.class).single();
	}

	private static void await(BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("not within 30 s");
			}
			Thread.sleep(50);
		}
	}

}
