package jp.madoguchi.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import jp.madoguchi.MadoguchiApplication;
import jp.madoguchi.support.ApiClient;
import jp.madoguchi.support.Rosters;
import tools.jackson.databind.JsonNode;

/**
 * The index across restarts on one data directory: changes made while it was behind are
 * applied at the next start (from the sequence number its last commit holds), a lost
 * index directory is rebuilt at start, and the command-line rebuild works.
 */
class SearchIndexRestartTest {

	@TempDir
	Path dataDir;

	@Test
	void theIndexCatchesUpAtStartAndALostIndexIsRebuilt() throws IOException {
		String first = "再起動　一子";
		String behind = "遅延　二子";
		long firstCase;
		try (var app = start()) {
			firstCase = importRoster(app, first, "サイキドウ　イチコ");
			awaitCase(app, first, firstCase);
		}
		long behindCase;
		// The feeder polls once at start, then not for an hour: the index falls behind.
		try (var app = start("--madoguchi.search.poll-interval=1h")) {
			IndexFeeder feeder = app.getBean(IndexFeeder.class);
			long deadline = System.nanoTime() + 30_000_000_000L;
			while (feeder.polls() < 1 && System.nanoTime() < deadline) {
				Thread.onSpinWait();
			}
			assertThat(feeder.polls()).as("the start's poll ran").isPositive();
			behindCase = importRoster(app, behind, "チエン　ニコ");
			assertThat(caseIds(search(app, behind))).as("not applied while the feeder waits")
				.doesNotContain(behindCase);
		}
		try (var app = start()) {
			awaitCase(app, behind, behindCase);
			assertThat(caseIds(search(app, first))).contains(firstCase);
		}
		Path index = dataDir.resolve("search-index");
		assertThat(index).isDirectory();
		delete(index);
		try (var app = start()) {
			awaitCase(app, first, firstCase);
			awaitCase(app, behind, behindCase);
			assertThat(app.getBean(IndexFeeder.class).progress().state()).isEqualTo(RebuildProgress.State.DONE);
		}
		// The command-line rebuild: done before the start completes.
		try (var app = start("--madoguchi.search.rebuild")) {
			RebuildProgress progress = app.getBean(IndexFeeder.class).progress();
			assertThat(progress.state()).isEqualTo(RebuildProgress.State.DONE);
			assertThat(progress.cases()).isEqualTo(2);
			assertThat(caseIds(search(app, behind))).contains(behindCase);
		}
	}

	private ConfigurableApplicationContext start(String... extra) {
		List<String> args = new ArrayList<>(
				List.of("--server.port=0", "--madoguchi.data-dir=" + dataDir, "--spring.main.banner-mode=off"));
		args.addAll(List.of(extra));
		return new SpringApplicationBuilder(MadoguchiApplication.class).profiles("demo")
			.run(args.toArray(String[]::new));
	}

	private static ApiClient client(ConfigurableApplicationContext app, String user) {
		int port = ((WebServerApplicationContext) app).getWebServer().getPort();
		return new ApiClient(port, user, "demo");
	}

	private static long importRoster(ConfigurableApplicationContext app, String name, String reading) {
		ApiClient clerk = client(app, "clerk");
		return Rosters.importOne(clerk, Rosters.row(name, reading, "昭和10年10月10日", "設定切替", "本人"));
	}

	private static JsonNode search(ConfigurableApplicationContext app, String name) {
		var response = client(app, "officer").get("/api/search?q=" + SearchIndexContract.enc(name));
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		return response.json();
	}

	private static void awaitCase(ConfigurableApplicationContext app, String name, long caseId) {
		long deadline = System.nanoTime() + 20_000_000_000L;
		do {
			if (caseIds(search(app, name)).contains(caseId)) {
				return;
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new AssertionError(e);
			}
		}
		while (System.nanoTime() < deadline);
		throw new AssertionError("case " + caseId + " not found within 20 s");
	}

	private static List<Long> caseIds(JsonNode page) {
		List<Long> ids = new ArrayList<>();
		page.get("hits").forEach(h -> ids.add(h.get("caseId").asLong()));
		return ids;
	}

	private static void delete(Path dir) throws IOException {
		try (Stream<Path> files = Files.walk(dir)) {
			for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(p);
			}
		}
	}

}
