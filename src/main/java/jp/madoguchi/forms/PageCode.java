package jp.madoguchi.forms;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.madoguchi.forms.internal.pdf.DocumentIds;

/**
 * The text of a page's QR code, {@code MDG1:<documentId>:<page>/<pages>:<code>}, read
 * back: which document and page it names, and whether its integrity code holds for a
 * template (a misread, or a page of another document version, does not).
 */
public record PageCode(String documentId, int page, int pages, String code) {

	private static final Pattern PAYLOAD = Pattern
		.compile(Pattern.quote(DocumentIds.PAYLOAD_PREFIX) + ":([0-9A-Z]{10}):(\\d{1,5})/(\\d{1,5}):([0-9A-Z]{4})");

	/** Stand-in template hash of the pages a packet adds (cover, blank backs). */
	private static final String PACKET_PAGE = "packet";

	public static Optional<PageCode> parse(String payload) {
		Matcher m = PAYLOAD.matcher(payload);
		if (!m.matches()) {
			return Optional.empty();
		}
		int page = Integer.parseInt(m.group(2));
		int pages = Integer.parseInt(m.group(3));
		if (page < 1 || page > pages) {
			return Optional.empty();
		}
		return Optional.of(new PageCode(m.group(1), page, pages, m.group(4)));
	}

	/** True when the code was printed with the template of this SHA-256. */
	public boolean verifies(String templateSha256) {
		return DocumentIds.integrityCode(documentId, page, pages, templateSha256).equals(code);
	}

	/**
	 * True for a page a packet adds around the documents: its cover (page 1) or a blank
	 * back; {@code documentId} is then the packet's id.
	 */
	public boolean isPacketPage() {
		return verifies(PACKET_PAGE);
	}

	/** The packet's cover is its first page. */
	public boolean isPacketCover() {
		return isPacketPage() && page == 1;
	}

}
