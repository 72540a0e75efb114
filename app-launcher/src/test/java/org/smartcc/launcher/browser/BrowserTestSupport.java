package org.smartcc.launcher.browser;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;

/**
 * One browser per test class against the shared {@link TestEnvironment}, and the steps users take in the launcher.
 * Test methods of a class share the browser (and its session) and run in the order their class declares.
 */
abstract class BrowserTestSupport {

    /** The development user of the dev profile, with all three roles (docs/launcher.md). */
    static final String DEV_USER = "dev";
    /** Amy Shaw and Joseph Ross of the generated sample patients (shared/smart-data/patients/generated/INDEX.csv). */
    static final String AMY_SHAW = "1032702";
    static final String JOSEPH_ROSS = "1081332";

    /** Where the wire protocol test app shows what it read, once it has. */
    static final By WIRE_RESULT = By.cssSelector("#result:not([data-state=pending])");

    /** How long a new server may take to write its first snapshot. */
    static final Duration SNAPSHOT_WAIT = Duration.ofMinutes(3);

    static TestEnvironment env;
    static Browser browser;

    @BeforeAll
    static void openBrowser() {
        env = TestEnvironment.get();
        browser = Browser.open(env.proxy);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    static String launcher() {
        return env.server.launcher();
    }

    /** Opens the launcher and logs in as the dev user unless a session is already there. */
    static void logInAsDev() {
        browser.get(launcher() + "/");
        if (!browser.driver().findElements(By.name("j_username")).isEmpty()) {
            browser.logIn(DEV_USER, DEV_USER);
        }
        browser.field("Search records");
    }

    /** The launcher's CSRF token for the browser's session ({@code GET /ui/session}), from a launcher page. */
    static String csrfToken() {
        Map<String, Object> session = browser.fetch("GET", launcher() + "/ui/session", Map.of(), null);
        return ContainerApi.json((String) session.get("body")).asJsonObject().getString("csrf_token");
    }

    /** Opens a record's page and launches an app from the gallery. */
    static void launchFromGallery(String recordId, String appName) {
        browser.get(launcher() + "/record.html?record_id=" + recordId);
        browser.clickButton("Launch " + appName);
    }

    /** What the wire protocol test app shows for a record: "family name: n medications", as the API has them. */
    static String wireAppResult(String recordId) {
        int medications = RdfAnswer.countOfType(env.api.recordRead(recordId, "/medications/"), RdfAnswer.MEDICATION);
        return env.api.banner(recordId).getString("family_name") + ": " + medications + " medications";
    }

    /**
     * The cohort calls answer 503 NO_SNAPSHOT until the server has written its first snapshot, a few seconds after it
     * is ready (and the first concepts call then counts the tree): waits, signed in, for the top of the tree.
     */
    static void awaitSnapshot() {
        browser.await(d -> {
            Map<String, Object> answer = browser.fetch("GET", launcher() + "/ui/cohort/concepts",
                    Map.of("Accept", "application/json"), null);
            return ((Number) answer.get("status")).intValue() != 503;
        }, "the first snapshot (the cohort calls answer 503 NO_SNAPSHOT before it)", SNAPSHOT_WAIT);
    }
}
