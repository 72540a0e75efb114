package org.smartcc.launcher.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * SMART Connect apps of another origin launched from the gallery: one that speaks the wire protocol by hand, a
 * frame_ui app that hosts it as its child, and an app that calls a helper app (the test apps of test-apps/).
 */
class ConnectAppsIT extends BrowserTestSupport {

    @BeforeAll
    static void logIn() {
        logInAsDev();
    }

    @Test
    void theWireProtocolAppShowsTheRecordsData() {
        launchFromGallery(AMY_SHAW, env.app("wire-app").name());

        assertEquals(wireAppResult(AMY_SHAW), browser.textInFrames(WIRE_RESULT));
    }

    @Test
    void theFrameUiAppLaunchesItsChildWhichShowsItsData() {
        launchFromGallery(JOSEPH_ROSS, env.app("frame-ui-app").name());

        // the child's #result is in the frame_ui app's own iframe, two frames down
        assertEquals(wireAppResult(JOSEPH_ROSS), browser.textInFrames(WIRE_RESULT));
    }

    @Test
    void theHelperCallerGetsTheHelpersAnswer() {
        launchFromGallery(AMY_SHAW, env.app("helper-caller").name());

        browser.switchToFrameWith(By.id("call-helper"));
        browser.await(d -> d.findElement(By.id("call-helper")).isEnabled(), "the helper caller ready");
        browser.clickButton("Call helper");

        assertEquals("echo: ping-42", browser.textInFrames(By.id("returned")));
    }
}
