package jp.madoguchi.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import jp.madoguchi.support.PageSession;

/**
 * The administrator's search-index page: the rebuild's state in Japanese, the button that
 * starts it (audited), and nobody else may see or press it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class SearchAdminPageTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAdministratorRebuildsTheIndexFromItsPage() throws InterruptedException {
		PageSession admin = new PageSession(port);
		admin.signIn("admin", "demo");
		HttpResponse<String> page = admin.get("/admin/search");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("検索索引", "索引を作り直す");
		assertThat(admin.get("/").body()).contains("/admin/search");
		long audited = rebuildAudits();

		HttpResponse<String> started = admin.post("/admin/search/rebuild", Map.of());
		assertThat(started.statusCode()).isEqualTo(302);
		assertThat(admin.follow(started).body()).contains("索引の作り直しを始めました。");
		assertThat(rebuildAudits()).isEqualTo(audited + 1);
		long deadline = System.nanoTime() + 30_000_000_000L;
		String state;
		do {
			state = admin.get("/admin/search").body();
			if (state.contains("完了しました")) {
				break;
			}
			Thread.sleep(100);
		}
		while (System.nanoTime() < deadline);
		assertThat(state).contains("完了しました").doesNotContain("失敗しました");
	}

	@Test
	void onlyAnAdministratorSeesOrPressesIt() {
		for (String user : new String[] { "clerk", "officer", "operator" }) {
			PageSession session = new PageSession(port);
			session.signIn(user, "demo");
			assertThat(session.get("/admin/search").statusCode()).as(user).isEqualTo(403);
			assertThat(session.post("/admin/search/rebuild", Map.of()).statusCode()).as(user).isEqualTo(403);
		}
	}

	private long rebuildAudits() {
		return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE target_type = 'search-index'")
			.query(Long.class)
			.single();
	}

}
