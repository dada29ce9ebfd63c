package jp.madoguchi.roster;

import static jp.madoguchi.support.Rosters.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.BeforeEach;
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
 * Title rows above the header, and the template's example row, through the real upload
 * API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class RosterHeaderAndExampleTest {

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void dataDirectory(DynamicPropertyRegistry registry) {
		registry.add("madoguchi.data-dir", dataDir::toString);
	}

	@LocalServerPort
	int port;

	ApiClient clerk;

	@BeforeEach
	void client() {
		clerk = new ApiClient(port, "clerk", "demo");
	}

	private static List<List<String>> titledRows(String marker) {
		List<String> good = new ArrayList<>(row("表題　一郎", "ヒョウダイ　イチロウ", "1950-01-01", "出張申請受付", "本人"));
		good.set(16, marker);
		return List.of(List.of("申請者名簿（あおぞらホーム）"), List.of("作成日", "2026年11月1日"), List.of(), Rosters.HEADER, good,
				row("表題　二郎", "ヒョウダイ　ジロウ", "昭和64年1月8日", "出張申請受付", "本人"));
	}

	private static byte[] csv(List<List<String>> rows) {
		StringBuilder sb = new StringBuilder();
		for (List<String> r : rows) {
			sb.append(String.join(",", r)).append("\r\n");
		}
		return sb.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] xlsx(List<List<String>> rows, boolean mergeTitle) throws IOException {
		var out = new ByteArrayOutputStream();
		Workbook wb = new Workbook(out, "test", "1.0");
		Worksheet ws = wb.newWorksheet("名簿");
		for (int r = 0; r < rows.size(); r++) {
			for (int c = 0; c < rows.get(r).size(); c++) {
				ws.value(r, c, rows.get(r).get(c));
			}
		}
		if (mergeTitle) {
			ws.range(0, 0, 0, 8).merge();
		}
		wb.finish();
		return out.toByteArray();
	}

	private static List<String> errorsOf(JsonNode body) {
		List<String> found = new ArrayList<>();
		for (JsonNode e : body.get("errors")) {
			found.add(e.get("row").asInt() + ":" + e.get("column").asString() + ":" + e.get("code").asString());
		}
		return found;
	}

	private static List<String> warningCodes(JsonNode body) {
		List<String> found = new ArrayList<>();
		for (JsonNode e : body.get("warnings")) {
			found.add(e.get("row").asInt() + ":" + e.get("code").asString());
			assertThat(e.get("message").asString()).isNotBlank();
		}
		return found;
	}

	private void assertTitledImport(ApiClient.Response strict, ApiClient.Response lenient) {
		assertThat(strict.status()).isEqualTo(422);
		assertThat(errorsOf(strict.json())).containsExactly("6:生年月日:INVALID_DATE");
		assertThat(lenient.status()).isEqualTo(201);
		assertThat(lenient.json().get("accepted").asInt()).isEqualTo(1);
		assertThat(lenient.json().get("rejected").asInt()).isEqualTo(1);
		assertThat(errorsOf(lenient.json())).containsExactly("6:生年月日:INVALID_DATE");
		JsonNode cases = clerk.get("/api/rosters/" + lenient.json().get("id").asLong() + "/cases").json();
		assertThat(cases).hasSize(1);
		assertThat(cases.get(0).get("name").asString()).isEqualTo("表題　一郎");
		assertThat(cases.get(0).get("birthDate").asString()).isEqualTo("1950-01-01");
	}

	@Test
	void csvWithTitleRowsAboveTheHeaderImportsWithTheFilesRowNumbers() {
		byte[] file = csv(titledRows("csv-" + System.nanoTime()));
		assertTitledImport(clerk.upload("titled.csv", file, false), clerk.upload("titled.csv", file, true));
	}

	@Test
	void xlsxWithMergedTitleRowsAboveTheHeaderImportsWithTheFilesRowNumbers() throws IOException {
		byte[] file = xlsx(titledRows("xlsx-" + System.nanoTime()), true);
		assertTitledImport(clerk.upload("titled.xlsx", file, false), clerk.upload("titled.xlsx", file, true));
	}

	@Test
	void withoutAnyHeaderTheMissingRequiredColumnIsNamed() {
		List<String> header = new ArrayList<>(Rosters.HEADER);
		header.set(2, "誕生月");
		byte[] file = csv(List.of(List.of("申請者名簿"), header, row("表題　三郎", "ヒョウダイ　サブロウ", "1950-01-01", "出張申請受付", "本人")));
		var response = clerk.upload("noheader.csv", file, false);
		assertThat(response.status()).isEqualTo(422);
		assertThat(errorsOf(response.json())).containsExactly("2:生年月日:MISSING_COLUMN");
	}

	@Test
	void theTemplateAsDownloadedStoresNoApplicantAndSaysWhy() throws IOException {
		// The bytes the pages /rosters/template.csv and .xlsx serve.
		for (var upload : List.of(clerk.upload("様式.csv", RosterTemplates.csv(), true),
				clerk.upload("様式.xlsx", RosterTemplates.xlsx(), true))) {
			assertThat(upload.status()).isEqualTo(422);
			assertThat(upload.json().has("id")).isFalse();
			assertThat(upload.json().get("accepted").asInt()).isZero();
			assertThat(warningCodes(upload.json())).containsExactly("2:EXAMPLE_ROW_SKIPPED");
		}
	}

	@Test
	void theTemplateWithARealRowBelowTheExampleStoresExactlyThatRow() throws IOException {
		List<String> real = new ArrayList<>(row("本物　花子", "ホンモノ　ハナコ", "1941-02-03", "出張申請受付", "本人"));
		real.set(16, "template-" + System.nanoTime());

		byte[] csv = RosterTemplates.csv();
		byte[] csvWithRow = (new String(csv, StandardCharsets.UTF_8) + String.join(",", real) + "\r\n")
			.getBytes(StandardCharsets.UTF_8);

		List<List<String>> templateRows = new ArrayList<>();
		try (var wb = new ReadableWorkbook(new ByteArrayInputStream(RosterTemplates.xlsx()));
				var rows = wb.getFirstSheet().openStream()) {
			rows.forEach(r -> {
				List<String> cells = new ArrayList<>();
				for (int c = 0; c < r.getCellCount(); c++) {
					cells.add(r.getCellText(c));
				}
				templateRows.add(cells);
			});
		}
		assertThat(templateRows.get(1).get(0)).contains("記入例");
		List<String> realXlsx = new ArrayList<>(real);
		realXlsx.set(16, real.get(16) + "-x");
		templateRows.add(realXlsx);
		byte[] xlsxWithRow = xlsx(templateRows, false);

		for (var upload : List.of(clerk.upload("様式.csv", csvWithRow, false),
				clerk.upload("様式.xlsx", xlsxWithRow, false))) {
			assertThat(upload.status()).isEqualTo(201);
			assertThat(upload.json().get("accepted").asInt()).isEqualTo(1);
			assertThat(warningCodes(upload.json())).containsExactly("2:EXAMPLE_ROW_SKIPPED");
			JsonNode cases = clerk.get("/api/rosters/" + upload.json().get("id").asLong() + "/cases").json();
			assertThat(cases).hasSize(1);
			assertThat(cases.get(0).get("name").asString()).isEqualTo("本物　花子");
		}
	}

}
