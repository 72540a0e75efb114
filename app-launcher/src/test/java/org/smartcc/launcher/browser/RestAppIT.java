package org.smartcc.launcher.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;

/**
 * A REST app (smart-classic §4.4) launched from the gallery: the launcher's approval page, the app's own access token
 * after approval, the silent approval of a second launch, and a refusal; then the example REST app of the embedded run
 * (example-rest-app, installed by the development profile), whose own server reads the record.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RestAppIT extends BrowserTestSupport {

    /** The name in the example REST app's manifest (container-api's dev-apps/rest-demographics.json). */
    static final String EXAMPLE_REST_APP = "REST Demographics";

    private static TestEnvironment.App app;

    @BeforeAll
    static void logIn() {
        app = env.app(RestApp.DIRECTORY);
        logInAsDev();
    }

    @Test
    @Order(1)
    void approvedTheAppReadsTheRecordWithItsOwnToken() {
        launchFromGallery(AMY_SHAW, app.name());

        browser.switchToFrameWith(By.name("oauth_token"));
        String approval = browser.bodyText();
        assertTrue(approval.contains(app.name()) && approval.contains(app.description()), approval);
        browser.clickButton("Approve");

        assertEquals(env.api.banner(AMY_SHAW).getString("family_name"),
                browser.textInFrames(By.id("rest-result")));
    }

    @Test
    @Order(2)
    void launchedAgainOnTheSameRecordItIsApprovedSilently() {
        launchFromGallery(AMY_SHAW, app.name());

        assertEquals(env.api.banner(AMY_SHAW).getString("family_name"),
                browser.textInFrames(By.id("rest-result")));
    }

    @Test
    @Order(3)
    void deniedTheAppGetsNoAccess() {
        launchFromGallery(JOSEPH_ROSS, app.name());

        browser.switchToFrameWith(By.name("oauth_token"));
        browser.clickButton("Deny");

        String refusal = browser.await(d -> {
            String text = browser.bodyText().toLowerCase(Locale.ROOT);
            return text.contains("not authori") ? text : null;
        }, "the page saying the app was not authorised");
        assertTrue(browser.driver().findElements(By.id("rest-result")).isEmpty(), refusal);
    }

    @Test
    @Order(4)
    void theExampleRestAppShowsThePatientAndMedicationsItsServerRead() {
        launchFromGallery(JOSEPH_ROSS, EXAMPLE_REST_APP);

        browser.switchToFrameWith(By.name("oauth_token"));
        assertTrue(browser.bodyText().contains(EXAMPLE_REST_APP), browser.bodyText());
        browser.clickButton("Approve");

        assertEquals(env.api.banner(JOSEPH_ROSS).getString("full_name"),
                browser.textInFrames(By.id("rest-patient-name")));
        List<String> medications = RdfAnswer.codeTitles(env.api.recordRead(JOSEPH_ROSS, "/medications/"),
                RdfAnswer.RXNORM);
        assertFalse(medications.isEmpty(), "the record has medications");
        String shown = browser.textInFrames(By.id("rest-medications"));
        medications.forEach(m -> assertTrue(shown.contains(m), m + " in " + shown));
        assertTrue(browser.textInFrames(By.className("how")).contains("OAuth 1.0a access token"));
    }
}
