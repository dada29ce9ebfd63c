package jp.madoguchi.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptException;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium for a test, with explicit waits only (no implicit wait is ever set).
 *
 * <p>
 * The one rule: a click that loads a page goes through {@link #clickAndWaitForNewPage} or
 * {@link #clickAndWaitForUrl}, which wait until the old document is gone (its
 * {@code <html>} element is stale) and the new one is complete, so nothing is ever read
 * from a page that is being replaced. Reading goes through {@link #visible},
 * {@link #present} or {@link #text}, which wait for the element.
 */
public final class Browser implements AutoCloseable {

	/** Generous: a 2-core machine with several builds can be slow to render a page. */
	public static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final ChromeDriver driver;

	private final String base;

	public Browser(ChromeDriver driver, String base) {
		this.driver = driver;
		this.base = base;
	}

	/**
	 * Starts headless Chromium for the service on {@code port}; downloads land in
	 * {@code downloads}.
	 */
	public static Browser start(int port, Path downloads) throws IOException {
		return new Browser(HeadlessChromium.start(downloads), "http://localhost:" + port);
	}

	public ChromeDriver driver() {
		return driver;
	}

	public String base() {
		return base;
	}

	/**
	 * Loads a page of the service ({@code path} starts with /) and waits until it is
	 * complete.
	 */
	public void open(String path) {
		driver.get(base + path);
		waitForCompleteDocument();
	}

	public String url() {
		return driver.getCurrentUrl();
	}

	public String pageSource() {
		return driver.getPageSource();
	}

	public String title() {
		return driver.getTitle();
	}

	/** Waits until the element is displayed. */
	public WebElement visible(By by) {
		return waiting().until(ExpectedConditions.visibilityOfElementLocated(by));
	}

	/**
	 * Waits until the element is in the document (displayed or not, e.g. a file input).
	 */
	public WebElement present(By by) {
		return waiting().until(ExpectedConditions.presenceOfElementLocated(by));
	}

	/** The text of a displayed element. */
	public String text(By by) {
		return visible(by).getText();
	}

	/**
	 * Every element matching {@code by} in the current, complete document, without
	 * waiting for one to appear: an empty list is an answer.
	 */
	public List<WebElement> all(By by) {
		waitForCompleteDocument();
		return driver.findElements(by);
	}

	/** Types into a field. */
	public void type(By by, CharSequence text) {
		present(by).sendKeys(text);
	}

	/**
	 * A click that does not load a page (a download, a field): waits until the element is
	 * clickable first.
	 */
	public void click(By by) {
		waiting().until(ExpectedConditions.elementToBeClickable(by)).click();
	}

	/**
	 * Clicks a link or a submit button and waits for the page it loads: the old
	 * document's {@code <html>} goes stale, then the new document is complete.
	 */
	public void clickAndWaitForNewPage(By by) {
		WebElement oldPage = driver.findElement(By.tagName("html"));
		click(by);
		waitUntilGone(oldPage);
		waitForCompleteDocument();
	}

	/**
	 * Clicks and waits until a new page whose URL passes {@code url} is complete (for a
	 * click that may pass through redirects, e.g. signing in).
	 */
	public void clickAndWaitForUrl(By by, Predicate<String> url) {
		WebElement oldPage = driver.findElement(By.tagName("html"));
		click(by);
		waitUntilGone(oldPage);
		waiting().until(d -> url.test(d.getCurrentUrl()));
		waitForCompleteDocument();
	}

	/** The browser's back button, waiting for the previous page to be complete again. */
	public void back() {
		WebElement oldPage = driver.findElement(By.tagName("html"));
		driver.navigate().back();
		waitUntilGone(oldPage);
		waitForCompleteDocument();
	}

	/**
	 * Signs in through the login page and waits until the browser has left it, on the
	 * complete page it was sent to.
	 */
	public void signIn(String username, String password) {
		open("/login");
		type(By.id("username"), username);
		type(By.id("password"), password);
		clickAndWaitForUrl(By.id("login"), url -> !url.contains("/login"));
	}

	/** Forgets the session: the next page asks to sign in again. */
	public void signOutByForgetting() {
		driver.manage().deleteAllCookies();
	}

	/** The session cookie, for a direct HTTP request with the browser's sign-in. */
	public String sessionCookie() {
		return driver.manage().getCookieNamed("JSESSIONID").getValue();
	}

	public Object script(String script, Object... args) {
		return driver.executeScript(script, args);
	}

	/** Saves a screenshot under target/screenshots. */
	public void screenshot(String name) throws IOException {
		Path dir = Path.of("target", "screenshots");
		Files.createDirectories(dir);
		Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
	}

	/** True when the current page is the service's error page. */
	/**
	 * Waits until an element's text contains {@code fragment}, on a page that may reload
	 * itself meanwhile (e.g. a progress page that refreshes): an element gone with the
	 * old document is looked up again in the new one.
	 */
	public void waitForText(By by, String fragment) {
		waiting().ignoring(StaleElementReferenceException.class)
			.ignoring(NoSuchElementException.class)
			.ignoring(JavascriptException.class)
			.until(d -> d.findElement(by).getText().contains(fragment));
		waitForCompleteDocument();
	}

	public boolean isErrorPage() {
		return all(By.tagName("h1")).stream().anyMatch(h -> h.getText().equals("処理できませんでした"));
	}

	/**
	 * Waits until the old document's element is gone. Chromium answers a query on a node
	 * of a document being replaced either "stale element" or, during the swap, "Node with
	 * given id does not belong to the document": both mean the old page is gone.
	 */
	private void waitUntilGone(WebElement oldPage) {
		waiting().until(d -> {
			try {
				oldPage.isEnabled();
				return false;
			}
			catch (StaleElementReferenceException ex) {
				return true;
			}
			catch (WebDriverException ex) {
				if (ex.getMessage() != null && ex.getMessage().contains("does not belong to the document")) {
					return true;
				}
				throw ex;
			}
		});
	}

	/**
	 * Polls {@code document.readyState}; a script that meets a document being torn down
	 * is asked again.
	 */
	private void waitForCompleteDocument() {
		waiting().ignoring(JavascriptException.class)
			.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
	}

	private WebDriverWait waiting() {
		return new WebDriverWait(driver, TIMEOUT);
	}

	@Override
	public void close() {
		driver.quit();
	}

}
