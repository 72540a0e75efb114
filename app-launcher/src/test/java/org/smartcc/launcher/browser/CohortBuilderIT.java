package org.smartcc.launcher.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The cohort builder (docs/cohort-ui.md, "Builder details") as the dev user, who sees exact counts: the concept tree
 * and its search against the launcher's cohort calls, a two-panel query built and run in the page against the same
 * definition run through those calls, and the query among the saved queries (rename, i2b2 XML).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CohortBuilderIT extends BrowserTestSupport {

    private static final String PROBLEMS = "\\SMART\\Problems\\";
    private static final String MEDICATIONS = "\\SMART\\Medications\\";
    private static final String SEARCHED = "glucose";

    /** The query of the second test, which the third finds among the saved queries. */
    private static final String QUERY_NAME = "Problems and medications " + System.nanoTime();

    @Test
    @Order(1)
    void theTreeExpandsFoldersWithCountsAndItsSearchFindsTheApisMatches() {
        logInAsDev();
        awaitSnapshot();
        browser.clickLink("Cohorts");
        browser.await(d -> d.getCurrentUrl().endsWith("/cohort.html"), "the cohort builder");

        browser.clickButton("Expand SMART");
        JsonObject medications = node(children("\\SMART\\"), MEDICATIONS);
        assertEquals(medications.getJsonObject("patients").getString("display"),
                rowCount(treeItem(MEDICATIONS)), "the Medications folder shows the API's count");
        browser.clickButton("Expand " + medications.getString("name"));
        JsonArray drugs = children(MEDICATIONS);
        assertFalse(drugs.isEmpty(), "the sample patients have medications");
        JsonObject firstDrug = drugs.getJsonObject(0);
        assertEquals(firstDrug.getJsonObject("patients").getString("display"),
                rowCount(treeItem(firstDrug.getString("path"))), firstDrug.toString());

        browser.field("Search concepts").sendKeys(SEARCHED);
        browser.clickButton("Search concepts");
        JsonArray found = ui("GET", "cohort/concepts/search?limit=50&q=" + SEARCHED, null).asJsonArray();
        assertFalse(found.isEmpty(), "the sample patients have " + SEARCHED + " results");
        String shown = browser.await(d -> {
            String text = d.findElement(By.id("search-results")).getText();
            return text.contains(found.getJsonObject(0).getString("name")) ? text : null;
        }, "the search's matches");
        found.forEach(n -> assertTrue(shown.contains(n.asJsonObject().getString("name")), n + " in " + shown));
    }

    @Test
    @Order(2)
    void aTwoPanelQueryBuiltInThePageCountsWhatTheApiCountsForTheSameDefinition() {
        openBuilder();
        browser.clickButton("Expand SMART");
        browser.clickButton("Add Problems to panel 1");
        browser.clickButton("Add panel");
        browser.clickButton("Add Medications to panel 2");
        assertEquals(List.of("Problems"), panelConcepts(1));
        assertEquals(List.of("Medications"), panelConcepts(2));
        WebElement name = browser.field("Query name");
        name.clear();
        name.sendKeys(QUERY_NAME);
        browser.clickButton("Run query");

        String shown = browser.await(d -> {
            String text = d.findElement(By.id("run-count")).getText();
            return text.isBlank() ? null : text;
        }, "the run's count in #run-count");
        JsonObject definition = Json.createObjectBuilder().add("name", "the same, through the launcher's API")
                .add("panels", Json.createArrayBuilder()
                        .add(panel(1, PROBLEMS)).add(panel(2, MEDICATIONS)))
                .build();
        JsonObject run = finishedRun(ui("POST", "cohort/runs", Json.createObjectBuilder()
                .add("definition", definition)
                .add("results", Json.createArrayBuilder().add("PATIENT_COUNT_XML")).build().toString())
                .asJsonObject());
        JsonObject count = run.getJsonArray("results").getJsonObject(0).getJsonObject("count");
        assertEquals("EXACT", count.getString("method"), "the dev user sees exact counts: " + run);
        assertEquals(count.getString("display"), shown);
        assertTrue(count.getInt("value") > 0, "problems and medications together: " + run);
    }

    @Test
    @Order(3)
    void theQueryIsAmongTheSavedQueriesWhereItIsRenamedAndShownAsI2b2Xml() {
        openBuilder();
        browser.named("td", QUERY_NAME);
        String renamed = QUERY_NAME + " (renamed)";
        browser.clickButton("Rename " + QUERY_NAME);
        WebElement field = browser.field("New name of " + QUERY_NAME);
        field.clear();
        field.sendKeys(renamed);
        browser.clickButton("Save name");
        browser.named("td", renamed);
        assertTrue(browser.driver().findElements(By.xpath("//td[text()='" + QUERY_NAME + "']")).isEmpty(),
                "the old name is gone");
        WebElement setLink = browser.named("a[href]", "Open set of " + renamed);
        assertTrue(setLink.getAttribute("href").matches(".*/launcher/cohorts/\\d+"), setLink.getAttribute("href"));

        browser.clickButton("Show i2b2 XML of " + renamed);
        String xml = browser.await(d -> {
            String text = d.findElement(By.id("i2b2-xml")).getText();
            return text.contains("query_definition") ? text : null;
        }, "the i2b2 XML of the saved query");
        assertTrue(xml.contains("\\\\i2b2" + PROBLEMS) && xml.contains("\\\\i2b2" + MEDICATIONS), xml);
    }

    private static void openBuilder() {
        logInAsDev();
        browser.get(launcher() + "/cohort.html");
        browser.named("h1", "Cohort builder");
    }

    private static JsonObject panel(int number, String path) {
        return Json.createObjectBuilder().add("number", number)
                .add("items", Json.createArrayBuilder().add(Json.createObjectBuilder().add("key", "\\\\i2b2" + path)))
                .build();
    }

    /** The tree item of a concept path, once the tree shows it. */
    private static WebElement treeItem(String path) {
        return browser.await(d -> d.findElements(By.cssSelector("#concept-tree li[role=treeitem]")).stream()
                .filter(e -> path.equals(e.getAttribute("data-path")) && e.isDisplayed()).findFirst()
                .orElse(null), "the tree item " + path);
    }

    private static String rowCount(WebElement item) {
        return item.findElement(By.cssSelector(":scope > .concept-row .concept-count")).getText();
    }

    /** The names of the concepts in a panel, as the page shows them. */
    private static List<String> panelConcepts(int number) {
        return browser.driver().findElements(By.cssSelector("[data-panel='" + number + "'] .panel-item .fw-semibold"))
                .stream().map(WebElement::getText).toList();
    }

    private static JsonArray children(String parent) {
        return ui("GET", "cohort/concepts?parent=" + URLEncoder.encode(parent, StandardCharsets.UTF_8), null)
                .asJsonArray();
    }

    private static JsonObject node(JsonArray nodes, String path) {
        return nodes.stream().map(JsonValue::asJsonObject).filter(n -> n.getString("path").equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError(path + " among " + nodes));
    }

    /** Polls the run through the launcher until it has ended, with the browser's wait. */
    private static JsonObject finishedRun(JsonObject submitted) {
        JsonObject run = browser.await(d -> {
            JsonObject now = ui("GET", "cohort/runs/" + submitted.getInt("id"), null).asJsonObject();
            return List.of("QUEUED", "PROCESSING").contains(now.getString("status")) ? null : now;
        }, "the run through the launcher's API to end");
        assertEquals("FINISHED", run.getString("status"), run.toString());
        return run;
    }

    /** A launcher cohort call ({@code /launcher/ui/...}) with the browser's session, as the page makes it. */
    private static JsonValue ui(String method, String path, String body) {
        Map<String, String> headers = "GET".equals(method) ? Map.of("Accept", "application/json")
                : Map.of("Accept", "application/json", "Content-Type", "application/json", "X-CSRF-Token", csrfToken());
        Map<String, Object> answer = browser.fetch(method, launcher() + "/ui/" + path, headers, body);
        long status = ((Number) answer.get("status")).longValue();
        assertTrue(status >= 200 && status < 300, method + " " + path + ": " + answer);
        return ContainerApi.json((String) answer.get("body"));
    }
}
