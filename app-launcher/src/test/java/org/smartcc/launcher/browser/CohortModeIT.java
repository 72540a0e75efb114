package org.smartcc.launcher.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;

/**
 * Cohort mode and the set page (docs/cohort-ui.md): a three-record patient set of the dev user, paged through with the
 * wire protocol test app from a deep link opened before sign-in, each move revoking the previous instance's tokens and
 * the position kept over a reload; then the set page grants the background app the set and shows its token loop's
 * progress.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CohortModeIT extends BrowserTestSupport {

    private static final List<String> MEMBERS = List.of(AMY_SHAW, JOSEPH_ROSS, "1098667");

    private static long setId;
    /** The set's records in set order, as the cohort API pages them. */
    private static List<String> records;
    private static String wireApp;
    private static String modeUrl;

    @BeforeAll
    static void aSetOfThreeRecordsOfTheDevUser() {
        logInAsDev();
        awaitSnapshot();
        setId = runPatientSet();
        Map<String, Object> page = browser.fetch("GET", launcher() + "/ui/cohort/patient-sets/" + setId + "/records",
                Map.of(), null);
        assertEquals(200L, page.get("status"), String.valueOf(page.get("body")));
        records = ContainerApi.json((String) page.get("body")).asJsonObject().getJsonArray("records").stream()
                .map(r -> r.asJsonObject().getString("record_id")).toList();
        assertEquals(MEMBERS.stream().sorted().toList(), records.stream().sorted().toList());
        wireApp = env.app("wire-app").id();
        modeUrl = launcher() + "/cohorts/" + setId + "/apps/" + ContainerApi.encode(wireApp);
        browser.clickButton("Log out");
        browser.await(d -> !d.findElements(By.name("j_username")).isEmpty(), "the login page after logout");
    }

    @Test
    @Order(1)
    void aDeepLinkOpenedBeforeSignInLandsInCohortModeOnTheFirstRecord() {
        browser.get(modeUrl);
        browser.logIn(DEV_USER, DEV_USER);

        browser.await(d -> d.getCurrentUrl().equals(modeUrl), "cohort mode's address after sign-in");
        assertShows(1);
    }

    @Test
    @Order(2)
    void nextMovesToTheFollowingRecordsAndRevokesThePreviousInstance() {
        List<String> firstInstance = liveWireTokensFor(records.get(0));
        assertFalse(firstInstance.isEmpty(), "the app on record 1 holds tokens");

        browser.clickButton("Next");
        assertShows(2);
        browser.await(d -> env.api.liveTokens(wireApp).stream().noneMatch(firstInstance::contains),
                "the tokens of the app's instance on record 1 revoked");
        List<String> secondInstance = liveWireTokensFor(records.get(1));

        browser.clickButton("Next");
        assertShows(3);
        browser.await(d -> env.api.liveTokens(wireApp).stream().noneMatch(secondInstance::contains),
                "the tokens of the app's instance on record 2 revoked");
        assertFalse(browser.named("button", "Next").isEnabled(), "no record after the last");
    }

    @Test
    @Order(3)
    void aReloadReturnsToTheSavedPositionAndGoJumpsToARecord() {
        browser.driver().navigate().refresh();
        assertShows(3);

        browser.field("Record number").sendKeys("1");
        browser.clickButton("Go");
        assertShows(1);
        assertFalse(browser.named("button", "Previous").isEnabled(), "no record before the first");
    }

    @Test
    @Order(4)
    void theSetPageGrantsTheBackgroundAppAndShowsItsLoopsProgress() {
        browser.get(launcher() + "/cohorts/" + setId);
        browser.await(d -> d.findElement(By.id("set-size")).getText().equals("3 records"), "the set's size");
        assertEquals(modeUrl, browser.named("a[href]", env.app("wire-app").name()).getAttribute("href"),
                "each app with a user interface links to cohort mode");
        String background = backgroundAppName();
        By item = By.cssSelector("li[data-app-id='" + ContainerApi.backgroundApp() + "']");
        browser.await(d -> d.findElement(item).getText().contains("Not granted"), "the background app not granted");

        browser.clickButton("Grant " + background);
        try {
            browser.await(d -> d.findElement(item).getText().contains("Granted by " + DEV_USER), "the grant shown");
            assertTrue(browser.driver().findElement(item).getText().contains("0 of 3 records handed out"),
                    browser.driver().findElement(item).getText());

            assertEquals(records.stream().sorted().toList(), env.api.walkBackgroundRecords(),
                    "the granted app's loop walks the set's records in id order");

            browser.await(d -> d.findElement(item).getText().contains("3 of 3 records handed out"),
                    "the progress refreshed while the page is open");
        } finally {
            browser.clickButton("Revoke " + background);
        }
        browser.await(d -> d.findElement(item).getText().contains("Not granted"), "the grant revoked");
    }

    /** "Record N of 3", record N's banner, and the wire app showing record N's data. */
    private static void assertShows(int position) {
        String recordId = records.get(position - 1);
        JsonObject banner = env.api.banner(recordId);
        browser.await(d -> d.findElement(By.id("record-position")).getText().equals("Record " + position + " of 3")
                && d.findElement(By.id("patient-name")).getText().equals(banner.getString("full_name")),
                "record " + position + " and its banner");
        String expected = wireAppResult(recordId);
        browser.await(d -> expected.equals(browser.textInFrames(WIRE_RESULT)) ? expected : null,
                "the wire app showing record " + position + ": " + expected);
        browser.driver().switchTo().defaultContent();
    }

    /** The live tokens of the wire app for the record (the instance cohort mode launched on it). */
    private static List<String> liveWireTokensFor(String recordId) {
        List<String> tokens = new ArrayList<>();
        for (JsonValue token : env.api.liveTokenDetails(wireApp)) {
            if (recordId.equals(token.asJsonObject().getString("record_id", null))) {
                tokens.add(token.asJsonObject().getString("token"));
            }
        }
        return tokens;
    }

    private static String backgroundAppName() {
        Map<String, Object> apps = browser.fetch("GET", launcher() + "/ui/apps?mode=background", Map.of(), null);
        assertEquals(200L, apps.get("status"), String.valueOf(apps.get("body")));
        return ContainerApi.json((String) apps.get("body")).asJsonArray().stream().map(JsonValue::asJsonObject)
                .filter(a -> a.getString("id").equals(ContainerApi.backgroundApp())).findFirst()
                .orElseThrow(() -> new AssertionError("the background app is not in " + apps.get("body")))
                .getString("name");
    }

    /** Runs a query for the three members as the signed-in dev user through the launcher; answers the set's id. */
    private static long runPatientSet() {
        StringBuilder items = new StringBuilder();
        for (String member : MEMBERS) {
            items.append(items.length() == 0 ? "" : ", ").append("{\"key\": \"patient:SMART:").append(member)
                    .append("\"}");
        }
        String definition = "{\"definition\": {\"name\": \"cohort mode test\", \"panels\": [{\"items\": [" + items
                + "]}]}, \"results\": [\"PATIENTSET\"]}";
        Map<String, String> headers = Map.of("Content-Type", "application/json", "X-CSRF-Token", csrfToken());
        Map<String, Object> submitted = browser.fetch("POST", launcher() + "/ui/cohort/runs", headers, definition);
        assertEquals(202L, submitted.get("status"), String.valueOf(submitted.get("body")));
        int runId = ContainerApi.json((String) submitted.get("body")).asJsonObject().getInt("id");
        JsonObject run = browser.await(d -> {
            JsonObject now = ContainerApi.json((String) browser.fetch("GET", launcher() + "/ui/cohort/runs/" + runId,
                    Map.of(), null).get("body")).asJsonObject();
            String status = now.getString("status");
            return status.equals("QUEUED") || status.equals("PROCESSING") ? null : now;
        }, "the patient set's run to end");
        assertEquals("FINISHED", run.getString("status"), run.toString());
        return run.getJsonArray("results").getJsonObject(0).getJsonNumber("id").longValue();
    }
}
