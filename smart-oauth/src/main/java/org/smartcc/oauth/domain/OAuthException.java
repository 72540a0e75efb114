package org.smartcc.oauth.domain;

import java.util.Objects;

/**
 * The one exception the provider throws for anything a client did: a stable {@link OAuthError} plus a message
 * for the response body. Messages name what was wrong but never contain secrets, signatures or token values.
 */
public final class OAuthException extends RuntimeException {

    private final OAuthError error;

    public OAuthException(OAuthError error, String message) {
        super(message);
        this.error = Objects.requireNonNull(error, "error");
    }

    public OAuthError error() {
        return error;
    }

    public int httpStatus() {
        return error.httpStatus();
    }

    /** A response body such as {@code OAUTH_BAD_SIGNATURE: signature does not match}. */
    public String responseBody() {
        return error.name() + ": " + getMessage();
    }
}
