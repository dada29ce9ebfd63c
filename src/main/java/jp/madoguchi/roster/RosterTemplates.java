package jp.madoguchi.roster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The empty roster a facility fills in: canonical headers and one example row, as CSV
 * (UTF-8 with BOM) or XLSX. The example's name starts with 【記入例】, which the importer
 * recognises and skips with a warning.
 */
final class RosterTemplates {

	private static final List<String> EXAMPLE = List.of("【記入例】山田　花子", "ヤマダ　ハナコ", "昭和15年4月5日", "女", "716-0000",
			"岡山県高梁市〇〇町1-2-3", "〇〇ホーム", "101", "出張申請受付", "本人", "", "", "はい", "はい", "いいえ", "本人限定受取郵便", "");

	private RosterTemplates() {
	}

	static List<String> headers() {
		return Arrays.stream(RosterColumn.values()).map(RosterColumn::header).toList();
	}

	static byte[] csv() {
		StringBuilder sb = new StringBuilder("\uFEFF");
		sb.append(String.join(",", headers())).append("\r\n");
		sb.append(String.join(",", EXAMPLE)).append("\r\n");
		return sb.toString().getBytes(StandardCharsets.UTF_8);
	}

	static byte[] xlsx() throws IOException {
		var out = new ByteArrayOutputStream();
		Workbook wb = new Workbook(out, "madoguchi", "1.0");
		Worksheet ws = wb.newWorksheet("申請者名簿");
		List<String> headers = headers();
		for (int c = 0; c < headers.size(); c++) {
			ws.value(0, c, headers.get(c));
			ws.style(0, c).bold().fillColor("DDEBF7").set();
			// Text format keeps postal codes' leading zeros and dates exactly as typed.
			ws.range(1, c, 1000, c).style().format("@").set();
			ws.width(c, 16);
			ws.value(1, c, EXAMPLE.get(c));
		}
		wb.finish();
		return out.toByteArray();
	}

}
