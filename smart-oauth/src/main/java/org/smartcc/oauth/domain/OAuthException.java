package org.smartcc.oauth.domain;

import java.util.Objects;
import org.smartcc.store.domain.CodedException;

/**
 * The one exception the provider throws for anything a client did: a stable {@link OAuthError} plus a message
 * for the response body. Messages name what was wrong but never contain secrets, signatures or token values.
 */
public final class OAuthException extends CodedException {

    private final OAuthError error;

    public OAuthException(OAuthError error, String message) {
        super(Objects.requireNonNull(error, "error").kind(), error.name(), message);
        this.error = error;
    }

    public OAuthError error() {
        return error;
    }

    /** A response body such as {@code OAUTH_BAD_SIGNATURE: signature does not match}. */
    public String responseBody() {
        return code() + ": " + getMessage();
    }
}
