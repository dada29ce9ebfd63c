package jp.madoguchi.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import jp.madoguchi.support.ApiClient;
import jp.madoguchi.support.Rosters;
import tools.jackson.databind.JsonNode;

/**
 * The fixity check on real stored files, read a page at a time: intact files pass; a file
 * changed on disk is ALTERED and a deleted one MISSING, each named by its record.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class FixityCheckTest {

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void dataDirectory(DynamicPropertyRegistry registry) {
		registry.add("madoguchi.data-dir", dataDir::toString);
		// A file a page: the check goes from page to page as it would over a million.
		registry.add("madoguchi.fixity.page-size", () -> "1");
	}

	@LocalServerPort
	int port;

	@Test
	void anAlteredOrMissingFileIsReportedWithItsRecord() throws Exception {
		ApiClient clerk = new ApiClient(port, "clerk", "demo");
		ApiClient operator = new ApiClient(port, "operator", "demo");
		Rosters.importOne(clerk, Rosters.row("不変　一郎", "フヘン　イチロウ", "S20.1.1", "新規交付（交付時来庁）", "本人"));
		Rosters.importOne(clerk, Rosters.row("不変　二郎", "フヘン　ジロウ", "S20.2.2", "新規交付（交付時来庁）", "本人"));
		List<JsonNode> rosters = clerk.get("/api/rosters").json().valueStream().toList();
		assertThat(rosters).hasSize(2);

		JsonNode clean = operator.postJson("/api/fixity-checks", "{}").json();
		assertThat(clean.get("checked").asLong()).isEqualTo(2);
		assertThat(clean.get("mismatches")).isEmpty();

		String altered = rosters.get(0).get("sha256").asString();
		String missing = rosters.get(1).get("sha256").asString();
		Path alteredFile = dataDir.resolve("files").resolve(altered.substring(0, 2)).resolve(altered);
		assertThat(alteredFile.toFile().setWritable(true)).isTrue();
		Files.writeString(alteredFile, "書き換えられた名簿");
		Files.delete(dataDir.resolve("files").resolve(missing.substring(0, 2)).resolve(missing));

		JsonNode report = operator.postJson("/api/fixity-checks", "{}").json();
		assertThat(report.get("checked").asLong()).isEqualTo(2);
		assertThat(report.get("mismatches")
			.valueStream()
			.map(m -> m.get("recordType").asString() + " " + m.get("recordId").asString() + " "
					+ m.get("sha256").asString() + " " + m.get("problem").asString()))
			.containsExactlyInAnyOrder("roster-file " + rosters.get(0).get("id").asLong() + " " + altered + " ALTERED",
					"roster-file " + rosters.get(1).get("id").asLong() + " " + missing + " MISSING");
		assertThat(new ApiClient(port, "admin", "demo").get("/api/audit?action=FIXITY_CHECKED").json().get("entries"))
			.hasSize(2);
		assertThat(clerk.postJson("/api/fixity-checks", "{}").status()).isEqualTo(403);
	}

}
