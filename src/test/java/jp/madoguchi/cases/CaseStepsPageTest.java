package jp.madoguchi.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import jp.madoguchi.support.ApiClient;
import jp.madoguchi.support.PageSession;
import jp.madoguchi.support.Rosters;

/**
 * The case page's step form: the next step offered, the catalogue's message for a step
 * out of order, a step done an hour ago with its reason (the browser's local time read as
 * Japan's), the supervisor's exception field, and no form for an OPERATOR.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class CaseStepsPageTest {

	@LocalServerPort
	int port;

	@Test
	void aClerkRecordsStepsFromTheCasePage() {
		ApiClient api = new ApiClient(port, "clerk", "demo");
		// A roster no earlier run imported (the same file again would be the same
		// roster).
		LocalDate birth = LocalDate.of(1930, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(25_000));
		var created = api.upload("page-steps.csv",
				Rosters.csv(List
					.of(Rosters.row("画面　花子", "ガメン　ハナコ", birth.toString().replace('-', '/'), "新規交付（交付時来庁）", "本人"))),
				false);
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		long caseId = api.get("/api/rosters/" + created.json().get("id").asLong() + "/cases")
			.json()
			.get(0)
			.get("id")
			.asLong();
		PageSession clerk = new PageSession(port);
		clerk.signIn("clerk", "demo");
		String page = clerk.get("/cases/" + caseId).body();
		assertThat(page).contains("id=\"step-form\"", "value=\"CONSENT_WITH_PORTAL_TERMS\" selected",
				"value=\"CONSENT_REFUSED\"");
		assertThat(page).doesNotContain("id=\"step-exception\"");

		HttpResponse<String> early = clerk.post("/cases/" + caseId + "/steps", Map.of("step", "TEMPORARY_PIN"));
		assertThat(early.statusCode()).isEqualTo(302);
		assertThat(clerk.follow(early).body()).contains("手順の順番が違います。次に記録する手順は「同意書の取得（マイナポータル利用規約への同意を確認）」です。");

		String anHourAgo = LocalDateTime.now(ZoneId.of("Asia/Tokyo"))
			.minusHours(1)
			.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
		String noReason = clerk
			.follow(clerk.post("/cases/" + caseId + "/steps",
					Map.of("step", "CONSENT_WITH_PORTAL_TERMS", "at", anHourAgo)))
			.body();
		assertThat(noReason).contains("10分より前に実施した手順を記録するときは、理由を入力してください。");
		String recorded = clerk.follow(clerk.post("/cases/" + caseId + "/steps",
				Map.of("step", "CONSENT_WITH_PORTAL_TERMS", "at", anHourAgo, "reason", "受付票から転記")))
			.body();
		assertThat(recorded).contains("「同意書の取得（マイナポータル利用規約への同意を確認）」を記録しました。", "受付票から転記",
				"value=\"TEMPORARY_PIN\" selected");
		// The browser's local time is Japan's: an hour ago, whatever the server's zone.
		OffsetDateTime performed = OffsetDateTime
			.parse(api.get("/api/cases/" + caseId).json().get("recorded").get(0).get("performedAt").asString());
		assertThat(Duration.between(performed, OffsetDateTime.now()).toMinutes()).isBetween(59L, 61L);

		PageSession supervisor = new PageSession(port);
		supervisor.signIn("supervisor", "demo");
		assertThat(supervisor.get("/cases/" + caseId).body()).contains("id=\"step-exception\"", "（例外）");

		PageSession operator = new PageSession(port);
		operator.signIn("operator", "demo");
		HttpResponse<String> asOperator = operator.get("/cases/" + caseId);
		assertThat(asOperator.statusCode()).isEqualTo(200);
		assertThat(asOperator.body()).contains("id=\"steps\"").doesNotContain("id=\"step-form\"");
		assertThat(operator.post("/cases/" + caseId + "/steps", Map.of("step", "TEMPORARY_PIN")).statusCode())
			.isEqualTo(403);
	}

}
