package jp.madoguchi.forms;

import java.nio.file.Path;

/**
 * Where the fonts are. Defaults are the Debian packages fonts-ipaexfont-mincho,
 * fonts-ipaexfont-gothic and fonts-ipamj-mincho.
 */
public record FontFiles(Path mincho, Path gothic, Path mjMincho) {

	public static FontFiles debianDefaults() {
		return new FontFiles(Path.of("/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf"),
				Path.of("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf"),
				Path.of("/usr/share/fonts/truetype/ipamj/ipamjm.ttf"));
	}
}
