package jp.madoguchi.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import java.util.Map;

/**
 * Debian's Chromium and chromedriver, headless, sized like a counter PC (1366×768).
 * Selenium is pointed at both binaries so it never tries to download a browser. Missing
 * binaries skip the class (fail it in CI). Tests drive it through {@link Browser}, which
 * waits explicitly; no implicit wait is set.
 */
public final class HeadlessChromium implements ExecutionCondition {

	private static final Path CHROMIUM = Path
		.of(System.getenv().getOrDefault("MADOGUCHI_CHROMIUM", "/usr/bin/chromium"));

	private static final Path DRIVER = Path
		.of(System.getenv().getOrDefault("MADOGUCHI_CHROMEDRIVER", "/usr/bin/chromedriver"));

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER)) {
			return ConditionEvaluationResult.enabled("Chromium at " + CHROMIUM);
		}
		String why = "Chromium (" + CHROMIUM + ") or chromedriver (" + DRIVER + ") is not installed";
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			throw new IllegalStateException("Browser tests must run in CI, but " + why);
		}
		System.out.println("*** SKIPPED browser tests: " + why + " (./test.sh installs them)");
		return ConditionEvaluationResult.disabled(why);
	}

	/**
	 * Signs in through the login page and waits until the browser is on the complete page
	 * it was sent to. Prefer {@link Browser#signIn}.
	 */
	public static void signIn(ChromeDriver browser, String base, String username, String password) {
		new Browser(browser, base).signIn(username, password);
	}

	public static ChromeDriver start(Path downloads) throws IOException {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=1366,768", "--lang=ja",
				"--user-data-dir=" + Files.createTempDirectory("madoguchi-chromium"));
		options.setExperimentalOption("prefs",
				Map.of("download.default_directory", downloads.toString(), "download.prompt_for_download", false));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
			.usingAnyFreePort()
			.build();
		// No implicit wait: every test waits explicitly through Browser.
		return new ChromeDriver(service, options);
	}

}
