package org.smartcc.launcher.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class CsrfPolicyTest {

    private static final String TOKEN = CsrfPolicy.newToken();
    private static final Supplier<String> NO_FORM = () -> null;

    @Test
    void readingNeedsNoToken() {
        assertTrue(CsrfPolicy.allows("GET", "/launcher/ui/records", null, null, NO_FORM));
        assertTrue(CsrfPolicy.allows("HEAD", "/launcher/", null, null, NO_FORM));
    }

    @Test
    void everyChangeNeedsTheSessionsToken() {
        for (String method : new String[] {"POST", "PUT", "PATCH", "DELETE"}) {
            assertFalse(CsrfPolicy.allows(method, "/launcher/ui/launches", TOKEN, null, NO_FORM), method);
            assertFalse(CsrfPolicy.allows(method, "/launcher/ui/launches", TOKEN, "other", NO_FORM), method);
            assertTrue(CsrfPolicy.allows(method, "/launcher/ui/launches", TOKEN, TOKEN, NO_FORM), method);
        }
    }

    @Test
    void aFormCarriesItAsAField() {
        assertTrue(CsrfPolicy.allows("POST", "/launcher/logout", TOKEN, null, () -> TOKEN));
        assertFalse(CsrfPolicy.allows("POST", "/launcher/logout", TOKEN, null, () -> TOKEN + "x"));
    }

    /** The proxy passes a form body on unread: with the header present the form is never looked at. */
    @Test
    void theHeaderSparesTheBody() {
        assertTrue(CsrfPolicy.allows("POST", "/launcher/ui/connect/u/records/1/", TOKEN, TOKEN, () -> {
            throw new AssertionError("the form was read");
        }));
    }

    @Test
    void aSessionWithoutTokenCannotChangeAnything() {
        assertFalse(CsrfPolicy.allows("POST", "/launcher/ui/launches", null, "", () -> ""));
    }

    @Test
    void signingInNeedsNoToken() {
        assertTrue(CsrfPolicy.allows("POST", "/launcher/j_security_check", null, null, NO_FORM));
    }

    @Test
    void tokensAreFreshEachTime() {
        assertNotEquals(CsrfPolicy.newToken(), CsrfPolicy.newToken());
        assertTrue(TOKEN.length() >= 40);
    }
}
