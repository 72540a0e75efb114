package org.smartcc.api.interfaces.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import org.smartcc.store.domain.CodedException;
import org.smartcc.store.domain.ErrorKind;

/**
 * HTTP Basic checks of the container's own service users (the administrator, the launcher), compared in constant
 * time. Error codes are {@code <PREFIX>_DISABLED}, {@code _CREDENTIALS_MISSING}, {@code _MALFORMED} and {@code _WRONG}.
 */
final class BasicAuth {

    private final String user;
    private final String prefix;
    private final String realm;

    BasicAuth(String user, String errorPrefix, String realm) {
        this.user = user;
        this.prefix = errorPrefix;
        this.realm = realm;
    }

    /**
     * Returns when the credentials are right.
     *
     * @param password the configured password; empty turns the service off
     * @param offHint  how to turn it on, for the 403 answer
     * @throws CodedException {@code FORBIDDEN} while the service is off, else a {@link LoginRefused}
     */
    void check(String authorization, Optional<String> password, String offHint) {
        if (password.isEmpty()) {
            throw new CodedException(ErrorKind.FORBIDDEN, prefix + "_DISABLED", offHint);
        }
        String decoded = credentials(authorization, prefix, realm, "user '" + user + "'");
        byte[] expected = (user + ":" + password.get()).getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, decoded.getBytes(StandardCharsets.UTF_8))) {
            throw new LoginRefused(realm, prefix + "_CREDENTIALS_WRONG", "wrong user or password");
        }
    }

    /** Whether the header holds well-formed Basic credentials of this service user, right or wrong. */
    boolean isUserOf(String authorization) {
        try {
            return credentials(authorization, prefix, realm, user).startsWith(user + ":");
        } catch (LoginRefused e) {
            return false;
        }
    }

    /**
     * The {@code user:password} of a Basic {@code Authorization} header.
     *
     * @param whose who should have sent them, for the message
     * @throws LoginRefused {@code <prefix>_CREDENTIALS_MISSING} or {@code _MALFORMED}
     */
    static String credentials(String authorization, String prefix, String realm, String whose) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw new LoginRefused(realm, prefix + "_CREDENTIALS_MISSING", "send HTTP Basic credentials of " + whose);
        }
        try {
            return new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new LoginRefused(realm, prefix + "_CREDENTIALS_MALFORMED",
                    "the Basic credentials are not valid base64");
        }
    }
}
