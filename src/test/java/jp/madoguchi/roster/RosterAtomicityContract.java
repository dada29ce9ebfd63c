package jp.madoguchi.roster;

import static jp.madoguchi.support.Rosters.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import jp.madoguchi.errors.Messages;
import jp.madoguchi.support.ApiClient;
import jp.madoguchi.support.FaultyDataSource;
import jp.madoguchi.support.Rosters;
import tools.jackson.databind.JsonNode;

/**
 * An import that fails for any reason leaves nothing behind and never blocks the same
 * file. Failures are injected where they can really happen — a database statement that
 * fails mid-way through the committed batches, in the final transaction, or while the
 * failed import is being removed (through {@link FaultyDataSource}, which wraps the real
 * DataSource), and a content store that cannot take the file (a plain file where its
 * folder must go). Run against each database engine by a subclass.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@Import(RosterAtomicityContract.Faults.class)
abstract class RosterAtomicityContract {

	@TestConfiguration
	static class Faults {

		@Bean
		static BeanPostProcessor faultyDataSource() {
			return FaultyDataSource.wrapping();
		}

	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	Messages messages;

	@Value("${madoguchi.data-dir}")
	Path storeDir;

	ApiClient clerk;

	FaultyDataSource faults;

	private final List<Path> blocked = new ArrayList<>();

	private static int uniqueness;

	@BeforeEach
	void setUp() {
		clerk = new ApiClient(port, "clerk", "demo");
		faults = (FaultyDataSource) dataSource;
		faults.clear();
	}

	@AfterEach
	void tearDown() throws IOException {
		faults.clear();
		for (Path p : blocked) {
			if (Files.isRegularFile(p)) {
				Files.delete(p);
			}
		}
	}

	@Test
	void aFailureMidWayThroughTheBatchesLeavesNothingAndTheFileImportsAgain() {
		byte[] file = roster(2500, false);
		Counts before = counts();
		// Two batches of 1,000 are committed, the third fails.
		faults.failOnce("INSERT INTO applicant_case", 3);

		assertFailedCleanly(clerk.upload("batches.csv", file, false), before, file);

		var again = clerk.upload("batches.csv", file, false);
		assertThat(again.status()).isEqualTo(201);
		assertThat(again.json().get("accepted").asInt()).isEqualTo(2500);
		assertThat(counts()).isEqualTo(before.plus(1, 2500, 0));
	}

	@Test
	void aFailureToKeepTheFileLeavesNothingAndTheFileImportsAgain() throws IOException {
		byte[] file;
		Path folder;
		do {
			file = roster(30, true);
			folder = storeDir.resolve("files").resolve(sha256(file).substring(0, 2));
		}
		while (Files.exists(folder));
		// The store cannot make the file's folder: a plain file is in its place.
		Files.writeString(folder, "not a folder");
		blocked.add(folder);
		Counts before = counts();

		assertFailedCleanly(clerk.upload("keep.csv", file, true), before, file);

		Files.delete(folder);
		var again = clerk.upload("keep.csv", file, true);
		assertThat(again.status()).isEqualTo(201);
		assertThat(again.json().get("accepted").asInt()).isEqualTo(30);
		assertThat(again.json().get("rejected").asInt()).isEqualTo(1);
		assertThat(counts()).isEqualTo(before.plus(1, 30, 1));
		assertThat(clerk.get("/api/rosters/" + again.json().get("id").asLong() + "/file").body()).isEqualTo(file);
	}

	@Test
	void aFailureInTheFinalTransactionLeavesEarlierCasesUnflagged() {
		String people = tag();
		var earlier = clerk.upload("earlier.csv", roster(people, "初回", 5, false), false);
		assertThat(earlier.status()).isEqualTo(201);
		long earlierId = earlier.json().get("id").asLong();
		// The same five people again, with a different remark: the file differs, the
		// people do not.
		byte[] file = roster(people, "二回目", 5, false);
		Counts before = counts();
		faults.failOnce("UPDATE roster SET total_rows", 1);

		assertFailedCleanly(clerk.upload("final.csv", file, false), before, file);
		for (JsonNode c : clerk.get("/api/rosters/" + earlierId + "/cases").json()) {
			assertThat(c.get("possibleDuplicate").asBoolean()).isFalse();
		}

		var again = clerk.upload("final.csv", file, false);
		assertThat(again.status()).isEqualTo(201);
		assertThat(again.json().get("possibleDuplicates").asInt()).isEqualTo(5);
		for (JsonNode c : clerk.get("/api/rosters/" + earlierId + "/cases").json()) {
			assertThat(c.get("possibleDuplicate").asBoolean()).isTrue();
		}
	}

	@Test
	void aFailedCleanUpDoesNotBlockTheFile() {
		byte[] file = roster(2500, false);
		String sha = sha256(file);
		Counts before = counts();
		// The second batch fails, and so does the removal of the first.
		faults.failOnce("INSERT INTO applicant_case", 2);
		faults.failOnce("DELETE FROM applicant_case", 1);

		var failed = clerk.upload("cleanup.csv", file, false);
		assertThat(failed.status()).isEqualTo(500);
		assertThat(failed.json().get("code").asString()).isEqualTo("ROSTER_IMPORT_FAILED");
		assertThat(faults.allFired()).isTrue();
		// The leftover is invisible: no roster, no cases, through the API.
		assertThat(clerk.get("/api/rosters").text()).doesNotContain(sha);
		assertThat(importingRosters(sha)).isEqualTo(1);

		var again = clerk.upload("cleanup.csv", file, false);
		assertThat(again.status()).isEqualTo(201);
		assertThat(again.json().get("accepted").asInt()).isEqualTo(2500);
		assertThat(importingRosters(sha)).isZero();
		assertThat(rostersOf(sha)).isEqualTo(1);
		assertThat(counts()).isEqualTo(before.plus(1, 2500, 0));
	}

	@Test
	void theSameFileWhileItsImportRunsIsInProgressNotALeftover() throws Exception {
		byte[] file = roster(1500, false);
		CountDownLatch reached = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		faults.stallOnce("INSERT INTO applicant_case", 1, reached, release);
		CompletableFuture<ApiClient.Response> first = CompletableFuture
			.supplyAsync(() -> clerk.upload("running.csv", file, false));
		try {
			assertThat(reached.await(1, TimeUnit.MINUTES)).isTrue();
			var second = clerk.upload("running.csv", file, false);
			assertThat(second.status()).isEqualTo(409);
			assertThat(second.json().get("code").asString()).isEqualTo("IMPORT_IN_PROGRESS");
		}
		finally {
			release.countDown();
		}
		var done = first.get(1, TimeUnit.MINUTES);
		assertThat(done.status()).isEqualTo(201);
		assertThat(done.json().get("accepted").asInt()).isEqualTo(1500);
		var third = clerk.upload("running.csv", file, false);
		assertThat(third.status()).isEqualTo(200);
		assertThat(third.json().get("outcome").asString()).isEqualTo("EXISTING");
	}

	private void assertFailedCleanly(ApiClient.Response response, Counts before, byte[] file) {
		assertThat(faults.allFired()).isTrue();
		assertThat(response.status()).isEqualTo(500);
		JsonNode body = response.json();
		assertThat(body.get("code").asString()).isEqualTo("ROSTER_IMPORT_FAILED");
		assertThat(body.get("message").asString()).isEqualTo(messages.text("ROSTER_IMPORT_FAILED"))
			.contains("何も保存されていません");
		assertThat(response.text()).doesNotContain("Exception", "SQL", "at jp.", "injected");
		// Nothing is left: no roster in any state, no case, no rejected row, no file.
		assertThat(counts()).isEqualTo(before);
		assertThat(rostersOf(sha256(file))).isZero();
		assertThat(clerk.get("/api/rosters").text()).doesNotContain(sha256(file));
		Path stored = storeDir.resolve("files").resolve(sha256(file).substring(0, 2)).resolve(sha256(file));
		assertThat(stored).doesNotExist();
	}

	private int importingRosters(String sha) {
		return jdbc.sql("SELECT COUNT(*) FROM roster WHERE file_sha256 = ? AND state = 'IMPORTING'")
			.param(sha)
			.query(Integer.class)
			.single();
	}

	private int rostersOf(String sha) {
		return jdbc.sql("SELECT COUNT(*) FROM roster WHERE file_sha256 = ?").param(sha).query(Integer.class).single();
	}

	record Counts(long rosters, long cases, long errors) {

		Counts plus(long r, long c, long e) {
			return new Counts(rosters + r, cases + c, errors + e);
		}

	}

	private Counts counts() {
		return new Counts(count("roster"), count("applicant_case"), count("roster_error"));
	}

	private long count(String table) {
		return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
	}

	private static String tag() {
		return "原子試験" + (++uniqueness) + "-" + System.nanoTime();
	}

	/**
	 * {@code n} distinct new people, plus one row with an invalid birth date if asked.
	 */
	private static byte[] roster(int n, boolean withBadRow) {
		String tag = tag();
		return roster(tag, tag, n, withBadRow);
	}

	private static byte[] roster(String tag, String remark, int n, boolean withBadRow) {
		List<List<String>> rows = new ArrayList<>();
		LocalDate birth = LocalDate.of(1930, 1, 1);
		for (int i = 0; i < n; i++) {
			List<String> r = new ArrayList<>(
					row("原子　" + tag + "-" + i, "ゲンシ　タロウ", birth.plusDays(i).toString(), "出張申請受付", "本人"));
			r.set(16, remark);
			rows.add(r);
		}
		if (withBadRow) {
			rows.add(row("原子　誤り", "ゲンシ　ゴ", "昭和64年1月8日", "出張申請受付", "本人"));
		}
		return Rosters.csv(rows);
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

}
