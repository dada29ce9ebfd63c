package jp.madoguchi.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import jp.madoguchi.support.ApiClient;
import jp.madoguchi.support.DeviceLogs;
import jp.madoguchi.support.Rosters;
import jp.madoguchi.support.TestMunicipalities;
import jp.madoguchi.tenant.Tenants;
import tools.jackson.databind.JsonNode;

/**
 * Recording a case's steps through the API: the workflow's order, two staff for a
 * registration, the lock gate against device events shipped for real (through
 * {@code POST /api/device-events} and the event the device log publishes), supervisors'
 * exceptions, consent refused and the shorter path of a setting switch.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class CaseStepsTest {

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void dataDirectory(DynamicPropertyRegistry registry) {
		registry.add("madoguchi.data-dir", dataDir::toString);
	}

	@LocalServerPort
	int port;

	@Autowired
	Tenants tenants;

	@Test
	void stepsFollowTheWorkflowAndTheLockNeedsTheCardsWord() throws Exception {
		ApiClient clerk = new ApiClient(port, "clerk", "demo");
		ApiClient operator = new ApiClient(port, "operator", "demo");
		long caseId = importCase(clerk, "新規交付（交付時来庁）");
		JsonNode fresh = clerk.get("/api/cases/" + caseId).json();
		assertThat(fresh.get("nextStep").asString()).isEqualTo("CONSENT_WITH_PORTAL_TERMS");
		assertThat(fresh.get("recorded")).isEmpty();

		var early = step(clerk, caseId, "TEMPORARY_PIN");
		assertThat(early.status()).isEqualTo(409);
		assertThat(early.json().get("code").asString()).isEqualTo("STEP_OUT_OF_ORDER");
		assertThat(early.json().get("expected").asString()).isEqualTo("CONSENT_WITH_PORTAL_TERMS");
		assertThat(early.json().get("message").asString()).contains("同意書の取得");

		assertThat(step(clerk, caseId, "CONSENT_WITH_PORTAL_TERMS").status()).isEqualTo(201);
		var pin = step(clerk, caseId, "TEMPORARY_PIN");
		assertThat(pin.status()).isEqualTo(201);
		OffsetDateTime pinSetAt = OffsetDateTime.parse(pin.json().get("performedAt").asString());
		assertThat(step(clerk, caseId, "REGISTRATION_WITH_PERSON_PRESENT").status()).isEqualTo(201);

		var unverified = step(clerk, caseId, "LOCK_ALL_PINS");
		assertThat(unverified.status()).isEqualTo(409);
		assertThat(unverified.json().get("code").asString()).isEqualTo("LOCK_NOT_VERIFIED");
		assertThat(unverified.json().get("message").asString()).contains("LOCKED");
		// The annotation and the hand-over wait for the lock.
		var annotation = step(clerk, caseId, "WRITE_FACE_AUTH_REMARK");
		assertThat(annotation.status()).isEqualTo(409);
		assertThat(annotation.json().get("expected").asString()).isEqualTo("LOCK_ALL_PINS");

		// A LOCKED read from before the temporary PIN was set proves nothing about it.
		List<String> stale = DeviceLogs.chainAt("pc-stale", Long.toString(caseId), pinSetAt.minusMinutes(5), "LOCKED");
		assertThat(operator.postNdjson("/api/device-events", DeviceLogs.body(stale)).status()).isEqualTo(200);
		awaitVerifiedLocks(clerk, caseId, 1);
		assertThat(step(clerk, caseId, "LOCK_ALL_PINS").json().get("code").asString()).isEqualTo("LOCK_NOT_VERIFIED");

		// The card read after the PIN was set: NOT_LOCKED, then LOCKED.
		List<String> reads = DeviceLogs.chainAt("pc-counter", Long.toString(caseId),
				OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(1), "NOT_LOCKED", "LOCKED");
		assertThat(operator.postNdjson("/api/device-events", DeviceLogs.body(reads)).status()).isEqualTo(200);
		awaitVerifiedLocks(clerk, caseId, 2);
		var lock = step(clerk, caseId, "LOCK_ALL_PINS");
		assertThat(lock.status()).isEqualTo(201);
		assertThat(lock.json().get("kind").asString()).isEqualTo("NORMAL");
		assertThat(reads.get(1)).contains("\"eventId\":\"" + lock.json().get("lockEventId").asString() + "\"");

		assertThat(step(clerk, caseId, "WRITE_FACE_AUTH_REMARK").status()).isEqualTo(201);
		assertThat(step(clerk, caseId, "HAND_OVER_TO_PERSON").status()).isEqualTo(201);
		JsonNode done = clerk.get("/api/cases/" + caseId).json();
		assertThat(done.get("closed").asBoolean()).isTrue();
		assertThat(done.has("nextStep")).isFalse();
		assertThat(done.get("recorded")).hasSize(6);
		assertThat(step(clerk, caseId, "HAND_OVER_TO_PERSON").json().get("code").asString()).isEqualTo("CASE_CLOSED");

		// Only the case's municipality, only a clerk.
		TestMunicipalities.ensureOther(tenants);
		ApiClient other = new ApiClient(port, TestMunicipalities.OTHER_CLERK, TestMunicipalities.PASSWORD);
		assertThat(step(other, caseId, "CONSENT_WITH_PORTAL_TERMS").status()).isEqualTo(404);
		assertThat(step(operator, caseId, "CONSENT_WITH_PORTAL_TERMS").status()).isEqualTo(403);
	}

	@Test
	void aRegistrationByTwoStaffCountsOnceASecondClerkConfirmsIt() {
		ApiClient clerk = new ApiClient(port, "clerk", "demo");
		ApiClient supervisor = new ApiClient(port, "supervisor", "demo");
		long caseId = importCase(clerk, "新規交付（申請時来庁）");
		assertThat(step(clerk, caseId, "CONSENT_WITH_PORTAL_TERMS").status()).isEqualTo(201);
		assertThat(step(clerk, caseId, "TEMPORARY_PIN").status()).isEqualTo(201);

		var same = clerk.postJson("/api/cases/" + caseId + "/steps",
				"{\"step\":\"REGISTRATION_BY_TWO_STAFF\",\"staff\":[\"clerk\",\"clerk\"]}");
		assertThat(same.status()).isEqualTo(400);
		assertThat(same.json().get("code").asString()).isEqualTo("STEP_SAME_STAFF");
		var notMe = clerk.postJson("/api/cases/" + caseId + "/steps",
				"{\"step\":\"REGISTRATION_BY_TWO_STAFF\",\"staff\":[\"someone\"]}");
		assertThat(notMe.json().get("code").asString()).isEqualTo("STEP_STAFF_NOT_SIGNED_IN");

		var registration = clerk.postJson("/api/cases/" + caseId + "/steps",
				"{\"step\":\"REGISTRATION_BY_TWO_STAFF\",\"staff\":[\"clerk\",\"supervisor\"]}");
		assertThat(registration.status()).isEqualTo(201);
		assertThat(registration.json().get("awaitingConfirmation").asBoolean()).isTrue();
		assertThat(clerk.get("/api/cases/" + caseId).json().get("nextStep").asString())
			.isEqualTo("REGISTRATION_BY_TWO_STAFF");
		var waiting = step(clerk, caseId, "LOCK_ALL_PINS");
		assertThat(waiting.json().get("code").asString()).isEqualTo("STEP_AWAITING_CONFIRMATION");

		String confirm = "/api/cases/" + caseId + "/steps/" + registration.json().get("id").asLong() + "/confirm";
		var byRecorder = clerk.post(confirm);
		assertThat(byRecorder.status()).isEqualTo(409);
		assertThat(byRecorder.json().get("code").asString()).isEqualTo("STEP_CONFIRM_BY_OTHER_STAFF");
		var confirmed = supervisor.post(confirm);
		assertThat(confirmed.status()).isEqualTo(200);
		assertThat(confirmed.json().get("staff").toString()).isEqualTo("[\"clerk\",\"supervisor\"]");
		assertThat(confirmed.json().get("awaitingConfirmation").asBoolean()).isFalse();
		assertThat(clerk.get("/api/cases/" + caseId).json().get("nextStep").asString()).isEqualTo("LOCK_ALL_PINS");
	}

	@Test
	void supervisorsRecordExceptionsWithACommentAndClerksCannot() {
		ApiClient clerk = new ApiClient(port, "clerk", "demo");
		ApiClient supervisor = new ApiClient(port, "supervisor", "demo");
		long caseId = importCase(clerk, "新規交付（交付時来庁）");

		var past = clerk.postJson("/api/cases/" + caseId + "/steps",
				"{\"step\":\"CONSENT_WITH_PORTAL_TERMS\",\"at\":\"" + OffsetDateTime.now().minusHours(1) + "\"}");
		assertThat(past.status()).isEqualTo(400);
		assertThat(past.json().get("code").asString()).isEqualTo("STEP_REASON_REQUIRED");
		assertThat(past.json().get("field").asString()).isEqualTo("reason");
		var future = clerk.postJson("/api/cases/" + caseId + "/steps",
				"{\"step\":\"CONSENT_WITH_PORTAL_TERMS\",\"at\":\"" + OffsetDateTime.now().plusHours(1) + "\"}");
		assertThat(future.json().get("code").asString()).isEqualTo("STEP_TIME_IN_FUTURE");
		var late = clerk.postJson("/api/cases/" + caseId + "/steps", "{\"step\":\"CONSENT_WITH_PORTAL_TERMS\",\"at\":\""
				+ OffsetDateTime.now().minusHours(1) + "\",\"reason\":\"記録漏れ（紙の受付票から転記）\"}");
		assertThat(late.status()).isEqualTo(201);
		assertThat(late.json().get("reason").asString()).isEqualTo("記録漏れ（紙の受付票から転記）");

		String exception = "{\"step\":\"REGISTRATION_WITH_PERSON_PRESENT\",\"exception\":\"暫定暗証番号は前日に設定済み\"}";
		var byClerk = clerk.postJson("/api/cases/" + caseId + "/steps", exception);
		assertThat(byClerk.status()).isEqualTo(403);
		assertThat(byClerk.json().get("code").asString()).isEqualTo("STEP_EXCEPTION_NOT_SUPERVISOR");
		var bySupervisor = supervisor.postJson("/api/cases/" + caseId + "/steps", exception);
		assertThat(bySupervisor.status()).isEqualTo(201);
		assertThat(bySupervisor.json().get("kind").asString()).isEqualTo("OUT_OF_ORDER");
		assertThat(bySupervisor.json().get("exceptionComment").asString()).isEqualTo("暫定暗証番号は前日に設定済み");

		var override = supervisor.postJson("/api/cases/" + caseId + "/steps",
				"{\"step\":\"LOCK_ALL_PINS\",\"exception\":\"読取機の故障\"}");
		assertThat(override.status()).isEqualTo(201);
		assertThat(override.json().get("kind").asString()).isEqualTo("LOCK_OVERRIDE");
		assertThat(override.json().has("lockEventId")).isFalse();
	}

	@Test
	void consentRefusedClosesTheCaseAndASwitchMayTakeTheShorterPath() {
		ApiClient clerk = new ApiClient(port, "clerk", "demo");
		long refused = importCase(clerk, "新規交付（交付時来庁）");
		var refusal = step(clerk, refused, "CONSENT_REFUSED");
		assertThat(refusal.status()).isEqualTo(201);
		assertThat(clerk.get("/api/cases/" + refused).json().get("closed").asBoolean()).isTrue();
		assertThat(step(clerk, refused, "CONSENT_WITH_PORTAL_TERMS").json().get("code").asString())
			.isEqualTo("CASE_CLOSED");

		long switching = importCase(clerk, "設定切替");
		// The shorter path branches after the check, not before it.
		assertThat(step(clerk, switching, "REGISTRATION_WITH_OWN_PIN").json().get("expected").asString())
			.isEqualTo("CHECK_NOT_YET_REGISTERED");
		assertThat(step(clerk, switching, "CHECK_NOT_YET_REGISTERED").status()).isEqualTo(201);
		assertThat(step(clerk, switching, "REGISTRATION_WITH_OWN_PIN").status()).isEqualTo(201);
		JsonNode c = clerk.get("/api/cases/" + switching).json();
		assertThat(c.get("path").toString()).isEqualTo("[\"CHECK_NOT_YET_REGISTERED\",\"REGISTRATION_WITH_OWN_PIN\","
				+ "\"LOCK_ALL_PINS\",\"WRITE_FACE_AUTH_REMARK\",\"HAND_OVER_TO_PERSON\"]");
		assertThat(c.get("nextStep").asString()).isEqualTo("LOCK_ALL_PINS");
		assertThat(step(clerk, switching, "CONSENT_WITH_PORTAL_TERMS").json().get("code").asString())
			.isEqualTo("STEP_NOT_IN_WORKFLOW");
	}

	private static ApiClient.Response step(ApiClient client, long caseId, String step) {
		return client.postJson("/api/cases/" + caseId + "/steps", "{\"step\":\"" + step + "\"}");
	}

	/** The device log's event reaches the cases module after the shipment commits. */
	private static void awaitVerifiedLocks(ApiClient clerk, long caseId, int count) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (clerk.get("/api/cases/" + caseId).json().get("verifiedLocks").size() < count) {
			assertThat(System.nanoTime()).as("verified locks heard within 20 s").isLessThan(deadline);
			Thread.sleep(50);
		}
	}

	/** Each roster differs (a roster file imported twice is the same roster). */
	private static final AtomicInteger ROSTERS = new AtomicInteger();

	private static long importCase(ApiClient clerk, String procedure) {
		int n = ROSTERS.incrementAndGet();
		return Rosters.importOne(clerk, Rosters.row("手順　太郎", "テジュン　タロウ", "S30.3." + n, procedure, "本人"));
	}

}
