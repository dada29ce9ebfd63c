package jp.madoguchi.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import jp.madoguchi.storage.StagedFile;
import jp.madoguchi.support.ApiClient;
import jp.madoguchi.support.PageSession;
import jp.madoguchi.support.Rosters;

/**
 * A refused upload leaves nothing in {@code data/staging} (it holds personal data): the
 * API deletes it at once, the page too unless the clerk may still import the valid rows,
 * and then only until that is done or 30 minutes have passed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class RejectedUploadsTest {

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void dataDirectory(DynamicPropertyRegistry registry) {
		registry.add("madoguchi.data-dir", dataDir::toString);
	}

	@LocalServerPort
	int port;

	@Test
	void everyRefusedApiUploadLeavesTheStagingFolderEmpty() throws IOException {
		ApiClient clerk = new ApiClient(this.port, "clerk", "demo");
		var invalidRows = clerk.upload("invalid.csv", Rosters.csv(List.of(invalidRow(), validRow())), false);
		assertThat(invalidRows.status()).isEqualTo(422);
		assertThat(staged()).isZero();
		assertThat(clerk.upload("empty.csv", new byte[0], false).status()).isEqualTo(400);
		assertThat(staged()).isZero();
		assertThat(clerk.upload("scan.pdf", "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), false).status())
			.isEqualTo(415);
		assertThat(staged()).isZero();
		assertThat(clerk.post("/api/rosters", "application/json", "{}".getBytes(StandardCharsets.UTF_8)).status())
			.isEqualTo(415);
		assertThat(staged()).isZero();
	}

	@Test
	void thePageKeepsARefusedFileOnlyWhileTheClerkMayImportItsValidRows() throws Exception {
		PageSession browser = new PageSession(port);
		assertThat(browser.signIn("clerk", "demo").statusCode()).isEqualTo(302);

		// No valid row: nothing to import later, deleted at once.
		HttpResponse<String> allInvalid = uploadPage(browser, Rosters.csv(List.of(invalidRow())));
		assertThat(allInvalid.statusCode()).isEqualTo(422);
		assertThat(allInvalid.body()).contains("取り込めませんでした");
		assertThat(staged()).isZero();

		// Unreadable: deleted at once, the page says why in Japanese.
		HttpResponse<String> unreadable = uploadPage(browser, new byte[] { 0, 1, 2, 3, 0 });
		assertThat(unreadable.statusCode()).isEqualTo(415);
		assertThat(unreadable.body()).contains("テキストでも Excel でもないファイルです");
		assertThat(staged()).isZero();

		// Some valid rows: held for the clerk's choice, deleted when used.
		HttpResponse<String> someValid = uploadPage(browser, Rosters.csv(List.of(invalidRow(), validRow())));
		assertThat(someValid.statusCode()).isEqualTo(422);
		assertThat(staged()).isEqualTo(1);
		Matcher token = Pattern.compile("/rosters/pending/([0-9a-f-]{36})").matcher(someValid.body());
		assertThat(token.find()).isTrue();
		HttpResponse<String> accepted = browser.post("/rosters/pending/" + token.group(1), Map.of());
		assertThat(accepted.statusCode()).isEqualTo(302);
		assertThat(staged()).isZero();

		// Used once: a second post finds nothing.
		HttpResponse<String> again = browser.post("/rosters/pending/" + token.group(1), Map.of());
		assertThat(again.statusCode()).isEqualTo(410);
		assertThat(again.body()).contains("取り込み待ちのファイルが見つかりません");
	}

	@Test
	void aHeldFileIsDeletedWhenItExpiresAndIsAnotherUsersNever() throws IOException {
		Path file = Files.createTempFile(dataDir, "held-", ".part");
		MutableClock clock = new MutableClock();
		PendingUploads pending = new PendingUploads(clock);
		try {
			String token = pending.hold("clerk", "a.csv", new StagedFile(file, "x", 1), false);
			assertThat(pending.take("someone-else", token)).isNull();
			clock.now = clock.now.plus(PendingUploads.LIFETIME).plusSeconds(1);
			pending.removeExpired();
			assertThat(file).doesNotExist();
			assertThat(pending.take("clerk", token)).isNull();
			assertThat(pending.size()).isZero();
		}
		finally {
			pending.discardAll();
		}
	}

	private static List<String> invalidRow() {
		return Rosters.row("誤り　太郎" + UUID.randomUUID().toString().substring(0, 4), "アヤマリ　タロウ", "生年月日ではない", "出張申請受付",
				"本人");
	}

	private static List<String> validRow() {
		return Rosters.row("正し　花子" + UUID.randomUUID().toString().substring(0, 4), "タダシ　ハナコ", "1950-01-01", "出張申請受付",
				"本人");
	}

	private long staged() throws IOException {
		try (var files = Files.list(dataDir.resolve("staging"))) {
			return files.count();
		}
	}

	/** The upload form of the roster page, as the browser posts it. */
	private static HttpResponse<String> uploadPage(PageSession browser, byte[] content) {
		browser.get("/rosters");
		return browser.upload("/rosters", Map.of(), "file", "roster.csv", content);
	}

	private static final class MutableClock extends Clock {

		Instant now = Instant.parse("2026-11-30T00:00:00Z");

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
