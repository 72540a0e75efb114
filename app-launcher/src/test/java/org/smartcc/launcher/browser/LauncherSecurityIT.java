package org.smartcc.launcher.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;

/**
 * What the launcher keeps from the browser and what it refuses: SMART Connect tokens never reach it, a record-context
 * change and the logout revoke the instances' tokens, an instance reads its own record only, the admin pages want the
 * admin role, and state-changing calls want the CSRF token. Every response the browser receives is recorded by the
 * proxy.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LauncherSecurityIT extends BrowserTestSupport {

    private static final String EXAMPLE_APP = RecordBrowsingIT.EXAMPLE_APP;
    /** Names of the secrets and legacy credentials the launcher keeps to itself unless an app is flagged legacy. */
    private static final List<String> SECRET_NAMES = List.of("connect_secret", "rest_secret", "rest_token",
            "oauth_header", "oauth_token_secret", "smart_oauth_token_secret");

    /** Token values seen live during the current test, checked against everything the browser received. */
    private final List<String> liveTokens = new ArrayList<>();

    @BeforeEach
    void recordAfresh() {
        env.proxy.clear();
    }

    @Test
    @Order(1)
    void openingAnotherRecordRevokesTheInstanceTokens() {
        logInAsDev();
        List<String> earlier = env.api.liveTokens(EXAMPLE_APP);
        String uuid = launchExampleApp(AMY_SHAW);
        List<String> before = newTokens(earlier);
        assertFalse(before.isEmpty(), "the launch made a SMART Connect token");

        browser.get(launcher() + "/");
        browser.field("Search records").sendKeys(env.api.banner(JOSEPH_ROSS).getString("family_name"));
        browser.clickButton("Search");
        browser.clickLink(env.api.banner(JOSEPH_ROSS).getString("full_name"));
        browser.await(d -> d.getCurrentUrl().contains("record_id=" + JOSEPH_ROSS), "the other record");

        browser.await(d -> env.api.liveTokens(EXAMPLE_APP).stream().noneMatch(before::contains),
                "the first record's tokens revoked");
        assertNotEquals(200L, connectCall(uuid, "records/" + AMY_SHAW + "/demographics").get("status"));
        assertNothingSecretReachedTheBrowser();
    }

    @Test
    @Order(2)
    void anInstanceReadsItsOwnRecordOnly() {
        logInAsDev();
        String uuid = launchExampleApp(AMY_SHAW);
        liveTokens.addAll(env.api.liveTokens(EXAMPLE_APP));

        assertEquals(200L, connectCall(uuid, "records/" + AMY_SHAW + "/demographics").get("status"));
        assertEquals(403L, connectCall(uuid, "records/" + JOSEPH_ROSS + "/demographics").get("status"));
        assertNothingSecretReachedTheBrowser();
    }

    @Test
    @Order(3)
    void aStateChangingCallWithoutTheCsrfTokenIsRefused() {
        logInAsDev();
        String launch = "{\"app_id\": \"" + EXAMPLE_APP + "\", \"record_id\": \"" + AMY_SHAW + "\"}";

        Map<String, Object> without = browser.fetch("POST", launcher() + "/ui/launches",
                Map.of("Content-Type", "application/json"), launch);
        Map<String, Object> with = browser.fetch("POST", launcher() + "/ui/launches",
                Map.of("Content-Type", "application/json", "X-CSRF-Token", csrfToken()), launch);

        assertEquals(403L, without.get("status"), String.valueOf(without));
        assertEquals(200L, with.get("status"), String.valueOf(with));
        liveTokens.addAll(env.api.liveTokens(EXAMPLE_APP));
        assertNothingSecretReachedTheBrowser();
    }

    @Test
    @Order(4)
    void loggingOutRevokesTheInstanceTokens() {
        logInAsDev();
        List<String> earlier = env.api.liveTokens(EXAMPLE_APP);
        String uuid = launchExampleApp(JOSEPH_ROSS);
        List<String> before = newTokens(earlier);
        assertFalse(before.isEmpty(), "the launch made a SMART Connect token");

        browser.clickButton("Log out");
        browser.await(d -> !d.findElements(By.name("j_username")).isEmpty(), "the login page after logging out");

        assertTrue(env.api.liveTokens(EXAMPLE_APP).stream().noneMatch(before::contains),
                "the session's tokens are revoked");
        Map<String, Object> afterLogout = connectCall(uuid, "records/" + JOSEPH_ROSS + "/demographics");
        assertFalse(afterLogout.get("status").equals(200L) && ((String) afterLogout.get("body")).contains("rdf"),
                "no record through the old instance: " + afterLogout);
        assertNothingSecretReachedTheBrowser();
    }

    @Test
    @Order(5)
    void aUserWithoutTheAdminRoleIsRefusedTheAdminPagesAndCalls() {
        env.api.putUser("nurse-it", "{\"given_name\": \"Nora\", \"family_name\": \"Nurse\", "
                + "\"password\": \"nurse-it-password\", \"roles\": [\"clinician\"]}");
        browser.get(launcher() + "/");
        if (browser.driver().findElements(By.name("j_username")).isEmpty()) {
            browser.clickButton("Log out");
        }
        browser.logIn("nurse-it", "nurse-it-password");
        browser.field("Search records");

        assertEquals(403L, browser.fetch("GET", launcher() + "/admin/", Map.of(), null).get("status"));
        assertEquals(403L, browser.fetch("GET", launcher() + "/ui/admin/apps", Map.of(), null).get("status"));
        browser.clickButton("Log out");
        browser.await(d -> !d.findElements(By.name("j_username")).isEmpty(), "the login page after logging out");
    }

    @Test
    @Order(6)
    void anAppFlaggedForTheLegacyLaunchGetsItsCredentialsInTheBrowser() {
        TestEnvironment.App rest = env.app(RestApp.DIRECTORY);
        env.api.patchApp(rest.id(), "{\"legacy_launch\": true}");
        try {
            logInAsDev();
            browser.get(launcher() + "/record.html?record_id=" + AMY_SHAW + "&app=" + ContainerApi.encode(rest.id()));
            String launch = browser.await(d -> env.proxy.exchanges().stream()
                    .filter(e -> e.method().equals("POST") && e.url().endsWith("/launcher/ui/launches"))
                    .map(RecordingProxy.Exchange::body).findFirst().orElse(null), "the app's launch");
            assertTrue(launch.contains("\"credentials\"") && launch.contains("oauth_header"), launch);
        } finally {
            env.api.patchApp(rest.id(), "{\"legacy_launch\": false}");
        }
    }

    /** Launches the example app on the record by the record page's {@code app=} and answers the instance's uuid. */
    private static String launchExampleApp(String recordId) {
        browser.get(launcher() + "/record.html?record_id=" + recordId + "&app=" + ContainerApi.encode(EXAMPLE_APP));
        browser.textInFrames(By.id("patient-name"));
        browser.driver().switchTo().defaultContent();
        return env.proxy.exchanges().stream()
                .filter(e -> e.method().equals("POST") && e.url().endsWith("/launcher/ui/launches") && e.status() < 300)
                .map(e -> ContainerApi.json(e.body()).asJsonObject().getString("uuid"))
                .reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("no launch of the example app went through the proxy"));
    }

    /**
     * The example app's live tokens that were not live before (other test classes' sessions may still hold theirs);
     * remembered for the check that none reached the browser.
     */
    private List<String> newTokens(List<String> earlier) {
        List<String> added = env.api.liveTokens(EXAMPLE_APP).stream().filter(t -> !earlier.contains(t)).toList();
        liveTokens.addAll(added);
        return added;
    }

    /** An app's call through the launcher's SMART Connect proxy, made from the launcher's page. */
    private static Map<String, Object> connectCall(String uuid, String func) {
        return browser.fetch("GET", launcher() + "/ui/connect/" + uuid + "/" + func, Map.of(), null);
    }

    /** No SMART Connect token value and no secret's name in any response the browser received during the test. */
    private void assertNothingSecretReachedTheBrowser() {
        liveTokens.addAll(env.api.allLiveTokens());
        List<RecordingProxy.Exchange> received = env.proxy.exchanges();
        assertFalse(received.isEmpty(), "the browser's responses went through the recording proxy");
        for (RecordingProxy.Exchange exchange : received) {
            String text = exchange.text();
            for (String token : liveTokens) {
                assertFalse(text.contains(token), "a live token reached the browser in " + exchange.url());
            }
            for (String name : SECRET_NAMES) {
                assertFalse(text.contains(name), name + " reached the browser in " + exchange.url());
            }
        }
    }
}
