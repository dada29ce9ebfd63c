package jp.madoguchi.forms.internal.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.openpdf.text.pdf.BaseFont;

import jp.madoguchi.forms.FontFiles;
import jp.madoguchi.forms.internal.template.Element.FontRole;
import java.util.zip.Deflater;
import org.openpdf.text.DocumentException;

/**
 * The fonts, read once per process from bytes and shared by every document (a BaseFont
 * keeps no per-document state; subsets are tracked per writer). Each role has a chain:
 * the IPAex face first, then IPAmj Mincho for the name characters and variation sequences
 * IPAex lacks.
 */
public final class FontBook {

	private static final Map<Key, FontBook> LOADED = new ConcurrentHashMap<>();

	/**
	 * How font subsets are stored: a packet embeds each once, a single document embeds
	 * its own every time.
	 */
	public enum Compression {

		/**
		 * Deflate level 1: packets, where the subsets are a share of the file size worth
		 * keeping small.
		 */
		FAST,
		/**
		 * Stored: single documents. Deflating a subset (mostly the CJK fonts' hmtx and
		 * loca tables) was over half the CPU of a single document through the API;
		 * stored, a consent form is ~280 KB instead of ~100 KB.
		 */
		NONE

	}

	private record Key(FontFiles files, Compression compression) {
	}

	private final BaseFont mincho;

	private final BaseFont gothic;

	private final BaseFont mjMincho;

	private final Method variationLookup;

	private FontBook(Key key) {
		int level = key.compression() == Compression.NONE ? Deflater.NO_COMPRESSION : Deflater.BEST_SPEED;
		this.mincho = read(key.files().mincho(), level);
		this.gothic = read(key.files().gothic(), level);
		this.mjMincho = read(key.files().mjMincho(), level);
		this.variationLookup = variationLookup();
	}

	/** The fonts of these files for packets, loaded on first use. */
	public static FontBook of(FontFiles files) {
		return of(files, Compression.FAST);
	}

	/** The fonts of these files with subsets stored as given, loaded on first use. */
	public static FontBook of(FontFiles files, Compression compression) {
		return LOADED.computeIfAbsent(new Key(files, compression), FontBook::new);
	}

	public List<BaseFont> chain(FontRole role) {
		return role == FontRole.GOTHIC ? List.of(gothic, mjMincho) : List.of(mincho, mjMincho);
	}

	public BaseFont primary(FontRole role) {
		return role == FontRole.GOTHIC ? gothic : mincho;
	}

	/**
	 * Whether the font has a glyph of its own for the code point (no .notdef, no
	 * fallback).
	 */
	boolean canDraw(BaseFont font, int codePoint) {
		return font.charExists(codePoint);
	}

	/**
	 * Whether the font maps the variation sequence to a glyph of its own. This asks
	 * OpenPDF's own cmap format 14 lookup, because a sequence OpenPDF cannot resolve is
	 * drawn as the base glyph with the selector silently dropped; only the non-default
	 * (distinct glyph) mappings count.
	 */
	boolean canDraw(BaseFont font, int base, int selector) {
		try {
			return variationLookup.invoke(font, base, selector) != null;
		}
		catch (ReflectiveOperationException e) {
			throw new IllegalStateException("OpenPDF variation sequence lookup failed", e);
		}
	}

	private static Method variationLookup() {
		try {
			// TrueTypeFont is package-private in OpenPDF 3.0; its IVS lookup is what the
			// writer uses.
			Method method = Class.forName("org.openpdf.text.pdf.TrueTypeFont")
				.getDeclaredMethod("getFormat14MetricsTT", int.class, int.class);
			method.setAccessible(true);
			return method;
		}
		catch (ReflectiveOperationException e) {
			throw new IllegalStateException("this OpenPDF version has no variation sequence lookup", e);
		}
	}

	private static BaseFont read(Path path, int compressionLevel) {
		try {
			byte[] bytes = Files.readAllBytes(path);
			// NOT_CACHED: OpenPDF's cache would hand both font books the same instance,
			// and the compression level
			// is a setting of the instance. Each book is loaded once per process anyway.
			BaseFont font = BaseFont.createFont(path.getFileName().toString(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED,
					BaseFont.NOT_CACHED, bytes, null);
			font.setSubset(true);
			// PDF/A-2 does not need a CIDSet, and OpenPDF's CIDSet for a subset is
			// incomplete.
			font.setIncludeCidSet(false);
			// Each document embeds its own subset (~100-150 KB before compression, mostly
			// the
			// hmtx and loca tables); deflating it at level 6 costs about 3x level 1 for 5
			// % less size.
			font.setCompressionLevel(compressionLevel);
			return font;
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read font " + path
					+ " (install fonts-ipaexfont-mincho, fonts-ipaexfont-gothic, fonts-ipamj-mincho)", e);
		}
		catch (DocumentException e) {
			throw new IllegalStateException("cannot use font " + path, e);
		}
	}

}
