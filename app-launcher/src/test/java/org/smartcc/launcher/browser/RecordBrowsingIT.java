package org.smartcc.launcher.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;

/** Finding a record, its banner, and the example app launched by its launch URL (with and without a record). */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RecordBrowsingIT extends BrowserTestSupport {

    static final String EXAMPLE_APP = "med-problems@apps.smartcc.local";

    @Test
    @Order(1)
    void theAppLaunchUrlGoesThroughTheLoginToTheExampleAppOnTheRecord() {
        browser.get(launcher() + "/apps/" + EXAMPLE_APP + "/launch?record_id=" + JOSEPH_ROSS);
        browser.logIn(DEV_USER, DEV_USER);

        assertExampleAppShows(JOSEPH_ROSS);
    }

    @Test
    @Order(2)
    void aRecordFoundByNameShowsItsBanner() {
        JsonObject expected = env.api.banner(JOSEPH_ROSS);
        browser.get(launcher() + "/");
        browser.field("Search records").sendKeys(expected.getString("family_name"));
        browser.clickButton("Search");
        browser.clickLink(expected.getString("full_name"));

        String banner = browser.await(d -> {
            String text = d.findElement(By.cssSelector("[data-banner], .banner, #banner")).getText();
            return text.contains(expected.getString("mrn")) ? text : null;
        }, "the patient banner with the MRN");
        assertTrue(banner.contains(expected.getString("full_name")), banner);
        assertTrue(banner.toLowerCase(Locale.ROOT).contains(expected.getString("gender").toLowerCase(Locale.ROOT)),
                banner);
        assertTrue(banner.contains(expected.getString("birthday")), banner);
    }

    @Test
    @Order(3)
    void withoutARecordTheLaunchUrlShowsTheRecordPicker() {
        JsonObject amy = env.api.banner(AMY_SHAW);
        browser.get(launcher() + "/apps/" + EXAMPLE_APP + "/launch");

        browser.await(d -> d.getCurrentUrl().contains("pick-record.html"), "the record picker");
        browser.field("Search records").sendKeys(amy.getString("family_name"));
        browser.clickButton("Search");
        browser.clickLink(amy.getString("full_name"));

        assertExampleAppShows(AMY_SHAW);
    }

    /** The example app in the launcher's iframe shows the record's name, medications and problems as the API has. */
    private static void assertExampleAppShows(String recordId) {
        JsonObject expected = env.api.banner(recordId);
        String name = browser.await(d -> {
            String text = browser.textInFrames(By.id("patient-name"));
            return text.equals(expected.getString("full_name")) ? text : null;
        }, "the patient's name in the example app (it shows 'Loading…' until the demographics come)");
        assertEquals(expected.getString("full_name"), name);

        List<String> medications = RdfAnswer.codeTitles(env.api.recordRead(recordId, "/medications/"),
                RdfAnswer.RXNORM);
        List<String> problems = RdfAnswer.codeTitles(env.api.recordRead(recordId, "/problems/"), RdfAnswer.SNOMED);
        assertFalse(medications.isEmpty() || problems.isEmpty(), "the record has medications and problems");
        String shownMedications = browser.await(d -> {
            String text = browser.textInFrames(By.id("medications"));
            return text.contains(medications.get(0)) ? text : null;
        }, "the medications in the example app");
        medications.forEach(m -> assertTrue(shownMedications.contains(m), m + " in " + shownMedications));
        String shownProblems = browser.textInFrames(By.id("problems"));
        problems.forEach(p -> assertTrue(shownProblems.contains(p), p + " in " + shownProblems));
    }
}
