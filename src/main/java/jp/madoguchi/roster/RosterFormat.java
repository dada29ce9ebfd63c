package jp.madoguchi.roster;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** What kind of file a roster arrived as. */
enum RosterFormat {

	CSV_UTF8(StandardCharsets.UTF_8, "CSV (UTF-8)"), CSV_SHIFT_JIS(Charset.forName("windows-31j"), "CSV (Shift_JIS)"),
	XLSX(null, "Excel (xlsx)");

	private final Charset charset;

	private final String label;

	RosterFormat(Charset charset, String label) {
		this.charset = charset;
		this.label = label;
	}

	Charset charset() {
		return charset;
	}

	String label() {
		return label;
	}

}
