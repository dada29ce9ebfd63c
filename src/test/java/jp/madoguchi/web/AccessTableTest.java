package jp.madoguchi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import jp.madoguchi.support.DeviceLogs;
import jp.madoguchi.support.Rosters;
import jp.madoguchi.support.ScanImages;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The README's access table is the authorization rule: every row (endpoint) is called as
 * every column (no sign-in, each demo role, a workstation key) through real HTTP, and the
 * answer must be exactly the cell. And the table is complete: every handler mapping of
 * the service is a row, every row a mapping.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class AccessTableTest {

	static final Path README = Path.of("README.md");

	static final List<String> COLUMNS = List.of("anonymous", "CLERK", "RECORDS_OFFICER", "OPERATOR", "ADMIN",
			"WORKSTATION");

	static final Map<String, String> DEMO_USERS = Map.of("CLERK", "clerk", "RECORDS_OFFICER", "officer", "OPERATOR",
			"operator", "ADMIN", "admin");

	static final Set<String> CELLS = Set.of("✓", "401", "403", "→ login");

	static final String WORKSTATION = "access-table-pc";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void dataDirectory(DynamicPropertyRegistry registry) {
		registry.add("madoguchi.data-dir", dataDir::toString);
	}

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	/** One row: {@code GET /api/cases/{id}} and the expected answer per column. */
	record Row(String method, String path, Map<String, String> expected) {

		String endpoint() {
			return method + " " + path;
		}

		boolean api() {
			return path.startsWith("/api/");
		}

	}

	static List<Row> table() throws IOException {
		String readme = Files.readString(README);
		int start = readme.indexOf("<!-- access-table:start -->");
		int end = readme.indexOf("<!-- access-table:end -->");
		assertThat(start).as("README has the access table markers").isNotNegative();
		assertThat(end).isGreaterThan(start);
		List<String> lines = readme.substring(start, end).lines().filter(l -> l.startsWith("|")).toList();
		assertThat(cells(lines.get(0))).as("header of the access table")
			.containsExactlyElementsOf(concat("endpoint", COLUMNS));
		List<Row> rows = new ArrayList<>();
		for (String line : lines.subList(2, lines.size())) {
			List<String> cells = cells(line);
			assertThat(cells).as(line).hasSize(COLUMNS.size() + 1);
			Matcher endpoint = Pattern.compile("`([A-Z]+) (/\\S*)`").matcher(cells.get(0));
			assertThat(endpoint.matches()).as("endpoint cell of " + line).isTrue();
			Map<String, String> expected = new LinkedHashMap<>();
			for (int i = 0; i < COLUMNS.size(); i++) {
				assertThat(CELLS).as(line).contains(cells.get(i + 1));
				expected.put(COLUMNS.get(i), cells.get(i + 1));
			}
			rows.add(new Row(endpoint.group(1), endpoint.group(2), expected));
		}
		return rows;
	}

	private static List<String> cells(String line) {
		String inner = line.strip();
		inner = inner.substring(1, inner.length() - 1);
		return List.of(inner.split("\\|", -1)).stream().map(String::strip).toList();
	}

	private static List<String> concat(String first, List<String> rest) {
		List<String> all = new ArrayList<>(List.of(first));
		all.addAll(rest);
		return all;
	}

	@Test
	void everyEndpointIsARowAndEveryRowAnEndpoint() throws IOException {
		Set<String> mapped = new TreeSet<>();
		this.mappings.getHandlerMethods().forEach((info, handler) -> {
			// The service's own controllers; springdoc's and Spring Boot's error
			// controller are not ours to list.
			if (!handler.getBeanType().getPackageName().startsWith("jp.madoguchi")) {
				return;
			}
			// One model: the controller itself says who may call it.
			assertThat(AnnotatedElementUtils.hasAnnotation(handler.getMethod(), PreAuthorize.class)
					|| AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), PreAuthorize.class))
				.as("%s carries @PreAuthorize (on the method or its class)", handler)
				.isTrue();
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			assertThat(methods).as("%s names its HTTP method", handler).isNotEmpty();
			for (String pattern : info.getPatternValues()) {
				methods.forEach(m -> mapped.add(m.name() + " " + pattern));
			}
		});
		List<String> rows = table().stream().map(Row::endpoint).toList();
		assertThat(rows).as("rows of the access table").doesNotHaveDuplicates();
		Set<String> withoutRow = new TreeSet<>(mapped);
		withoutRow.removeAll(rows);
		Set<String> withoutEndpoint = new TreeSet<>(rows);
		withoutEndpoint.removeAll(mapped);
		assertThat(withoutRow).as("endpoints of the service without a row in the README's access table").isEmpty();
		assertThat(withoutEndpoint).as("rows of the README's access table that are no endpoint of the service")
			.isEmpty();
		assertThat(mapped).as("the service's own endpoints were found").hasSizeGreaterThan(10);
	}

	@Test
	void everyRoleGetsExactlyWhatTheTableSays() throws Exception {
		Fixture fixture = new Fixture();
		SoftAssertions softly = new SoftAssertions();
		List<Row> rows = table();
		assertThat(rows).hasSizeGreaterThan(10);
		for (Row row : rows) {
			for (String column : COLUMNS) {
				Answer answer = fixture.call(row, column);
				check(softly, row, column, row.expected().get(column), answer);
			}
		}
		softly.assertAll();
	}

	/**
	 * A client that asks for the PDF (a browser's download, {@code curl -H 'Accept:
	 * application/pdf'}) and is refused still gets the refusal as ApiError JSON, for the
	 * streamed packet as for the template preview.
	 */
	@Test
	void aRefusedDownloadIsAnsweredWithTheApiErrorEvenWhenThePdfIsAskedFor() {
		for (String[] call : new String[][] { { "officer", "/api/rosters/1/packet.pdf" },
				{ "clerk", "/api/templates/consent/preview.pdf" } }) {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + call[1]))
				.header("Accept", "application/pdf")
				.header("Authorization", "Basic "
						+ Base64.getEncoder().encodeToString((call[0] + ":demo").getBytes(StandardCharsets.UTF_8)));
			Answer answer = send(request, "GET", null);
			assertThat(answer.status()).as(call[1] + " " + answer.text()).isEqualTo(403);
			assertThat(answer.code()).as(call[1]).isEqualTo("FORBIDDEN");
		}
	}

	private static void check(SoftAssertions softly, Row row, String column, String expected, Answer answer) {
		String as = row.endpoint() + " as " + column + " (expected " + expected + ", got " + answer.status() + " "
				+ answer.location() + ")";
		switch (expected) {
			case "✓" -> {
				softly.assertThat(answer.status()).as(as).isNotIn(401, 403).isLessThan(500);
				softly.assertThat(answer.redirectsToLogin()).as(as).isFalse();
			}
			case "401" -> {
				softly.assertThat(answer.status()).as(as).isEqualTo(401);
				softly.assertThat(answer.code()).as(as + ": ApiError code").isEqualTo("UNAUTHORIZED");
			}
			case "403" -> {
				softly.assertThat(answer.status()).as(as).isEqualTo(403);
				if (row.api()) {
					softly.assertThat(answer.code()).as(as + ": ApiError code").isEqualTo("FORBIDDEN");
					softly.assertThat(answer.message()).as(as + ": ApiError message").isNotBlank();
				}
				else {
					softly.assertThat(answer.contentType())
						.as(as + ": the error page, not " + answer.text())
						.startsWith("text/html");
					softly.assertThat(answer.text()).as(as + ": the Japanese error page").contains("lang=\"ja\"");
				}
			}
			case "→ login" -> softly.assertThat(answer.redirectsToLogin()).as(as).isTrue();
			default -> throw new IllegalArgumentException(expected);
		}
	}

	/** What came back. */
	record Answer(int status, String location, String contentType, byte[] body) {

		boolean redirectsToLogin() {
			return status / 100 == 3 && location != null && URI.create(location).getPath().equals("/login");
		}

		String text() {
			return new String(body, StandardCharsets.UTF_8);
		}

		private JsonNode json() {
			if (contentType == null || !contentType.startsWith("application/json")) {
				return null;
			}
			return JSON.readTree(body);
		}

		String code() {
			JsonNode json = json();
			return json == null || !json.has("code") ? null : json.get("code").asString();
		}

		String message() {
			JsonNode json = json();
			return json == null || !json.has("message") ? null : json.get("message").asString();
		}

	}

	/** A request body and its content type. */
	record Body(String contentType, byte[] content) {
	}

	/**
	 * Real ids for the path variables, valid bodies for the calls (a refused call must be
	 * refused for who calls, not for what is sent), and a session per column for the
	 * pages.
	 */
	final class Fixture {

		private final byte[] rosterCsv = Rosters
			.csv(List.of(Rosters.row("表　検査", "ヒョウ　ケンサ", "昭和30年3月4日", "出張申請受付", "本人")));

		private final byte[] template;

		private final long rosterId;

		private final long caseId;

		private final byte[] scan = ScanImages.pageWithoutCode("access table " + UUID.randomUUID());

		private final long scanId;

		private final long unmatchedPageId;

		private final int version;

		private final String key;

		private final String deviceLog;

		private final Map<String, Session> sessions = new LinkedHashMap<>();

		private final long targetUserId;

		private final String municipality;

		private final AtomicInteger workstations = new AtomicInteger();

		Fixture() throws Exception {
			this.template = Files.readAllBytes(Path.of("templates", "consent", "template.json"));
			Answer roster = api("POST", "/api/rosters", "CLERK", multipart("file", "access.csv", this.rosterCsv));
			assertThat(roster.status()).as(roster.text()).isIn(200, 201);
			this.rosterId = JSON.readTree(roster.body()).get("id").asLong();
			Answer cases = api("GET", "/api/rosters/" + this.rosterId + "/cases", "CLERK", null);
			assertThat(cases.status()).isEqualTo(200);
			this.caseId = JSON.readTree(cases.body()).get(0).get("id").asLong();
			Answer installed = api("POST", "/api/templates/consent/versions", "ADMIN",
					new Body("application/json", this.template));
			assertThat(installed.status()).as(installed.text()).isEqualTo(201);
			this.version = JSON.readTree(installed.body()).get("version").asInt();
			this.key = JSON.readTree(issueKey().body()).get("key").asString();
			Answer target = api("POST", "/api/users", "ADMIN",
					json("{\"username\":\"access-target\",\"displayName\":\"表 検査\",\"roles\":[\"CLERK\"]}"));
			assertThat(target.status()).as(target.text()).isEqualTo(201);
			this.targetUserId = JSON.readTree(target.body()).get("id").asLong();
			Answer municipality = api("GET", "/api/municipality", "ADMIN", null);
			assertThat(municipality.status()).as(municipality.text()).isEqualTo(200);
			this.municipality = municipality.text();
			Answer scanned = api("POST", "/api/scans", "RECORDS_OFFICER", multipart("file", "access.png", this.scan));
			assertThat(scanned.status()).as(scanned.text()).isEqualTo(201);
			this.scanId = JSON.readTree(scanned.body()).get("scanId").asLong();
			Answer queue = api("GET", "/api/unmatched-pages", "RECORDS_OFFICER", null);
			assertThat(queue.status()).as(queue.text()).isEqualTo(200);
			long pageId = -1;
			for (JsonNode page : JSON.readTree(queue.body())) {
				if (page.get("scanId").asLong() == this.scanId) {
					pageId = page.get("id").asLong();
				}
			}
			assertThat(pageId).as("the scanned page waits in the unmatched queue").isPositive();
			this.unmatchedPageId = pageId;
			this.deviceLog = DeviceLogs.body(DeviceLogs.chain(WORKSTATION, Long.toString(this.caseId), "LOCKED"));
			for (String column : COLUMNS) {
				this.sessions.put(column, Session.open(port, DEMO_USERS.get(column)));
			}
		}

		private Answer issueKey() throws Exception {
			Answer issued = api("POST", "/api/workstation-keys", "ADMIN", new Body("application/json",
					("{\"workstation\":\"" + WORKSTATION + "\"}").getBytes(StandardCharsets.UTF_8)));
			assertThat(issued.status()).as(issued.text()).isEqualTo(201);
			return issued;
		}

		Answer call(Row row, String column) throws Exception {
			String path = path(row);
			Body body = body(row);
			if (row.api()) {
				return api(row.method(), path, column, body);
			}
			return this.sessions.get(column)
				.send(row.method(), path, body, column.equals("WORKSTATION") ? this.key : null);
		}

		private String path(Row row) throws Exception {
			String path = row.path();
			if (path.contains("{id}")) {
				String id;
				if (path.startsWith("/api/unmatched-pages/") || path.startsWith("/scans/unmatched/")) {
					id = Long.toString(this.unmatchedPageId);
				}
				else if (path.startsWith("/api/scans/") || path.startsWith("/scans/")) {
					id = Long.toString(this.scanId);
				}
				else if (path.startsWith("/api/rosters/") || path.startsWith("/rosters/")) {
					id = Long.toString(this.rosterId);
				}
				else if (path.startsWith("/api/cases/") || path.startsWith("/cases/")) {
					id = Long.toString(this.caseId);
				}
				else if (path.startsWith("/api/reconciliations/findings/")
						|| path.startsWith("/reconciliations/findings/")) {
					// No such finding: judged (404) without changing one.
					id = "0";
				}
				else if (path.startsWith("/api/retention/holds/") || path.startsWith("/records/holds/")) {
					// No such hold: judged (404) without releasing one.
					id = "0";
				}
				else if (path.startsWith("/api/retention/disposals/") || path.startsWith("/records/disposals/")) {
					// No such disposal: judged (404) without approving one.
					id = "0";
				}
				else if (path.startsWith("/api/users/") || path.startsWith("/admin/users/")) {
					// A user of its own: the rows reset, deactivate and unlock it, never
					// a
					// demo user the other calls sign in with.
					id = Long.toString(this.targetUserId);
				}
				else if (path.startsWith("/api/workstation-keys/") || path.startsWith("/workstation-keys/")) {
					// A key of its own for each call: revoking must not take the
					// WORKSTATION column's key.
					id = Long.toString(JSON.readTree(issueKey().body()).get("id").asLong());
				}
				else {
					throw new IllegalStateException("No id known for " + path);
				}
				path = path.replace("{id}", id);
			}
			path = path.replace("{pageId}", Long.toString(this.unmatchedPageId))
				.replace("{caseId}", Long.toString(this.caseId))
				.replace("{form}", "consent")
				.replace("{version}", Integer.toString(this.version))
				.replace("{page}", "1")
				.replace("{stepId}", "0")
				.replace("{recordType}", "device-log")
				.replace("{token}", UUID.randomUUID().toString());
			assertThat(path).as("every path variable of %s has a value", row.path()).doesNotContain("{");
			if (row.endpoint().equals("POST /api/cases/{id}/documents")) {
				path += "?form=consent";
			}
			return path;
		}

		private Body body(Row row) {
			return switch (row.endpoint()) {
				case "POST /api/rosters", "POST /rosters" -> multipart("file", "access.csv", this.rosterCsv);
				case "POST /admin/templates/{form}/versions" -> multipart("file", "template.json", this.template);
				case "POST /api/scans" -> multipart("file", "access.png", this.scan);
				// A day long past: a run with nothing to find.
				case "POST /api/reconciliations" -> json("{\"date\":\"2001-01-01\"}");
				case "POST /reconciliations" -> form(Map.of("date", "2001-01-01"));
				case "POST /api/reconciliations/findings/{id}" ->
					json("{\"state\":\"ACKNOWLEDGED\",\"comment\":\"表\"}");
				case "POST /reconciliations/findings/{id}" -> form(Map.of("state", "ACKNOWLEDGED", "comment", "表"));
				// No such step: judged (400) without recording one.
				case "POST /api/cases/{id}/steps" -> json("{\"step\":\"NOT_A_STEP\"}");
				case "POST /cases/{id}/steps" -> form(Map.of("step", "NOT_A_STEP"));
				case "POST /scans" -> multipart("files", "access.png", this.scan);
				// No such document: judged (422) without deciding the queued page.
				case "POST /api/unmatched-pages/{id}/assign" -> json("{\"documentId\":\"ZZZZ999999\"}");
				case "POST /scans/unmatched/{id}/assign" -> form(Map.of("documentId", "ZZZZ999999"));
				case "POST /api/templates/{form}/preview.pdf", "POST /api/templates/{form}/check",
						"POST /api/templates/{form}/versions" ->
					new Body("application/json", this.template);
				case "POST /api/workstation-keys" -> new Body("application/json",
						("{\"workstation\":\"access-table-" + this.workstations.incrementAndGet() + "\"}")
							.getBytes(StandardCharsets.UTF_8));
				case "POST /api/device-events" ->
					new Body("application/x-ndjson", this.deviceLog.getBytes(StandardCharsets.UTF_8));
				case "POST /forms/walk-in" -> form(Map.of("form", "consent", "name", "窓口　一郎", "reading", "マドグチ　イチロウ",
						"birthDate", "1950-01-02", "sex", "male", "procedure", "NEW_CARD_COLLECTED_AT_OFFICE", "party",
						"SELF", "delivery", "COUNTER"));
				case "POST /api/users" -> json("{\"username\":\"access-" + this.workstations.incrementAndGet()
						+ "\",\"displayName\":\"表 検査\",\"roles\":[\"CLERK\"]}");
				case "PATCH /api/users/{id}" -> json("{\"displayName\":\"表 検査 二\"}");
				// A wrong current password: judged (422) without changing a demo user's
				// password.
				case "POST /api/me/password" ->
					json("{\"currentPassword\":\"not-the-password\",\"newPassword\":\"kawa-sora-yama-2026\"}");
				case "POST /password" -> form(Map.of("currentPassword", "not-the-password", "newPassword",
						"kawa-sora-yama-2026", "confirmPassword", "kawa-sora-yama-2026"));
				case "PUT /api/municipality" -> json(this.municipality);
				// The default again: the ADMIN's call changes nothing that matters.
				case "PUT /api/retention/classes/{recordType}" -> json("{\"years\":5,\"from\":\"CREATED\"}");
				case "POST /admin/retention/{recordType}" -> form(Map.of("years", "5", "from", "CREATED"));
				// No such case: judged (404) without placing a hold.
				case "POST /api/retention/holds" -> json("{\"caseId\":0,\"reason\":\"表\"}");
				case "POST /records/holds" -> form(Map.of("target", "case", "caseId", "0", "reason", "表"));
				// Nothing is due by 1900: judged (409) without proposing a disposal.
				case "POST /api/retention/disposals" -> json("{\"asOf\":\"1900-01-01\"}");
				case "POST /records/disposals" -> form(Map.of("asOf", "1900-01-01"));
				case "POST /workstation-keys" ->
					form(Map.of("workstation", "access-page-" + this.workstations.incrementAndGet()));
				default -> null;
			};
		}

		private Answer api(String method, String path, String column, Body body) throws Exception {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
			if (DEMO_USERS.containsKey(column)) {
				request.header("Authorization", "Basic " + Base64.getEncoder()
					.encodeToString((DEMO_USERS.get(column) + ":demo").getBytes(StandardCharsets.UTF_8)));
			}
			else if (column.equals("WORKSTATION")) {
				request.header("X-Workstation-Key", this.key);
			}
			return send(request, method, body);
		}

	}

	/**
	 * A browser's session on the pages: signed in through the form login (with its CSRF
	 * token), or anonymous; either way holding a CSRF token so that a POST is judged by
	 * who sends it, not refused for a missing token.
	 */
	static final class Session {

		private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

		private final int port;

		private final Map<String, String> cookies = new LinkedHashMap<>();

		private String csrf;

		private Session(int port) {
			this.port = port;
		}

		static Session open(int port, String username) throws Exception {
			Session session = new Session(port);
			session.refreshCsrf();
			if (username != null) {
				Answer signIn = session.send("POST", "/login", form(Map.of("username", username, "password", "demo")),
						null);
				assertThat(signIn.status()).as("form sign-in of " + username).isEqualTo(302);
				assertThat(signIn.location()).as("form sign-in of " + username).doesNotContain("error");
				// The sign-in replaced the session and its token.
				session.refreshCsrf();
			}
			return session;
		}

		private void refreshCsrf() throws Exception {
			Answer login = send("GET", "/login", null, null);
			assertThat(login.status()).isEqualTo(200);
			Matcher m = CSRF.matcher(login.text());
			assertThat(m.find()).as("the sign-in page carries a CSRF token").isTrue();
			this.csrf = m.group(1);
		}

		Answer send(String method, String path, Body body, String workstationKey) throws Exception {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
			if (!this.cookies.isEmpty()) {
				request.header("Cookie",
						this.cookies.entrySet()
							.stream()
							.map(e -> e.getKey() + "=" + e.getValue())
							.collect(Collectors.joining("; ")));
			}
			if (!method.equals("GET") && this.csrf != null) {
				request.header("X-CSRF-TOKEN", this.csrf);
			}
			if (workstationKey != null) {
				request.header("X-Workstation-Key", workstationKey);
			}
			HttpResponse<byte[]> response = sendRaw(request, method, body);
			for (String cookie : response.headers().allValues("Set-Cookie")) {
				String pair = cookie.split(";", 2)[0];
				int eq = pair.indexOf('=');
				this.cookies.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
			}
			return answer(response);
		}

	}

	static Body json(String json) {
		return new Body("application/json", json.getBytes(StandardCharsets.UTF_8));
	}

	static Body multipart(String name, String fileName, byte[] content) {
		String boundary = "----access" + UUID.randomUUID();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
				+ fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		out.writeBytes(content);
		out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return new Body("multipart/form-data; boundary=" + boundary, out.toByteArray());
	}

	static Body form(Map<String, String> fields) {
		String encoded = fields.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return new Body("application/x-www-form-urlencoded", encoded.getBytes(StandardCharsets.UTF_8));
	}

	static Answer send(HttpRequest.Builder request, String method, Body body) {
		return answer(sendRaw(request, method, body));
	}

	static HttpResponse<byte[]> sendRaw(HttpRequest.Builder request, String method, Body body) {
		if (body != null) {
			request.header("Content-Type", body.contentType());
		}
		request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofByteArray(body.content()));
		try {
			return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	static Answer answer(HttpResponse<byte[]> response) {
		return new Answer(response.statusCode(), response.headers().firstValue("Location").orElse(null),
				response.headers().firstValue("Content-Type").orElse(null), response.body());
	}

}
