package jp.madoguchi.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import jp.madoguchi.errors.ClientError;

/**
 * A report through the forms' fonts: a long table runs over pages, each with the column
 * titles again and 「n / N」; no row and no line of a row taller than a page is lost; every
 * font is embedded; a character no font has refuses the report, naming the column.
 */
class ReportDocumentTest {

	private static final List<ReportDocument.Column> COLUMNS = List.of(new ReportDocument.Column("番号", 1),
			new ReportDocument.Column("内容", 4), new ReportDocument.Column("備考", 2));

	@Test
	void aLongTableRunsOverNumberedPagesAndLosesNothing() throws Exception {
		List<List<String>> rows = new ArrayList<>();
		for (int i = 1; i <= 150; i++) {
			rows.add(List.of(String.format("R%04d", i), "案件" + i + ": 暫定的な暗証番号を設定してから24時間以内に、ロックが確認されていません。", ""));
		}
		// A row taller than any page: split between its lines, none dropped.
		String tall = IntStream.rangeClosed(1, 200)
			.mapToObj(i -> String.format("読取記録 E%03d", i))
			.collect(Collectors.joining("\n"));
		rows.add(75, List.of("R-TALL", tall, "高梁市（デモ）"));
		ReportDocument report = new ReportDocument("夜間突合せ報告書", List.of("自治体：高梁市", "対象日：令和8年11月21日"), COLUMNS, rows);
		Path file = TestForms.write("report.pdf", TestForms.engine().report(report));

		int pages = Integer.parseInt(TestForms.run("pdfinfo", file.toString())
			.lines()
			.filter(l -> l.startsWith("Pages:"))
			.findFirst()
			.orElseThrow()
			.replaceAll("\\D", ""));
		assertThat(pages).isGreaterThanOrEqualTo(5);
		for (int page = 1; page <= pages; page++) {
			String text = TestForms.run("pdftotext", "-raw", "-enc", "UTF-8", "-f", Integer.toString(page), "-l",
					Integer.toString(page), file.toString(), "-");
			assertThat(text).as("page " + page).contains(page + " / " + pages).contains("番号").contains("内容");
			assertThat(text.contains("自治体：高梁市")).as("page " + page).isEqualTo(page == 1);
		}

		String text = TestForms.pdftotext(file);
		assertThat(text).contains("夜間突合せ報告書").contains("対象日：令和8年11月21日");
		List<String> numbers = new ArrayList<>();
		Matcher number = Pattern.compile("R\\d{4}|R-TALL").matcher(text);
		while (number.find()) {
			numbers.add(number.group());
		}
		List<String> expected = new ArrayList<>(
				IntStream.rangeClosed(1, 150).mapToObj(i -> String.format("R%04d", i)).toList());
		expected.add(75, "R-TALL");
		assertThat(numbers).containsExactlyElementsOf(expected);
		List<String> evidence = new ArrayList<>();
		Matcher event = Pattern.compile("読取記録 E(\\d{3})").matcher(text);
		while (event.find()) {
			evidence.add(event.group(1));
		}
		assertThat(evidence)
			.containsExactlyElementsOf(IntStream.rangeClosed(1, 200).mapToObj(i -> String.format("%03d", i)).toList());
		assertThat(text.replaceAll("\\s", "")).contains("案件150:暫定的な暗証番号を設定してから24時間以内に、ロックが確認されていません。");

		List<String> fonts = TestForms.lines(TestForms.run("pdffonts", file.toString())).stream().skip(2).toList();
		assertThat(fonts).hasSizeGreaterThanOrEqualTo(2);
		for (String row : fonts) {
			String[] columns = row.trim().split("\\s+");
			int n = columns.length;
			assertThat(columns[n - 5]).as("emb: " + row).isEqualTo("yes");
			assertThat(columns[n - 4]).as("sub: " + row).isEqualTo("yes");
		}
	}

	@Test
	void aShortReportIsOnePageAndAReportWithoutRowsPrintsItsHeader() throws Exception {
		ReportDocument empty = new ReportDocument("夜間突合せ報告書", List.of("指摘はありません。"), COLUMNS, List.of());
		Path file = TestForms.write("report-empty.pdf", TestForms.engine().report(empty));
		String text = TestForms.pdftotext(file);
		assertThat(text).contains("指摘はありません。").contains("1 / 1").doesNotContain("備考");
	}

	@Test
	void aCharacterNoFontHasRefusesTheReportNamingTheColumn() {
		ReportDocument report = new ReportDocument("夜間突合せ報告書", List.of(), COLUMNS,
				List.of(List.of("R0001", "内容", "連絡済み\uD83D\uDE00")));
		assertThatThrownBy(() -> TestForms.engine().report(report)).isInstanceOf(FormRefusedException.class)
			.satisfies(e -> {
				FormRefusedException refused = (FormRefusedException) e;
				assertThat(refused.field()).isEqualTo("備考");
				assertThat(refused.codePoints()).isEqualTo("U+1F600");
				ClientError error = refused.toClientError();
				assertThat(error.status().value()).isEqualTo(422);
				assertThat(error.code()).isEqualTo("FORM_REFUSED");
			});
		// A control character is no character to print either; a line end is layout.
		assertThatThrownBy(
				() -> TestForms.engine().report(new ReportDocument("報告", List.of("見出し\u0007"), COLUMNS, List.of())))
			.isInstanceOf(FormRefusedException.class)
			.hasMessageContaining("U+0007");
		assertThat(TestForms.engine().report(new ReportDocument("報告", List.of("一行目\r\n二行目\t終わり"), COLUMNS, List.of())))
			.isNotEmpty();
	}

}
