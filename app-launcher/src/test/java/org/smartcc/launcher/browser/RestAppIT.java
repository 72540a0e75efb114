package org.smartcc.launcher.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;

/**
 * A REST app (smart-classic §4.4) launched from the gallery: the launcher's approval page, the app's own access token
 * after approval, the silent approval of a second launch, and a refusal.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RestAppIT extends BrowserTestSupport {

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
}
