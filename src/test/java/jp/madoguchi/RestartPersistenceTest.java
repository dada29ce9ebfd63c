package jp.madoguchi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import jp.madoguchi.support.ApiClient;
import jp.madoguchi.support.Rosters;

/** Stopping and starting the service on the same data directory loses nothing: roster, cases, original file. */
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
        }
        try (var app = start()) {
            ApiClient clerk = client(app);
            var cases = clerk.get("/api/rosters/" + id + "/cases").json();
            assertThat(cases).hasSize(1);
            assertThat(cases.get(0).get("name").asString()).isEqualTo("𠮷野　再起");
            assertThat(cases.get(0).get("birthDate").asString()).isEqualTo("1930-06-07");
            assertThat(clerk.get("/api/rosters/" + id + "/file").body()).isEqualTo(file);
            assertThat(clerk.upload("again.csv", file, false).status()).isEqualTo(200);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(MadoguchiApplication.class).profiles("demo")
                .properties("server.port=0", "madoguchi.data-dir=" + dataDir, "spring.main.banner-mode=off")
                .run();
    }

    private static ApiClient client(ConfigurableApplicationContext app) {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        return new ApiClient(port, "clerk", "demo");
    }
}
