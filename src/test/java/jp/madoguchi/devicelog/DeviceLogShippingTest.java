package jp.madoguchi.devicelog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import jp.madoguchi.devicelog.AdapterShip.Result;
import jp.madoguchi.support.ApiClient;
import jp.madoguchi.support.DeviceLogs;
import jp.madoguchi.support.Rosters;
import jp.madoguchi.support.TestMunicipalities;
import jp.madoguchi.tenant.Tenants;
import tools.jackson.databind.JsonNode;

/**
 * The reader adapter's {@code ship}, the real jar in its own process, against the running
 * service: events are stored once and shown on their case; a log with an edited, deleted
 * or swapped line is refused and kept as a finding.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class DeviceLogShippingTest {

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

	@TempDir
	Path logDir;

	@Test
	void adapterShipsEventsThatAppearOnTheirCaseOnce() throws Exception {
		ApiClient clerk = new ApiClient(port, "clerk", "demo");
		ApiClient operator = new ApiClient(port, "operator", "demo");
		long caseId = importOneCase(clerk);
		List<String> lines = DeviceLogs.chain("counter-pc-1", Long.toString(caseId), "NOT_LOCKED", "LOCKED");
		Files.writeString(logDir.resolve("counter-pc-1_2026-11-21.jsonl"), DeviceLogs.body(lines));

		Result first = ship();
		assertThat(first.exit()).as(first.output()).isZero();
		assertThat(first.output()).contains("\"accepted\":2");

		JsonNode events = clerk.get("/api/cases/" + caseId + "/device-events").json();
		assertThat(events).hasSize(2);
		assertThat(events.get(1).get("outcome").asString()).isEqualTo("LOCKED");
		assertThat(events.get(1).get("line").asString()).isEqualTo(lines.get(1));

		// Shipping again sends nothing new; the same lines posted again are duplicates,
		// stored once.
		assertThat(ship().exit()).isZero();
		var again = operator.postNdjson("/api/device-events", DeviceLogs.body(lines));
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json().get("accepted").asInt()).isZero();
		assertThat(again.json().get("duplicates").asInt()).isEqualTo(2);
		assertThat(clerk.get("/api/cases/" + caseId + "/device-events").json()).hasSize(2);

		// A clerk may read events but not ship them; another municipality sees no case at
		// all.
		assertThat(clerk.postNdjson("/api/device-events", DeviceLogs.body(lines)).status()).isEqualTo(403);
		TestMunicipalities.ensureOther(tenants);
		ApiClient other = new ApiClient(port, TestMunicipalities.OTHER_CLERK, TestMunicipalities.PASSWORD);
		assertThat(other.get("/api/cases/" + caseId + "/device-events").status()).isEqualTo(404);
	}

	@Test
	void aTamperedLogIsRefusedAndKeptAsAFinding() throws Exception {
		ApiClient operator = new ApiClient(port, "operator", "demo");
		List<String> lines = DeviceLogs.chain("counter-pc-2", "999", "READ", "NOT_LOCKED", "LOCKED", "READ");

		List<String> edited = new ArrayList<>(lines);
		edited.set(1, edited.get(1).replace("NOT_LOCKED", "LOCKED"));
		assertRefused(operator.postNdjson("/api/device-events", DeviceLogs.body(edited)), 2, "EDITED");

		List<String> deleted = new ArrayList<>(lines);
		deleted.remove(1);
		assertRefused(operator.postNdjson("/api/device-events", DeviceLogs.body(deleted)), 2, "DELETED_OR_REORDERED");

		List<String> swapped = new ArrayList<>(lines);
		swapped.set(1, lines.get(2));
		swapped.set(2, lines.get(1));
		assertRefused(operator.postNdjson("/api/device-events", DeviceLogs.body(swapped)), 2, "DELETED_OR_REORDERED");

		// A chunk that claims to continue a chain the service never received.
		assertRefused(operator.postNdjson("/api/device-events", DeviceLogs.body(lines.subList(2, 4))), 1,
				"DELETED_OR_REORDERED");

		// Through the adapter: its ship stops with exit 14 and names the line.
		Files.writeString(logDir.resolve("counter-pc-2_2026-11-21.jsonl"), DeviceLogs.body(edited));
		Result shipped = ship();
		assertThat(shipped.exit()).as(shipped.output()).isEqualTo(14);

		JsonNode findings = operator.get("/api/device-log-findings").json().get("findings");
		assertThat(findings.size()).isGreaterThanOrEqualTo(5);
		assertThat(findings.toString()).contains("EDITED", "DELETED_OR_REORDERED");
		// Nothing of the tampered logs was stored.
		assertThat(operator.postNdjson("/api/device-events", DeviceLogs.body(lines)).json().get("accepted").asInt())
			.isEqualTo(4);
	}

	@Test
	void aWorkstationKeyShipsItsOwnWorkstationsLogAndNothingElse() throws Exception {
		ApiClient admin = new ApiClient(port, "admin", "demo");
		ApiClient operator = new ApiClient(port, "operator", "demo");
		assertThat(new ApiClient(port, "clerk", "demo")
			.postJson("/api/workstation-keys", "{\"workstation\":\"counter-pc-3\"}")
			.status()).isEqualTo(403);
		var issued = admin.postJson("/api/workstation-keys", "{\"workstation\":\"counter-pc-3\"}");
		assertThat(issued.status()).isEqualTo(201);
		String key = issued.json().get("key").asString();
		long keyId = issued.json().get("id").asLong();
		assertThat(operator.get("/api/workstation-keys").text()).contains("counter-pc-3").doesNotContain(key);

		Files.writeString(logDir.resolve("counter-pc-3_2026-11-21.jsonl"),
				DeviceLogs.body(DeviceLogs.chain("counter-pc-3", "41", "NOT_LOCKED", "LOCKED")));
		Result shipped = shipWithKey(key);
		assertThat(shipped.exit()).as(shipped.output()).isZero();
		assertThat(shipped.output()).contains("\"accepted\":2");

		// The key is bound to its workstation: another PC's log is refused (and kept as a
		// finding).
		var foreign = ApiClient.withWorkstationKey(port, "POST", "/api/device-events", key,
				DeviceLogs.body(DeviceLogs.chain("counter-pc-4", "42", "LOCKED")));
		assertThat(foreign.status()).isEqualTo(422);
		assertThat(foreign.json().get("problem").asString()).isEqualTo("OTHER_WORKSTATION");
		// It opens nothing but shipping.
		assertThat(ApiClient.withWorkstationKey(port, "GET", "/api/rosters", key, null).status()).isEqualTo(403);
		assertThat(ApiClient.withWorkstationKey(port, "GET", "/api/device-log-findings", key, null).status())
			.isEqualTo(403);
		var wrongKey = ApiClient.withWorkstationKey(port, "GET", "/api/rosters", key + "x", null);
		assertThat(wrongKey.status()).isEqualTo(401);
		assertThat(wrongKey.json().get("code").asString()).isEqualTo("WORKSTATION_KEY_INVALID");
		assertThat(wrongKey.json().get("message").asString()).isEqualTo("端末の鍵が正しくないか、無効にされています。");

		// Revoked, it ships nothing more: the adapter stops with exit 16 (credentials
		// refused).
		assertThat(admin.delete("/api/workstation-keys/" + keyId).status()).isEqualTo(204);
		Files.writeString(logDir.resolve("counter-pc-3_2026-11-22.jsonl"),
				DeviceLogs.body(DeviceLogs.chain("counter-pc-3", "43", "LOCKED")));
		Result afterRevoke = shipWithKey(key);
		assertThat(afterRevoke.exit()).as(afterRevoke.output()).isEqualTo(16);
	}

	private static void assertRefused(ApiClient.Response r, int line, String problem) {
		assertThat(r.status()).as(r.text()).isEqualTo(422);
		assertThat(r.json().get("code").asString()).isEqualTo("CHAIN_BROKEN");
		assertThat(r.json().get("line").asInt()).isEqualTo(line);
		assertThat(r.json().get("problem").asString()).isEqualTo(problem);
		assertThat(r.json().get("message").asString()).isNotBlank();
	}

	private long importOneCase(ApiClient clerk) {
		var created = clerk.upload("one.csv",
				Rosters.csv(List.of(Rosters.row("齋藤　読取", "サイトウ　ヨミトリ", "S20.1.1", "新規交付（交付時来庁）", "本人"))), false);
		assertThat(created.status()).isEqualTo(201);
		return clerk.get("/api/rosters/" + created.json().get("id").asLong() + "/cases")
			.json()
			.get(0)
			.get("id")
			.asLong();
	}

	private Result ship() throws Exception {
		return AdapterShip.run(logDir, port, List.of("--user", "operator", "--password-env", AdapterShip.SECRET_ENV),
				"demo");
	}

	private Result shipWithKey(String key) throws Exception {
		return AdapterShip.run(logDir, port, List.of("--key-env", AdapterShip.SECRET_ENV), key);
	}

}
