package jp.madoguchi.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** Roster files for tests, written the way facilities' spreadsheets write them. */
public final class Rosters {

	public static final List<String> HEADER = List.of("氏名", "フリガナ", "生年月日", "性別", "郵便番号", "住所", "施設名", "居室", "手続区分",
			"申請者区分", "代理人氏名", "代理人続柄", "顔認証カード希望", "保険証利用申込代行", "代筆", "交付方法", "備考");

	/**
	 * Names that must survive every layer unchanged: a non-BMP character, a variation
	 * sequence, old forms.
	 */
	public static final List<String> SACRED_NAMES = List.of("𠮷野　一郎", "葛\uDB40\uDD00城　花子", "髙橋　三郎", "山﨑　四郎", "渡邉　五郎",
			"齋藤　六子");

	private Rosters() {
	}

	/**
	 * A face-auth applicant with staff registration; 交付方法 is the one the procedure's
	 * workflow uses: 本人限定受取郵便 for a card applied for in person or at outreach intake, 窓口
	 * otherwise (to the person, or to the proxy who came).
	 */
	public static List<String> row(String name, String reading, String birth, String procedure, String type) {
		boolean byPost = procedure.startsWith("出張") || procedure.contains("申請時来庁");
		return List.of(name, reading, birth, "女", "716-0001", "岡山県高梁市中原町1-1", "あおぞらホーム", "101", procedure, type,
				type.equals("代理人") ? "高橋　一" : "", type.equals("代理人") ? "長男" : "", "はい", "はい", "いいえ",
				byPost ? "本人限定受取郵便" : "窓口", "");
	}

	public static byte[] csv(List<List<String>> rows, Charset charset, boolean bom) {
		StringBuilder sb = new StringBuilder(bom ? "\uFEFF" : "");
		sb.append(String.join(",", HEADER)).append("\r\n");
		for (List<String> r : rows) {
			sb.append(String.join(",", r.stream().map(Rosters::quote).toList())).append("\r\n");
		}
		return sb.toString().getBytes(charset);
	}

	public static byte[] csv(List<List<String>> rows) {
		return csv(rows, StandardCharsets.UTF_8, false);
	}

	/**
	 * Imports a roster of this one row (a file name of its own) through the API as the
	 * clerk, and returns the case's id.
	 */
	public static long importOne(ApiClient clerk, List<String> row) {
		var created = clerk.upload("one-" + System.nanoTime() + ".csv", csv(List.of(row)), false);
		if (created.status() != 201) {
			throw new AssertionError("the roster was not imported: " + created.status() + " " + created.text());
		}
		return clerk.get("/api/rosters/" + created.json().get("id").asLong() + "/cases")
			.json()
			.get(0)
			.get("id")
			.asLong();
	}

	public static byte[] xlsx(List<List<String>> rows) {
		try {
			var out = new ByteArrayOutputStream();
			Workbook wb = new Workbook(out, "test", "1.0");
			Worksheet ws = wb.newWorksheet("名簿");
			for (int c = 0; c < HEADER.size(); c++) {
				ws.value(0, c, HEADER.get(c));
			}
			for (int r = 0; r < rows.size(); r++) {
				for (int c = 0; c < rows.get(r).size(); c++) {
					ws.value(r + 1, c, rows.get(r).get(c));
				}
			}
			wb.finish();
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String quote(String v) {
		return v.contains(",") || v.contains("\"") || v.contains("\n") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
	}

}
