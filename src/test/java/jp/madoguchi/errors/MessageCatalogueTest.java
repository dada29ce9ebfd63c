package jp.madoguchi.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import jp.madoguchi.japanese.InvalidDateException;

/**
 * Every error code the code raises has a Japanese text in the one catalogue
 * ({@code messages.properties}); a code without one would show the code itself.
 */
class MessageCatalogueTest {

	/** The ways a code is raised: ClientError factories, subclasses, nested reasons. */
	private static final List<Pattern> RAISED = List.of(
			Pattern.compile("ClientError\\.(?:badRequest|unprocessable|conflict)\\(\\s*\"([A-Z][A-Z0-9_]+)\""),
			Pattern.compile("new ClientError\\([^,]+,\\s*\"([A-Z][A-Z0-9_]+)\""),
			Pattern.compile("super\\(HttpStatus\\.\\w+,\\s*\"([A-Z][A-Z0-9_]+)\""),
			Pattern.compile("UnreadableRosterException\\(\\w+,\\s*\"([A-Z][A-Z0-9_]+)\""),
			Pattern.compile("DefaultMessageSourceResolvable\\((?:new String\\[\\] \\{ )?\"([A-Z][A-Z0-9_]+)\""),
			Pattern.compile("case \\d+ -> \"([A-Z][A-Z0-9_]+)\""),
			Pattern.compile("\\.text\\(\\s*\"([A-Z][A-Z0-9_]+)\"\\s*[,)]"));

	/**
	 * Device-log refusals and findings: {@code new Evidence("KEY", …)} and
	 * {@code Evidence.of("KEY")} read {@code CHAIN_BROKEN_KEY}.
	 */
	private static final Pattern CHAIN = Pattern.compile("(?:new Evidence\\(|Evidence\\.of\\()\\s*\"([A-Z][A-Z_]+)\"");

	private static final Pattern JAPANESE = Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");

	@Test
	void everyRaisedCodeHasAJapaneseText() throws IOException {
		Properties catalogue = new Properties();
		try (InputStream in = getClass().getResourceAsStream("/messages.properties")) {
			catalogue.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		Set<String> raised = new TreeSet<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				String source = Files.readString(file);
				for (Pattern p : RAISED) {
					Matcher m = p.matcher(source);
					while (m.find()) {
						raised.add(m.group(1));
					}
				}
				if (file.endsWith("RowValidator.java")) {
					// errors.add(…, "CODE", …) and orError(…, "CODE", …) read
					// ROSTER_CODE;
					// variants (addText) name their entries, ROSTER_… literals.
					Matcher m = Pattern.compile("(?:errors\\.add|orError)\\([^;]*?\"([A-Z][A-Z_]+)\"").matcher(source);
					while (m.find()) {
						raised.add("ROSTER_" + m.group(1));
					}
					Matcher entries = Pattern.compile("\"(ROSTER_[A-Z_]*[A-Z])\"").matcher(source);
					while (entries.find()) {
						raised.add(entries.group(1));
					}
					for (InvalidDateException.Reason reason : InvalidDateException.Reason.values()) {
						raised.add("ROSTER_INVALID_DATE_" + reason.name());
					}
				}
				if (file.endsWith("DeviceLogReceiver.java")) {
					Matcher m = CHAIN.matcher(source);
					while (m.find()) {
						raised.add("CHAIN_BROKEN_" + m.group(1));
					}
				}
			}
		}
		assertThat(raised).contains("BAD_PARAMETER", "MALFORMED_JSON", "FORM_REFUSED", "EMPTY_FILE",
				"CHAIN_BROKEN_MALFORMED", "ROSTER_REQUIRED", "ROSTER_PROXY_REQUIRED_FOR_TYPE", "ROSTER_NO_ROWS",
				"TEMPLATE_FILE_REQUIRED");
		assertThat(raised).allSatisfy(code -> assertThat(catalogue.getProperty(code)).as(code).isNotBlank());
		assertThat(catalogue.stringPropertyNames())
			.allSatisfy(code -> assertThat(JAPANESE.matcher(catalogue.getProperty(code)).find()).as(code).isTrue());
	}

}
