package jp.madoguchi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import jp.madoguchi.tenant.LocalGovernmentCode;
import jp.madoguchi.tenant.Role;
import jp.madoguchi.tenant.Tenants;

/**
 * Every endpoint, found from the handler mappings (so a new one is covered without
 * editing this test), gets malformed input as a user who holds every role: non-numeric
 * ids, malformed and empty JSON, missing and 10,000-character fields, unknown enum
 * values. No answer may be a 5xx, every 4xx of {@code /api} is an {@code ApiError} with a
 * Japanese message, and no body quotes an exception.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class MalformedInputTest {

	private static final String USER = "all-roles";

	private static final String PASSWORD = "Kiri-Hana-Tsuki-Umi-2026";

	private static final String LONG = "長".repeat(10_000);

	/**
	 * Longer than any column, but within the 8 KB request line every HTTP server allows
	 * (a longer URL is refused by the server before the application sees it).
	 */
	private static final String LONG_QUERY = "x".repeat(4_000);

	private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)(:[^}]*)?}");

	private static final Pattern JAPANESE = Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");

	private static final List<String> LEAKS = List.of("Exception", "No enum constant", "For input string", "java.",
			"at jp.", "org.springframework");

	private static final JsonMapper JSON = JsonMapper.builder().build();

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

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	private final HttpClient http = HttpClient.newHttpClient();

	private final List<String> failures = new ArrayList<>();

	private int checked;

	@BeforeEach
	void allRolesUser() {
		if (!this.tenants.userExists(USER)) {
			long demo = this.tenants.findMunicipality(new LocalGovernmentCode("332097")).orElseThrow().id();
			this.tenants.createUser(demo, USER, PASSWORD, "全権 試験", EnumSet.allOf(Role.class));
		}
	}

	@Test
	void noApiEndpointAnswersMalformedInputWithA5xxOrAnExceptionText() {
		int endpoints = 0;
		for (Map.Entry<RequestMappingInfo, HandlerMethod> e : this.mappings.getHandlerMethods().entrySet()) {
			for (String pattern : e.getKey().getPatternValues()) {
				if (!pattern.startsWith("/api/") || pattern.startsWith("/api/openapi.json")) {
					continue;
				}
				endpoints++;
				for (String method : methods(e.getKey())) {
					probe(method, pattern, e.getValue());
				}
			}
		}
		assertThat(endpoints).as("API endpoints found").isGreaterThan(15);
		assertThat(this.checked).isGreaterThan(100);
		assertThat(this.failures).as("answers to malformed input").isEmpty();
	}

	/** Pages with a non-numeric id: a 4xx page in Japanese, never a 500. */
	@Test
	void pagesAnswerANonNumericIdWithAJapanese4xxPage() throws Exception {
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		signIn(browser);
		int pages = 0;
		for (RequestMappingInfo info : this.mappings.getHandlerMethods().keySet()) {
			for (String pattern : info.getPatternValues()) {
				if (pattern.startsWith("/api/") || !pattern.contains("{") || !methods(info).contains("GET")) {
					continue;
				}
				pages++;
				String path = fill(pattern, v -> "abc");
				HttpResponse<String> r = browser.send(HttpRequest.newBuilder(URI.create(base() + path)).GET().build(),
						HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
				this.checked++;
				String where = "GET " + path + " → " + r.statusCode();
				if (r.statusCode() < 400 || r.statusCode() >= 500) {
					this.failures.add(where + " (expected a 4xx)");
				}
				checkText(where, r.body());
				if (!JAPANESE.matcher(r.body()).find()) {
					this.failures.add(where + ": no Japanese text");
				}
			}
		}
		assertThat(pages).as("pages with a path variable").isGreaterThanOrEqualTo(3);
		assertThat(this.failures).isEmpty();
	}

	@Test
	void theKnownCasesAreAnsweredWithTheirCodes() {
		assertThat(send("GET", "/api/cases/abc", null, null)).satisfies(r -> {
			assertThat(r.statusCode()).isEqualTo(400);
			JsonNode body = JSON.readTree(r.body());
			assertThat(body.get("code").asString()).isEqualTo("BAD_PARAMETER");
			assertThat(body.get("field").asString()).isEqualTo("id");
			assertThat(body.get("message").asString()).contains("id");
		});
		assertThat(send("GET", "/api/templates/consent/versions/abc", null, null).statusCode()).isEqualTo(400);
		HttpResponse<String> malformed = send("POST", "/api/workstation-keys", "application/json", "{\"workstation\":");
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(malformed.body()).get("code").asString()).isEqualTo("MALFORMED_JSON");
		HttpResponse<String> tooLong = send("POST", "/api/workstation-keys", "application/json",
				"{\"workstation\":\"" + LONG + "\"}");
		assertThat(tooLong.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(tooLong.body()).get("code").asString()).isEqualTo("BAD_WORKSTATION");
		assertThat(JSON.readTree(tooLong.body()).get("field").asString()).isEqualTo("workstation");
		HttpResponse<String> wrongType = send("POST", "/api/workstation-keys", "text/plain", "x");
		assertThat(wrongType.statusCode()).isEqualTo(415);
		assertThat(JSON.readTree(wrongType.body()).get("code").asString()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
		assertThat(send("PUT", "/api/workstation-keys", "application/json", "{}").statusCode()).isEqualTo(405);
		assertThat(send("GET", "/api/no-such-thing", null, null).statusCode()).isEqualTo(404);
		HttpResponse<String> missing = send("POST", "/api/cases/1/documents", null, null);
		assertThat(missing.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(missing.body()).get("code").asString()).isEqualTo("MISSING_PARAMETER");
		assertThat(JSON.readTree(missing.body()).get("field").asString()).isEqualTo("form");
	}

	/** The walk-in page names the missing field in Japanese (422), never a 500. */
	@Test
	void theWalkInPageAnswersMissingChoicesOnThePage() throws Exception {
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		signIn(browser);
		HttpResponse<String> page = browser.send(
				HttpRequest.newBuilder(URI.create(base() + "/forms/walk-in")).GET().build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page.body());
		assertThat(csrf.find()).isTrue();
		String token = "_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		Map<String, String> expected = new LinkedHashMap<>();
		expected.put("form=consent&name=%E7%AA%93%E5%8F%A3&birthDate=1940-04-01&party=SELF&delivery=COUNTER",
				"手続区分を選んでください。");
		expected.put(
				"form=consent&name=%E7%AA%93%E5%8F%A3&procedure=BOGUS&birthDate=1940-04-01&party=SELF&delivery=COUNTER",
				"手続区分を選んでください。");
		expected.put("form=consent&name=%E7%AA%93%E5%8F%A3&procedure=SWITCH_TO_FACE_AUTH&party=SELF&delivery=COUNTER",
				"生年月日を入力してください。");
		expected.put("form=consent&name=%E7%AA%93%E5%8F%A3&procedure=SWITCH_TO_FACE_AUTH&birthDate=abc&party=SELF",
				"生年月日を入力してください。");
		expected.put(
				"form=nope&name=%E7%AA%93%E5%8F%A3&procedure=SWITCH_TO_FACE_AUTH&birthDate=1940-04-01&party=SELF&delivery=COUNTER",
				"書類の種類「nope」はありません。");
		for (Map.Entry<String, String> e : expected.entrySet()) {
			HttpResponse<String> r = browser.send(HttpRequest.newBuilder(URI.create(base() + "/forms/walk-in"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(e.getKey() + "&" + token))
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			assertThat(r.statusCode()).as(e.getKey()).isEqualTo(422);
			assertThat(r.body()).as(e.getKey()).contains(e.getValue());
			checkText(e.getKey(), r.body());
		}
		assertThat(this.failures).isEmpty();
	}

	private void probe(String method, String pattern, HandlerMethod handler) {
		String abc = fill(pattern, v -> "abc");
		String numeric = fill(pattern, v -> isNumeric(handler, v) ? "999999" : "consent");
		String query = queryOf(handler, "abc");
		check(method, abc + query, null, null);
		for (String longQuery : longQueries(handler)) {
			check(method, abc + longQuery, null, null);
			check(method, numeric + longQuery, null, null);
		}
		check(method, numeric, null, null);
		if (!method.equals("GET") && !method.equals("DELETE")) {
			String path = numeric + query;
			check(method, path, "application/json", "{\"x\":");
			check(method, path, "application/json", "");
			check(method, path, "application/json", "{}");
			check(method, path, "application/json", "[]");
			check(method, path, "application/json", "\"" + LONG + "\"");
			check(method, path, "application/json", overLongAndBogus(handler).toString());
			check(method, path, "application/x-ndjson", "{\"x\":\n" + LONG + "\n");
			check(method, path, "text/plain", LONG);
			check(method, path, "multipart/form-data; boundary=x", "--x\r\nbroken");
		}
	}

	/**
	 * A body with every field of the request record at 10,000 characters or a bogus enum.
	 */
	private static ObjectNode overLongAndBogus(HandlerMethod handler) {
		ObjectNode body = JSON.createObjectNode();
		for (Parameter p : handler.getMethod().getParameters()) {
			if (p.isAnnotationPresent(RequestBody.class) && p.getType().isRecord()) {
				for (RecordComponent c : p.getType().getRecordComponents()) {
					if (c.getType().isEnum()) {
						body.put(c.getName(), "BOGUS");
					}
					else if (List.class.isAssignableFrom(c.getType()) || c.getType().isArray()) {
						body.putArray(c.getName()).add("BOGUS").add(LONG);
					}
					else if (c.getType() == boolean.class || c.getType() == Boolean.class) {
						body.put(c.getName(), "BOGUS");
					}
					else if (Number.class.isAssignableFrom(c.getType()) || c.getType().isPrimitive()) {
						body.put(c.getName(), "abc");
					}
					else {
						body.put(c.getName(), LONG);
					}
				}
			}
		}
		body.put("unknownField", LONG);
		return body;
	}

	private void check(String method, String path, String contentType, String body) {
		HttpResponse<String> r = send(method, path, contentType, body);
		this.checked++;
		String where = method + " " + abbreviate(path) + (contentType == null ? "" : " [" + contentType + "] ")
				+ (body == null ? "" : abbreviate(body)) + " → " + r.statusCode();
		if (r.statusCode() >= 500) {
			this.failures.add(where + ": " + abbreviate(r.body()));
			return;
		}
		String type = r.headers().firstValue("Content-Type").orElse("");
		if (r.statusCode() >= 400) {
			if (!type.startsWith("application/json")) {
				this.failures.add(where + ": not JSON but " + type);
				return;
			}
			JsonNode json = JSON.readTree(r.body());
			if (!json.hasNonNull("code") || !json.hasNonNull("message")
					|| !JAPANESE.matcher(json.get("message").asString()).find()) {
				this.failures.add(where + ": not an ApiError with a Japanese message: " + abbreviate(r.body()));
			}
			checkText(where, r.body());
		}
		else if (type.startsWith("application/json")) {
			checkText(where, r.body());
		}
	}

	private void checkText(String where, String body) {
		for (String leak : LEAKS) {
			if (body.contains(leak)) {
				this.failures.add(where + ": quotes \"" + leak + "\": " + abbreviate(body));
			}
		}
	}

	private HttpResponse<String> send(String method, String path, String contentType, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
			.header("Authorization",
					"Basic " + Base64.getEncoder()
						.encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private void signIn(HttpClient browser) throws Exception {
		HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(base() + "/login")).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(login.body());
		Map<String, String> form = new LinkedHashMap<>();
		form.put("username", USER);
		form.put("password", PASSWORD);
		if (csrf.find()) {
			form.put("_csrf", csrf.group(1));
		}
		String encoded = String.join("&",
				form.entrySet()
					.stream()
					.map(f -> f.getKey() + "=" + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8))
					.toList());
		HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(base() + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(encoded))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.statusCode()).as("sign-in").isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
	}

	private static List<String> methods(RequestMappingInfo info) {
		var declared = info.getMethodsCondition().getMethods();
		if (declared.isEmpty()) {
			return List.of("GET", "POST");
		}
		return declared.stream().map(RequestMethod::name).toList();
	}

	private static boolean isNumeric(HandlerMethod handler, String variable) {
		for (Parameter p : handler.getMethod().getParameters()) {
			if (p.getName().equals(variable)) {
				Class<?> t = p.getType();
				return t == long.class || t == int.class || t == Long.class || t == Integer.class;
			}
		}
		return false;
	}

	/** Every {@code @RequestParam} of the handler with the value. */
	private static String queryOf(HandlerMethod handler, String value) {
		List<String> params = new ArrayList<>();
		for (String name : queryParameters(handler)) {
			params.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
		}
		return params.isEmpty() ? "" : "?" + String.join("&", params);
	}

	/**
	 * One query per parameter, that one over-long and the others "abc" (all of them long
	 * would pass the request line's 8 KB); just {@link #LONG_QUERY} when the endpoint has
	 * no query parameter.
	 */
	private static List<String> longQueries(HandlerMethod handler) {
		List<String> names = queryParameters(handler);
		if (names.isEmpty()) {
			return List.of("");
		}
		List<String> queries = new ArrayList<>();
		for (String longOne : names) {
			List<String> params = new ArrayList<>();
			for (String name : names) {
				params.add(name + "="
						+ URLEncoder.encode(name.equals(longOne) ? LONG_QUERY : "abc", StandardCharsets.UTF_8));
			}
			queries.add("?" + String.join("&", params));
		}
		return queries;
	}

	private static List<String> queryParameters(HandlerMethod handler) {
		List<String> names = new ArrayList<>();
		for (Parameter p : handler.getMethod().getParameters()) {
			RequestParam rp = p.getAnnotation(RequestParam.class);
			if (rp != null && !MultipartFile.class.isAssignableFrom(p.getType())) {
				names.add(!rp.name().isEmpty() ? rp.name() : !rp.value().isEmpty() ? rp.value() : p.getName());
			}
		}
		return names;
	}

	private static String fill(String pattern, Function<String, String> value) {
		Matcher m = VARIABLE.matcher(pattern);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			m.appendReplacement(out, Matcher.quoteReplacement(value.apply(m.group(1))));
		}
		m.appendTail(out);
		return out.toString();
	}

	private static String abbreviate(String s) {
		return s.length() > 200 ? s.substring(0, 200) + "…(" + s.length() + ")" : s;
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

}
