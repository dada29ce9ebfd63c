package jp.madoguchi.scans.corpus;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The truth of a scan file, one tab-separated line per page of the file:
 * {@code filePage kind id page pages form payload templateSha256 boxes effects}; empty
 * fields are {@code -}. {@code filePage} counts from 1.
 */
public final class TruthFile implements Closeable {

	public static final String HEADER = "filePage\tkind\tid\tpage\tpages\tform\tpayload\ttemplateSha256\tboxes\teffects";

	private final BufferedWriter out;

	private int lines;

	public TruthFile(Path target) throws IOException {
		this.out = Files.newBufferedWriter(target, StandardCharsets.UTF_8);
		out.write(HEADER);
		out.newLine();
	}

	public void add(PageTruth truth) throws IOException {
		out.write(line(++lines, truth));
		out.newLine();
	}

	public static String line(int filePage, PageTruth truth) {
		return String.join("\t", Integer.toString(filePage), truth.kind().name(), orDash(truth.id()),
				Integer.toString(truth.page()), Integer.toString(truth.pages()),
				truth.form() == null ? "-" : truth.form().id(), orDash(truth.payload()), orDash(truth.templateSha256()),
				truth.boxes().isEmpty() ? "-" : truth.boxesText(), truth.effects().describe());
	}

	private static String orDash(String value) {
		return value == null ? "-" : value;
	}

	@Override
	public void close() throws IOException {
		out.close();
	}

}
