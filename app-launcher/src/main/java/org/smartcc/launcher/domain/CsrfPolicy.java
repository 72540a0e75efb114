package org.smartcc.launcher.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Which requests must carry the session's CSRF token, and whether they do: every state-changing method, except the
 * sign-in form itself ({@code j_security_check}, which has no session yet to take a token from).
 */
public final class CsrfPolicy {

    public static final String HEADER = "X-CSRF-Token";
    public static final String FORM_FIELD = "csrf";

    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final SecureRandom RANDOM = new SecureRandom();

    private CsrfPolicy() {
    }

    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * @param expected  the session's token, null when the session has none
     * @param header    the {@value #HEADER} header, null when absent
     * @param formField read only when the header is absent: reading a form field consumes the request body, which
     *                  the SMART Connect proxy must pass on unread
     */
    public static boolean allows(String method, String path, String expected, String header,
                                 Supplier<String> formField) {
        if (!STATE_CHANGING.contains(method) || path.endsWith("/j_security_check")) {
            return true;
        }
        if (expected == null) {
            return false;
        }
        return matches(expected, header != null ? header : formField.get());
    }

    private static boolean matches(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }
}
