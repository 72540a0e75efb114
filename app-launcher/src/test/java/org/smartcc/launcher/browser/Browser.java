package org.smartcc.launcher.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium (Debian's chromium and chromium-driver, no Selenium Manager download) with a fresh profile,
 * sending everything through the {@link RecordingProxy}, and the ways a user finds things on a page: by accessible
 * name (label, aria-label, text) rather than by CSS class.
 */
final class Browser implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(30);

    /**
     * An element's accessible name, as far as these pages need it: aria-label, aria-labelledby, a label for it or
     * around it, then its text, value, placeholder or title.
     */
    private static final String ACCESSIBLE_NAME = """
            function accessibleName(e) {
              const t = s => (s || '').replace(/\\s+/g, ' ').trim();
              if (e.getAttribute('aria-label')) return t(e.getAttribute('aria-label'));
              if (e.getAttribute('aria-labelledby')) return t(e.getAttribute('aria-labelledby').split(/\\s+/)
                  .map(id => document.getElementById(id)).filter(x => x).map(x => x.textContent).join(' '));
              if (e.labels && e.labels.length) return t(Array.from(e.labels).map(l => l.textContent).join(' '));
              if (e.tagName === 'INPUT' && ['submit', 'button'].includes(e.type)) return t(e.value);
              if (!['INPUT', 'SELECT', 'TEXTAREA'].includes(e.tagName) && t(e.textContent)) return t(e.textContent);
              return t(e.getAttribute('placeholder') || e.getAttribute('title') || e.getAttribute('alt'));
            }
            """;

    private static final String BUTTONS = "button, [role=button], input[type=submit], input[type=button]";

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    static Browser open(RecordingProxy proxy) {
        File chromium = new File(ContainerServer.property("it.chromium"));
        File chromedriver = new File(ContainerServer.property("it.chromedriver"));
        if (!chromium.canExecute() || !chromedriver.canExecute()) {
            throw new IllegalStateException("the browser tests need " + chromium + " and " + chromedriver
                    + ": install the Debian packages chromium and chromium-driver (apt-get install chromium"
                    + " chromium-driver)");
        }
        try {
            Path profile = Files.createTempDirectory("smartcc-chromium-");
            ChromeOptions options = new ChromeOptions().setBinary(chromium).addArguments("--headless=new",
                    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run",
                    "--user-data-dir=" + profile, "--window-size=1280,1600",
                    "--proxy-server=http://127.0.0.1:" + proxy.port(), "--proxy-bypass-list=<-loopback>");
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver)
                    .usingAnyFreePort().build();
            return new Browser(new ChromeDriver(service, options), profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    WebDriver driver() {
        return driver;
    }

    /** Runs the script in every page and frame the browser loads from now on, before the page's own scripts. */
    void beforeEveryPage(String script) {
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", script));
    }

    /** Makes requests to matching URLs ({@code *} as a wildcard) fail at once, as if the network were down. */
    void block(List<String> urlPatterns) {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", urlPatterns));
    }

    void get(String url) {
        driver.switchTo().defaultContent();
        driver.get(url);
    }

    /** Fills and sends the launcher's login form, which must be shown. */
    void logIn(String user, String password) {
        WebElement name = await(d -> d.findElement(By.name("j_username")));
        name.clear();
        name.sendKeys(user);
        WebElement secret = driver.findElement(By.name("j_password"));
        secret.clear();
        secret.sendKeys(password);
        secret.submit();
    }

    /**
     * The first visible element among {@code css} whose accessible name is {@code name}, waiting for it, scrolled to
     * the middle of the window (a long gallery puts it below the fold, where a click would land elsewhere).
     */
    WebElement named(String css, String name) {
        return await(d -> {
            @SuppressWarnings("unchecked")
            List<WebElement> found = (List<WebElement>) ((JavascriptExecutor) d).executeScript(ACCESSIBLE_NAME
                    + "const found = Array.from(document.querySelectorAll(arguments[0]))"
                    + ".filter(e => e.getClientRects().length && accessibleName(e) === arguments[1]);"
                    + "if (found.length) found[0].scrollIntoView({block: 'center'});"
                    + "return found;", css, name);
            return found.isEmpty() ? null : found.get(0);
        }, "an element " + css + " named \"" + name + "\"");
    }

    /** Clicks the button of that name once it can be clicked. */
    void clickButton(String name) {
        click(BUTTONS, name);
    }

    /** Clicks the link of that name once it can be clicked. */
    void clickLink(String name) {
        click("a[href], [role=link]", name);
    }

    /**
     * Clicks the element as a user would; where headless Chromium cannot scroll a long page's element (the gallery's
     * last apps) to a point that takes the click, the element gets the click event directly. An element that a page
     * re-renders between finding and clicking (a list replaced by search results) is found again.
     */
    private void click(String css, String name) {
        await(d -> {
            WebElement element = named(css, name);
            try {
                element.click();
            } catch (ElementClickInterceptedException e) {
                driver.executeScript("arguments[0].click();", element);
            }
            return true;
        }, "a click on the element " + css + " named \"" + name + "\"");
    }

    WebElement field(String name) {
        return named("input, select, textarea, [role=searchbox], [role=textbox]", name);
    }

    /** Waits until the condition gives a value other than null or false; fails naming what was awaited. */
    <T> T await(Function<WebDriver, T> condition, String what) {
        return await(condition, what, WAIT);
    }

    /** As {@link #await(Function, String)}, for something slower than a page (the first snapshot of a new server). */
    <T> T await(Function<WebDriver, T> condition, String what, Duration wait) {
        try {
            return new WebDriverWait(driver, wait).ignoring(NoSuchElementException.class)
                    .ignoring(StaleElementReferenceException.class).until(condition::apply);
        } catch (TimeoutException e) {
            throw new AssertionError("waited " + wait.toSeconds() + " s for " + what + " on " + driver.getCurrentUrl()
                    + "; the page shows: " + bodyText() + " (screenshot and page: " + keepPage() + ")", e);
        }
    }

    <T> T await(Function<WebDriver, T> condition) {
        return await(condition, "the page");
    }

    /**
     * Waits for a non-empty text in the first element matching {@code by} in a frame of the page, at any depth (the
     * page itself is not searched: the launcher's banner and an app may use the same ids).
     */
    String textInFrames(By by) {
        return await(d -> {
            driver.switchTo().defaultContent();
            String text = textBelow(by, 0);
            return text == null || text.isBlank() ? null : text;
        }, by + " with text in a frame");
    }

    /** Switches into the frame of the page (at any depth) whose document has an element matching {@code by}. */
    void switchToFrameWith(By by) {
        await(d -> {
            driver.switchTo().defaultContent();
            return textBelow(by, 0) != null;
        }, "a frame with " + by);
    }

    private String textBelow(By by, int depth) {
        List<WebElement> here = depth == 0 ? List.of() : driver.findElements(by);
        if (!here.isEmpty()) {
            return here.get(0).getText();
        }
        if (depth == 4) {
            return null;
        }
        int frames = driver.findElements(By.cssSelector("iframe, frame")).size();
        for (int i = 0; i < frames; i++) {
            driver.switchTo().frame(i);
            String text = textBelow(by, depth + 1);
            if (text != null) {
                return text;
            }
            driver.switchTo().parentFrame();
        }
        return null;
    }

    /**
     * A same-origin request from the current page with the browser's cookies, as the launcher's own scripts make it;
     * answers status and body.
     */
    Map<String, Object> fetch(String method, String path, Map<String, String> headers, String body) {
        @SuppressWarnings("unchecked")
        Map<String, Object> answer = (Map<String, Object>) driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[1], {method: arguments[0], headers: arguments[2], body: arguments[3],
                                     credentials: 'same-origin', redirect: 'manual'})
                  .then(r => r.text().then(t => done({status: r.status, body: t})))
                  .catch(e => done({status: -1, body: String(e)}));
                """, method, path, headers, body);
        return answer;
    }

    /** Keeps a screenshot and the source of the page as it is, under target, for a failure; answers where. */
    private Path keepPage() {
        Path folder = Path.of(ContainerServer.property("it.log")).resolveSibling("browser-failures");
        String name = "page-" + System.currentTimeMillis();
        try {
            Files.createDirectories(folder);
            driver.switchTo().defaultContent();
            Files.write(folder.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
            Files.writeString(folder.resolve(name + ".html"), driver.getPageSource());
        } catch (IOException | RuntimeException e) {
            return folder.resolve(name + " (not kept: " + e.getMessage() + ")");
        }
        return folder.resolve(name + ".*");
    }

    String bodyText() {
        try {
            return driver.findElement(By.tagName("body")).getText();
        } catch (RuntimeException e) {
            return "(no page: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a leftover profile folder in the temporary directory harms nothing
            }
        }
    }
}
