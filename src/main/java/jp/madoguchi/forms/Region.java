package jp.madoguchi.forms;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * A box on a generated page that scanning software must find, in PDF points from the
 * page's lower-left corner; {@code page} counts from 1 within the document.
 */
public record Region(int page, Kind kind, float x, float y, float w, float h) {

	public enum Kind {

		QR, SIGNATURE, SEAL;

		/** The lower-case name used in the JSON API ("qr", "signature", "seal"). */
		@JsonValue
		public String jsonName() {
			return name().toLowerCase(Locale.ROOT);
		}

	}
}
