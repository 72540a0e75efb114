package org.smartcc.launcher.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * i2b2's own web client 1.8.1a (the shared release, unchanged but for its domain list) against the container's i2b2
 * cells: served from a static server of this test on another origin, calling the cells directly (no proxy, so with
 * CORS), it logs in as i2b2's demo user, opens Demographics in the tree, drops the Gender folder into a query group,
 * runs it with the patient count and the gender breakdown and reads both, and finds the query among the previous
 * queries. Any alert, confirm or script error of the client fails the test.
 */
class I2b2WebClientIT extends BrowserTestSupport {

    /** Records the client's alerts, confirms and script errors, before any of its own scripts runs. */
    private static final String WATCH = """
            window.__i2b2Problems = [];
            window.alert = m => window.__i2b2Problems.push('alert: ' + m);
            window.confirm = m => { window.__i2b2Problems.push('confirm: ' + m); return false; };
            window.addEventListener('error', e => window.__i2b2Problems.push('script error: ' + e.message
                + ' at ' + e.filename + ':' + e.lineno));
            window.addEventListener('unhandledrejection', e => window.__i2b2Problems.push('rejection: ' + e.reason));
            window.__i2b2Console = [];
            const consoleError = console.error;
            console.error = (...args) => { window.__i2b2Console.push(args.map(String).join(' ')); consoleError(...args); };
            """;

    /** A native HTML5 drag and drop, as the client's handlers expect it: one DataTransfer from dragstart to drop. */
    private static final String DRAG_AND_DROP = """
            const [source, target] = arguments;
            const data = new DataTransfer();
            const fire = (element, type) => element.dispatchEvent(new DragEvent(type, {bubbles: true,
                cancelable: true, dataTransfer: data}));
            fire(source, 'dragstart');
            fire(target, 'dragenter');
            fire(target, 'dragover');
            fire(target, 'drop');
            fire(source, 'dragend');
            """;

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration RUN_WAIT = Duration.ofMinutes(3);

    private static HttpServer staticServer;

    @BeforeAll
    static void serveTheWebClient() throws Exception {
        Path root = unpack();
        staticServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        staticServer.createContext("/", exchange -> {
            Path file = root.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
            if (file.startsWith(root) && Files.isDirectory(file)) {
                file = file.resolve("index.html");
            }
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            byte[] body = Files.readAllBytes(file);
            exchange.getResponseHeaders().set("Content-Type", contentType(file.getFileName().toString()));
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        staticServer.start();
        Files.writeString(root.resolve("i2b2_config_domains.json"), """
                {"urlProxy": "", "urlFramework": "js-i2b2/", "loginTimeout": 15, "lstDomains": [
                  {"domain": "i2b2demo", "name": "SMART Cohort Container", "urlCellPM": "%s/i2b2/services/PMService/",
                   "allowAnalysis": true, "debug": false}]}
                """.formatted(env.server.base()));
        browser.block(List.of("*cdn.jsdelivr.net*"));
        browser.beforeEveryPage(WATCH);
    }

    @AfterAll
    static void stopServing() {
        if (staticServer != null) {
            staticServer.stop(0);
        }
    }

    @Test
    void theStockWebClientLogsInRunsAQueryWithAGenderBreakdownAndListsIt() {
        // the ontology cell answers NO_SNAPSHOT until the new server has written its first one
        browser.await(d -> env.api.hasSnapshot(), "the first snapshot", SNAPSHOT_WAIT);
        browser.get("http://127.0.0.1:" + staticServer.getAddress().getPort() + "/index.html");
        // the form is ready once its domains are listed; the client fills in its default login then, so clear it
        browser.await(d -> d.findElement(By.cssSelector("#PM-login-modal #logindomain option")), "the login form");
        for (String[] field : new String[][] {{"loginusr", "demo"}, {"loginpass", "demouser"}}) {
            WebElement input = browser.driver().findElement(By.id(field[0]));
            input.clear();
            input.sendKeys(field[1]);
        }
        browser.driver().findElement(By.cssSelector("#PM-login-modal button.login-button")).click();
        noProblems();

        WebElement smart = treeItem("SMART");
        expand(smart);
        expand(treeItem("Demographics"));
        WebElement gender = treeItem("Gender");
        noProblems();

        WebElement group = await(d -> d.findElement(By.cssSelector(
                ".CRC_QT_query .QueryGroup .event .i2b2DropTarget")), "the first query group", WAIT);
        js().executeScript(DRAG_AND_DROP, gender, group);
        await(d -> d.findElement(By.cssSelector(".CRC_QT_query .QueryGroup")).getText().contains("Gender"),
                "Gender in the query group", WAIT);
        noProblems();

        browser.driver().findElement(By.cssSelector(".CRC_QT_runbar .button-run")).click();
        WebElement breakdown = await(d -> d.findElement(By.cssSelector(
                "#crcModal .chkQueryType[value=PATIENT_GENDER_COUNT_XML]")), "the run dialog's result types", WAIT);
        assertTrue(browser.driver().findElement(By.cssSelector("#crcModal .chkQueryType[value=PATIENT_COUNT_XML]"))
                .isSelected(), "the patient count is chosen by default");
        if (!breakdown.isSelected()) {
            js().executeScript("arguments[0].click();", breakdown);
        }
        browser.await(d -> d.findElement(By.cssSelector("#crcModal button.i2b2-save")).isDisplayed(), "Run");
        browser.driver().findElement(By.cssSelector("#crcModal button.i2b2-save")).click();

        await(d -> d.findElement(By.cssSelector("#infoQueryStatus .status-finished")), "the finished run",
                RUN_WAIT);
        Map<String, String> values = await(d -> {
            Map<String, String> found = breakdownValues();
            return found.containsKey("patient_count") && found.containsKey("F") ? found : null;
        }, "the patient count and the gender breakdown", WAIT);
        noProblems();
        long count = Long.parseLong(values.get("patient_count"));
        assertTrue(count > 0, values.toString());
        long genders = values.entrySet().stream().filter(e -> !e.getKey().equals("patient_count"))
                .mapToLong(e -> Long.parseLong(e.getValue())).sum();
        assertEquals(count, genders, "the demo user sees exact counts: the genders add up to the count " + values);

        // the client reloads its list 500 ms after it sends a run, and the container saves the query before it plans
        // the run (docs/i2b2-cells.md); reload once more, as the list's "Refresh All" does, so that a slow first
        // request of a cold server does not fail the check of the list itself
        js().executeScript("i2b2.CRC.view.history.doRefreshAll();");
        String history = await(d -> {
            String text = d.findElement(By.id("i2b2TreeviewQueryHistory")).getText();
            return text.contains("Gender") ? text : null;
        }, "the query among the previous queries", WAIT);
        assertTrue(history.contains("[demo]"), history);
        noProblems();
    }

    /** The tree item of that name in the ontology tree, once shown. */
    private static WebElement treeItem(String name) {
        return await(d -> d.findElements(By.cssSelector("#i2b2TreeviewOntNav li.list-group-item")).stream()
                .filter(li -> li.getText().trim().startsWith(name)).findFirst().orElse(null), "\"" + name
                + "\" in the ontology tree", Duration.ofSeconds(30));
    }

    /**
     * Waits as {@link Browser#await}, failing at once on an alert or script error of the client, and naming what the
     * client logged as errors and what the cells answered when the wait ends without the condition.
     */
    private static <T> T await(Function<WebDriver, T> condition, String what,
                               Duration wait) {
        try {
            return browser.await(d -> {
                noProblems();
                return condition.apply(d);
            }, what, wait);
        } catch (AssertionError e) {
            String cells = env.proxy.exchanges().stream().filter(x -> x.url().contains("/i2b2/services/"))
                    .map(x -> x.method() + " " + x.url() + " " + x.status() + " " + x.headers() + "\n" + x.body())
                    .collect(Collectors.joining("\n"));
            throw new AssertionError(e.getMessage() + "\nthe client's console errors: " + js().executeScript(
                    "return window.__i2b2Console || [];") + "\nthe cells' answers:\n" + cells, e);
        }
    }

    private static void expand(WebElement item) {
        js().executeScript("arguments[0].querySelector('.expand-icon').click();", item);
    }

    /** Each breakdown row of the report: its name and the value shown. */
    private static Map<String, String> breakdownValues() {
        Map<String, String> values = new LinkedHashMap<>();
        for (WebElement cell : browser.driver().findElements(By.cssSelector("#infoQueryReport .breakdownValue"))) {
            String name = cell.findElement(By.xpath("preceding-sibling::td")).getText().trim();
            values.put(name, cell.getText().trim());
        }
        return values;
    }

    private static void noProblems() {
        assertEquals(List.of(), js().executeScript("return window.__i2b2Problems || [];"),
                "alerts, confirms or script errors of the web client");
    }

    private static JavascriptExecutor js() {
        return (JavascriptExecutor) browser.driver();
    }

    /** The shared release, unpacked under target (again for every run, so that its domain list starts as shipped). */
    private static Path unpack() throws IOException, InterruptedException {
        Path archive = Path.of(ContainerServer.property("smartcc.shared.dir"), "clients",
                "i2b2-webclient-1.8.1a.tar.xz");
        Path target = Path.of(ContainerServer.property("it.log")).getParent().resolveSibling("i2b2-webclient-it");
        Files.createDirectories(target);
        Process tar = new ProcessBuilder("tar", "-xJf", archive.toString(), "-C", target.toString())
                .redirectErrorStream(true).start();
        String output = new String(tar.getInputStream().readAllBytes());
        if (!tar.waitFor(2, TimeUnit.MINUTES) || tar.exitValue() != 0) {
            throw new UncheckedIOException(new IOException("could not unpack " + archive + ": " + output));
        }
        return target.resolve("i2b2-webclient").toRealPath();
    }

    private static String contentType(String name) {
        String extension = name.substring(name.lastIndexOf('.') + 1);
        return switch (extension) {
            case "html" -> "text/html; charset=UTF-8";
            case "js" -> "text/javascript; charset=UTF-8";
            case "css" -> "text/css; charset=UTF-8";
            case "json" -> "application/json";
            case "xml" -> "application/xml";
            case "svg" -> "image/svg+xml";
            case "png" -> "image/png";
            case "gif" -> "image/gif";
            case "woff2" -> "font/woff2";
            default -> "application/octet-stream";
        };
    }
}
