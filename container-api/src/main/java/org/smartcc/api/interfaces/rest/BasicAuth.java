package org.smartcc.api.interfaces.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

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
     * @param password the configured password; empty turns the service off
     * @param offHint  how to turn it on, for the 403 answer
     * @return null when the credentials are right, else the answer to send
     */
    Response check(String authorization, Optional<String> password, String offHint) {
        if (password.isEmpty()) {
            return ErrorResponse.of(Response.Status.FORBIDDEN, prefix + "_DISABLED", offHint);
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return unauthorized(prefix + "_CREDENTIALS_MISSING", "send HTTP Basic credentials of user '" + user + "'");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return unauthorized(prefix + "_CREDENTIALS_MALFORMED", "the Basic credentials are not valid base64");
        }
        byte[] expected = (user + ":" + password.get()).getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, decoded.getBytes(StandardCharsets.UTF_8))) {
            return unauthorized(prefix + "_CREDENTIALS_WRONG", "wrong user or password");
        }
        return null;
    }

    private Response unauthorized(String code, String message) {
        return Response.status(Response.Status.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + realm + "\"")
                .type(MediaType.APPLICATION_JSON_TYPE).entity(new ErrorResponse(code, message)).build();
    }
}
