package jp.madoguchi.errors;

import java.nio.charset.StandardCharsets;

import org.springframework.context.support.ResourceBundleMessageSource;

/** The real catalogue ({@code messages.properties}) without a Spring context. */
public final class TestMessages {

	private TestMessages() {
	}

	public static Messages catalogue() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasename("messages");
		source.setDefaultEncoding(StandardCharsets.UTF_8.name());
		source.setFallbackToSystemLocale(false);
		return new Messages(source);
	}

}
