package jp.madoguchi.scans.corpus;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.madoguchi.forms.internal.pdf.DocumentIds;

/** Reading back a QR payload {@code MDG1:<id>:<page>/<pages>:<code>}. */
public final class Payloads {

	private static final Pattern PAYLOAD = Pattern
		.compile("MDG1:([0-9A-HJKMNP-TV-Z]{10}):([1-9][0-9]{0,4})/([1-9][0-9]{0,4}):([0-9A-HJKMNP-TV-Z]{4})");

	private Payloads() {
	}

	/** The parts of a payload; {@code code} is not checked here. */
	public record Parsed(String id, int page, int pages, String code) {

		/** True when the code binds id, page and pages to this template hash. */
		public boolean verifies(String templateSha256) {
			return page <= pages && code.equals(DocumentIds.integrityCode(id, page, pages, templateSha256));
		}

	}

	public static Optional<Parsed> parse(String payload) {
		if (payload == null) {
			return Optional.empty();
		}
		Matcher m = PAYLOAD.matcher(payload);
		if (!m.matches()) {
			return Optional.empty();
		}
		return Optional
			.of(new Parsed(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), m.group(4)));
	}

}
