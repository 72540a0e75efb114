package org.smartcc.bench;

import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Cohort mode in a real browser (headless Chromium): the time from pressing "Next" to the app's SMART Connect
 * {@code ready} on the next record, over a patient set, next to the baseline in the same run and browser: launching
 * the same app from the record page of the same records (the gallery's "Launch ..." button to {@code ready}). Both
 * are measured in the page ({@code performance.now()} at the click and when the launcher marks the app's iframe
 * ready), so the figures hold no WebDriver round trips.
 *
 * <p>Arguments: {@code --url http://localhost:8080 [--records 50] [--app med-problems@apps.smartcc.local]
 * [--user dev --password dev] [--chromium /usr/bin/chromium --chromedriver /usr/bin/chromedriver]}. The user needs
 * the researcher role and a data role that sees patient sets. The benchmark makes the set itself: a query of the
 * first N records as {@code patient:} items, run through the launcher's cohort calls.
 */
public final class CohortModeLatencyBenchmark {

    private static final Duration WAIT = Duration.ofMinutes(3);
    /** Notes, in the page, the moment the launcher marks an app's iframe ready (launcher-host.js). */
    private static final String WATCH_READY = """
            window.__ready = window.__ready || [];
            if (!window.__watching) {
              window.__watching = true;
              new MutationObserver((changes) => changes.forEach((c) => {
                if (c.attributeName === 'data-ready' && c.target.getAttribute('data-ready') === 'true') {
                  window.__ready.push(performance.now());
                }
              })).observe(document.body, {subtree: true, attributes: true, attributeFilter: ['data-ready']});
            }""";

    private String url;
    private int records = 50;
    private String app = "med-problems@apps.smartcc.local";
    private String user = "dev";
    private String password = "dev";
    private String chromium = "/usr/bin/chromium";
    private String chromedriver = "/usr/bin/chromedriver";

    public static void main(String[] args) {
        CohortModeLatencyBenchmark bench = new CohortModeLatencyBenchmark();
        try {
            bench.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("cohort-mode-latency: " + e.getMessage());
            System.err.println("usage: cohort-mode-latency --url http://localhost:8080 [--records 50] [--app ID]"
                    + " [--user dev --password dev] [--chromium PATH --chromedriver PATH]");
            System.exit(2);
        }
        bench.run();
        System.exit(0);
    }

    private void parse(String[] args) {
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            String value = args[i + 1];
            switch (args[i]) {
                case "--url" -> url = value.replaceAll("/$", "");
                case "--records" -> records = Integer.parseInt(value);
                case "--app" -> app = value;
                case "--user" -> user = value;
                case "--password" -> password = value;
                case "--chromium" -> chromium = value;
                case "--chromedriver" -> chromedriver = value;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (url == null) {
            throw new IllegalArgumentException("--url is required");
        }
    }

    private void run() {
        ChromeOptions options = new ChromeOptions().setBinary(new File(chromium)).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(chromedriver)).usingAnyFreePort().build();
        WebDriver browser = new ChromeDriver(service, options);
        try {
            signIn(browser);
            List<String> ids = recordIds(browser);
            long setId = makeSet(browser, ids);
            System.out.printf(Locale.ROOT, "patient set %d of %d records, app %s, %s%n", setId, ids.size(), app, url);

            double[] baseline = new double[ids.size()];
            for (int i = 0; i < ids.size(); i++) {
                browser.get(url + "/launcher/record.html?record_id=" + ids.get(i));
                String clickLaunch = "document.querySelector('button[aria-label^=\"Launch \"][aria-label$=\""
                        + appName(browser) + "\"]').click()";
                baseline[i] = timeToReady(browser, "button[aria-label^=\"Launch \"]", clickLaunch);
            }

            browser.get(url + "/launcher/cohorts/" + setId + "/apps/" + app);
            until(browser, "return document.getElementById('record-position').textContent.startsWith('Record ')"
                    + " && !document.getElementById('next').disabled");
            String first = text(browser, "record-position");
            if (!first.startsWith("Record 1 of")) {
                // a saved position from an earlier run: start at 1
                js(browser, "document.getElementById('go-to').value = '1';"
                        + " document.getElementById('go-form').requestSubmit()");
                until(browser, "return document.getElementById('record-position').textContent.startsWith('Record 1 of')"
                        + " && !document.getElementById('next').disabled");
            }
            double[] next = new double[ids.size() - 1];
            for (int i = 0; i < next.length; i++) {
                next[i] = timeToReady(browser, "#next:not([disabled])", "document.getElementById('next').click()");
                String expected = "Record " + (i + 2) + " of " + ids.size();
                until(browser, "return document.getElementById('record-position').textContent === '" + expected
                        + "' && (document.getElementById('next').disabled === false || " + (i + 2) + " === "
                        + ids.size() + ")");
            }

            System.out.printf(Locale.ROOT, "%d cores here, Chromium headless%n",
                    Runtime.getRuntime().availableProcessors());
            System.out.println("| from click to the app's ready | runs | p50 ms | p95 ms | vs baseline p50 |");
            System.out.println("|---|---:|---:|---:|---:|");
            row("record page: Launch (baseline)", baseline, percentile(baseline, 50));
            row("cohort mode: Next", next, percentile(baseline, 50));
        } finally {
            browser.quit();
        }
    }

    private void signIn(WebDriver browser) {
        browser.get(url + "/launcher/");
        browser.findElement(By.id("j_username")).sendKeys(user);
        browser.findElement(By.id("j_password")).sendKeys(password);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        until(browser, "return !location.pathname.endsWith('login.html') && document.readyState === 'complete'");
    }

    @SuppressWarnings("unchecked")
    private List<String> recordIds(WebDriver browser) {
        Map<String, Object> page = (Map<String, Object>) fetch(browser, "GET", "/launcher/ui/records?limit=" + records,
                null);
        List<String> ids = new ArrayList<>();
        for (Object record : (List<Object>) page.get("records")) {
            ids.add((String) ((Map<String, Object>) record).get("record_id"));
        }
        if (ids.size() < 2) {
            throw new IllegalStateException("the container has fewer than 2 records");
        }
        return ids;
    }

    @SuppressWarnings("unchecked")
    private long makeSet(WebDriver browser, List<String> ids) {
        StringBuilder items = new StringBuilder();
        for (String id : ids) {
            items.append(items.length() == 0 ? "" : ", ").append("{\"key\": \"patient:SMART:").append(id).append("\"}");
        }
        String run = "{\"definition\": {\"name\": \"cohort mode benchmark\", \"panels\": [{\"items\": [" + items
                + "]}]}, \"results\": [\"PATIENTSET\"]}";
        Map<String, Object> submitted = (Map<String, Object>) fetch(browser, "POST", "/launcher/ui/cohort/runs", run);
        long runId = ((Number) submitted.get("id")).longValue();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, Object> state = (Map<String, Object>) fetch(browser, "GET", "/launcher/ui/cohort/runs/" + runId,
                    null);
            if ("FINISHED".equals(state.get("status"))) {
                for (Object result : (List<Object>) state.get("results")) {
                    Map<String, Object> r = (Map<String, Object>) result;
                    if ("PATIENTSET".equals(r.get("type"))) {
                        return ((Number) r.get("id")).longValue();
                    }
                }
            }
            if (List.of("ERROR", "CANCELLED", "TIMEDOUT", "INCOMPLETE").contains(state.get("status"))) {
                throw new IllegalStateException("the set's query ended " + state);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("the set's query did not finish in " + WAIT);
    }

    @SuppressWarnings("unchecked")
    private String appName(WebDriver browser) {
        until(browser, "return document.querySelector('button[aria-label^=\"Launch \"]') !== null");
        List<Object> apps = (List<Object>) fetch(browser, "GET", "/launcher/ui/apps", null);
        return apps.stream().map(a -> (Map<String, Object>) a).filter(a -> app.equals(a.get("id")))
                .map(a -> (String) a.get("name")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no enabled app " + app + " in the gallery"));
    }

    /** Waits for {@code readySelector}, then clicks and returns the milliseconds to the next app ready mark. */
    private double timeToReady(WebDriver browser, String readySelector, String click) {
        until(browser, "return document.querySelector('" + readySelector.replace("'", "\\'") + "') !== null");
        js(browser, WATCH_READY + "\nwindow.__before = window.__ready.length; window.__t0 = performance.now();\n"
                + click);
        until(browser, "return window.__ready.length > window.__before");
        return ((Number) js(browser, "return window.__ready[window.__before] - window.__t0")).doubleValue();
    }

    private Object fetch(WebDriver browser, String method, String path, String json) {
        String script = """
                const [method, path, body, done] = arguments;
                (async () => {
                  const session = await (await fetch('/launcher/ui/session')).json();
                  const headers = {'Accept': 'application/json', 'X-CSRF-Token': session.csrf_token};
                  if (body !== null) headers['Content-Type'] = 'application/json';
                  const answer = await fetch(path, {method, headers, body});
                  const text = await answer.text();
                  if (!answer.ok) throw new Error(answer.status + ' ' + text);
                  return JSON.parse(text);
                })().then(done, (e) => done({__error: String(e)}));""";
        browser.manage().timeouts().scriptTimeout(WAIT);
        Object answer = ((JavascriptExecutor) browser).executeAsyncScript(script, method, path, json);
        if (answer instanceof Map<?, ?> map && map.containsKey("__error")) {
            throw new IllegalStateException(method + " " + path + ": " + map.get("__error"));
        }
        return answer;
    }

    private static Object js(WebDriver browser, String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private static String text(WebDriver browser, String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private static void until(WebDriver browser, String condition) {
        new WebDriverWait(browser, WAIT).until(d -> Boolean.TRUE.equals(js(d, condition)));
    }

    private static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static void row(String name, double[] values, double baseline) {
        double p50 = percentile(values, 50);
        System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.2f |%n", name, values.length, p50,
                percentile(values, 95), p50 / baseline);
    }
}
