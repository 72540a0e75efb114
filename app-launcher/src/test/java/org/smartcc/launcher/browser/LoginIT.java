package org.smartcc.launcher.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;

/** Sign-in through the launcher's login form. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoginIT extends BrowserTestSupport {

    @Test
    @Order(1)
    void aWrongPasswordShowsAnErrorAndOpensNoSession() {
        browser.get(launcher() + "/");
        browser.logIn(DEV_USER, "not-the-password");

        browser.await(d -> d.getCurrentUrl().contains("login.html?error")
                && d.findElement(By.cssSelector("[role=alert]")).isDisplayed(), "the login page showing its error");
        assertFalse(browser.driver().findElements(By.name("j_password")).isEmpty(), "the login form is shown again");
        Map<String, Object> session = browser.fetch("GET", launcher() + "/ui/session", Map.of(), null);
        assertFalse(session.get("status").equals(200L) && ((String) session.get("body")).contains("csrf_token"),
                "no session after a wrong password: " + session);
    }

    @Test
    @Order(2)
    void theDevUserLogsInWithinASessionOfANewId() {
        browser.get(launcher() + "/");
        String before = browser.driver().manage().getCookieNamed("JSESSIONID").getValue();
        browser.logIn(DEV_USER, DEV_USER);

        browser.field("Search records");
        assertNotEquals(before, browser.driver().manage().getCookieNamed("JSESSIONID").getValue(),
                "the session id before sign-in must not become a signed-in session (session fixation)");
        Map<String, Object> session = browser.fetch("GET", launcher() + "/ui/session", Map.of(), null);
        assertEquals(200L, session.get("status"));
        assertEquals(DEV_USER, ContainerApi.json((String) session.get("body")).asJsonObject()
                .getJsonObject("user").getString("id"));
    }
}
