package jp.madoguchi.forms;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import java.io.File;
import java.nio.file.Files;
import org.springframework.boot.system.ApplicationHome;

/**
 * Wires the engine; font and template paths are configuration (defaults: the Debian font
 * packages and the repository's {@code templates/} folder).
 */
@Configuration(proxyBeanMethods = false)
class FormsConfiguration {

	/**
	 * Loaded at start-up, so that a broken template or a missing font stops the service
	 * at once.
	 */
	@Bean
	FormsEngine formsEngine(@Value("${madoguchi.forms.templates:templates}") String templates,
			@Value("${madoguchi.forms.fonts.mincho:/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf}") String mincho,
			@Value("${madoguchi.forms.fonts.gothic:/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf}") String gothic,
			@Value("${madoguchi.forms.fonts.mj-mincho:/usr/share/fonts/truetype/ipamj/ipamjm.ttf}") String mjMincho) {
		return FormsEngine.load(templatesFolder(templates),
				new FontFiles(Path.of(mincho), Path.of(gothic), Path.of(mjMincho)));
	}

	/**
	 * A relative folder is looked up in the working directory, then beside the build
	 * directory that holds the jar ({@code target/madoguchi.jar} → {@code templates/}),
	 * so {@code java -jar} works from any directory.
	 */
	static Path templatesFolder(String configured) {
		Path path = Path.of(configured);
		if (path.isAbsolute() || Files.isDirectory(path)) {
			return path;
		}
		File home = new ApplicationHome(FormsConfiguration.class).getDir();
		for (Path candidate : new Path[] { home.toPath().resolve("..").resolve(path), home.toPath().resolve(path) }) {
			if (Files.isDirectory(candidate)) {
				return candidate.normalize();
			}
		}
		return path;
	}

}
