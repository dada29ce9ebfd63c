package jp.madoguchi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;

import jp.madoguchi.support.ApiClient;
import jp.madoguchi.support.Rosters;

/**
 * Every {@code /api} answer is a record that {@code /api/openapi.json} describes with its
 * fields and status codes; a case's applicant is given to a CLERK, never to an OPERATOR
 * (API and page).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class TypedApiTest {

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void dataDirectory(DynamicPropertyRegistry registry) {
		registry.add("madoguchi.data-dir", dataDir::toString);
	}

	@LocalServerPort
	int port;

	@Test
	void theOpenApiDocumentDescribesEveryFieldAndStatusOfACase() {
		var r = new ApiClient(this.port, "clerk", "demo").get("/api/openapi.json");
		assertThat(r.status()).isEqualTo(200);
		JsonNode doc = r.json();
		JsonNode get = doc.at("/paths/~1api~1cases~1{id}/get");
		assertThat(names(get.get("responses"))).contains("200", "400", "403", "404");
		assertThat(get.at("/responses/404/content/application~1json/schema/$ref").asString())
			.isEqualTo("#/components/schemas/ApiError");
		String ref = schemaRef(get.at("/responses/200/content"));
		assertThat(ref).isNotNull();
		JsonNode caseSchema = doc.at("/components/schemas/" + ref.substring(ref.lastIndexOf('/') + 1));
		assertThat(names(caseSchema.get("properties"))).containsExactlyInAnyOrder("id", "rosterId", "applicant",
				"workflow", "steps", "path", "recorded", "nextStep", "closed", "verifiedLocks", "possibleDuplicate");
		assertThat(names(doc.at("/components/schemas/ApiError/properties"))).contains("code", "message", "field");

		JsonNode roster = doc.at("/paths/~1api~1rosters~1{id}/get");
		String rosterRef = schemaRef(roster.at("/responses/200/content"));
		assertThat(rosterRef).isNotNull();
		assertThat(names(
				doc.at("/components/schemas/" + rosterRef.substring(rosterRef.lastIndexOf('/') + 1) + "/properties")))
			.contains("roster", "rejectedRows");

		// No JSON answer of any /api operation is an untyped map.
		List<String> untyped = new ArrayList<>();
		for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
			for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
				for (Map.Entry<String, JsonNode> response : op.getValue().get("responses").properties()) {
					JsonNode json = response.getValue().at("/content/application~1json/schema");
					if (!json.isMissingNode() && schemaRef(response.getValue().get("content")) == null
							&& !"string".equals(json.path("type").asString())) {
						untyped.add(op.getKey() + " " + path.getKey() + " " + response.getKey() + ": " + json);
					}
				}
			}
		}
		assertThat(untyped).isEmpty();
	}

	@Test
	void anOperatorSeesACaseWithoutItsApplicantAndAClerkWithIt() throws Exception {
		ApiClient clerk = new ApiClient(this.port, "clerk", "demo");
		String name = "窓口　試験" + UUID.randomUUID().toString().substring(0, 4);
		var upload = clerk.upload("typed.csv",
				Rosters.csv(List.of(Rosters.row(name, "マドグチ　シケン", "1950-01-01", "出張申請受付", "本人"))), false);
		assertThat(upload.status()).isEqualTo(201);
		long rosterId = upload.json().get("id").asLong();
		long caseId = clerk.get("/api/rosters/" + rosterId + "/cases").json().get(0).get("id").asLong();

		JsonNode forClerk = clerk.get("/api/cases/" + caseId).json();
		assertThat(forClerk.get("applicant").get("name").asString()).isEqualTo(name);
		assertThat(forClerk.get("rosterId").asLong()).isEqualTo(rosterId);

		var operator = new ApiClient(this.port, "operator", "demo").get("/api/cases/" + caseId);
		assertThat(operator.status()).isEqualTo(200);
		JsonNode forOperator = operator.json();
		assertThat(forOperator.has("applicant")).isFalse();
		assertThat(forOperator.get("id").asLong()).isEqualTo(caseId);
		assertThat(forOperator.get("rosterId").asLong()).isEqualTo(rosterId);
		assertThat(forOperator.get("workflow").asString()).isEqualTo(forClerk.get("workflow").asString());
		assertThat(forOperator.get("steps")).isEqualTo(forClerk.get("steps"));
		assertThat(forOperator.get("nextStep").asString()).isNotBlank();
		assertThat(operator.text()).doesNotContain(name).doesNotContain("マドグチ").doesNotContain("1950");

		String clerkPage = page("clerk", "/cases/" + caseId);
		assertThat(clerkPage).contains(name);
		String operatorPage = page("operator", "/cases/" + caseId);
		assertThat(operatorPage).contains("案件 " + caseId)
			.contains("device-events")
			.doesNotContain(name)
			.doesNotContain("マドグチ")
			.doesNotContain("1950")
			.doesNotContain("中原町");
	}

	/**
	 * A document refused for a character no font has: 422 in Japanese, naming the field.
	 */
	@Test
	void aRefusedDocumentIsA422NamingTheFieldInJapanese() {
		ApiClient clerk = new ApiClient(this.port, "clerk", "demo");
		var upload = clerk.upload("emoji.csv",
				Rosters.csv(List.of(Rosters.row("山田\uD83D\uDE00" + UUID.randomUUID().toString().substring(0, 4),
						"ヤマダ　ハナコ", "1950-01-01", "出張申請受付", "本人"))),
				false);
		assertThat(upload.status()).isEqualTo(201);
		long caseId = clerk.get("/api/rosters/" + upload.json().get("id").asLong() + "/cases")
			.json()
			.get(0)
			.get("id")
			.asLong();
		var refused = clerk.post("/api/cases/" + caseId + "/documents?form=consent");
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.json().get("code").asString()).isEqualTo("FORM_REFUSED");
		assertThat(refused.json().get("field").asString()).isEqualTo("applicant.name");
		assertThat(refused.json().get("message").asString()).contains("氏名").contains("U+1F600");
		assertThat(refused.text()).doesNotContain("cannot print").doesNotContain("Exception");
	}

	private String page(String username, String path) throws Exception {
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		HttpResponse<String> login = browser.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/login")).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(login.body());
		String form = "username=" + username + "&password=demo"
				+ (csrf.find() ? "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8) : "");
		HttpResponse<String> signedIn = browser
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.statusCode()).isEqualTo(302);
		HttpResponse<String> r = browser.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(r.statusCode()).as(username + " " + path).isEqualTo(200);
		return r.body();
	}

	private static String schemaRef(JsonNode content) {
		if (content == null || content.isMissingNode()) {
			return null;
		}
		for (Map.Entry<String, JsonNode> media : content.properties()) {
			JsonNode schema = media.getValue().get("schema");
			if (schema.has("$ref")) {
				return schema.get("$ref").asString();
			}
			if (schema.has("items") && schema.get("items").has("$ref")) {
				return schema.get("items").get("$ref").asString();
			}
		}
		return null;
	}

	private static List<String> names(JsonNode node) {
		List<String> names = new ArrayList<>();
		if (node != null) {
			node.propertyNames().forEach(names::add);
		}
		return names;
	}

}
