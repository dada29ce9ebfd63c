package jp.madoguchi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import jp.madoguchi.support.ApiClient;
import jp.madoguchi.support.Rosters;

/**
 * Stopping and starting the service on the same data directory loses nothing — roster,
 * cases, original file — and an import cut off by the stop leaves nothing behind.
 */
class RestartPersistenceTest {

	@TempDir
	Path dataDir;

	@Test
	void whatWasImportedIsThereAfterARestart() {
		byte[] file = Rosters.csv(List.of(Rosters.row("𠮷野　再起", "ヨシノ　サイキ", "昭和5年6月7日", "設定切替", "本人")));
		long id;
		try (var app = start()) {
			var created = client(app).upload("restart.csv", file, false);
			assertThat(created.status()).isEqualTo(201);
			id = created.json().get("id").asLong();
			// A stop in the middle of another import leaves an unfinished roster with
			// some cases behind.
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			jdbc.sql("""
					INSERT INTO roster (municipality_id, file_sha256, file_name, file_size, file_format, uploaded_by,
					    uploaded_at, total_rows, accepted_rows, rejected_rows, state)
					SELECT municipality_id, 'ab' || SUBSTRING(file_sha256, 3), 'cut.csv', 1, file_format, uploaded_by,
					    uploaded_at, 0, 0, 0, 'IMPORTING' FROM roster WHERE id = ?""").param(id).update();
			long cut = jdbc.sql("SELECT id FROM roster WHERE state = 'IMPORTING'").query(Long.class).single();
			jdbc.sql("""
					INSERT INTO applicant_case (municipality_id, roster_id, row_number, name, reading, birth_date,
					    procedure_kind, applicant_type, workflow, person_hash, created_at)
					SELECT municipality_id, ?, row_number, name, reading, birth_date, procedure_kind, applicant_type,
					    workflow, person_hash, created_at FROM applicant_case WHERE roster_id = ?""")
				.params(cut, id)
				.update();
			assertThat(client(app).get("/api/rosters/" + cut + "/cases").status()).isEqualTo(404);
		}
		try (var app = start()) {
			ApiClient clerk = client(app);
			var cases = clerk.get("/api/rosters/" + id + "/cases").json();
			assertThat(cases).hasSize(1);
			assertThat(cases.get(0).get("name").asString()).isEqualTo("𠮷野　再起");
			assertThat(cases.get(0).get("birthDate").asString()).isEqualTo("1930-06-07");
			assertThat(clerk.get("/api/rosters/" + id + "/file").body()).isEqualTo(file);
			assertThat(clerk.upload("again.csv", file, false).status()).isEqualTo(200);
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			assertThat(jdbc.sql("SELECT COUNT(*) FROM roster WHERE state = 'IMPORTING'").query(Long.class).single())
				.isZero();
			assertThat(jdbc.sql("SELECT COUNT(*) FROM applicant_case").query(Long.class).single()).isEqualTo(1);
		}
	}

	private ConfigurableApplicationContext start() {
		// Command-line arguments: they outrank application.yml, so the test cannot fall
		// back on ./data.
		return new SpringApplicationBuilder(MadoguchiApplication.class).profiles("demo")
			.run("--server.port=0", "--madoguchi.data-dir=" + dataDir, "--spring.main.banner-mode=off");
	}

	private static ApiClient client(ConfigurableApplicationContext app) {
		int port = ((WebServerApplicationContext) app).getWebServer().getPort();
		return new ApiClient(port, "clerk", "demo");
	}

}
