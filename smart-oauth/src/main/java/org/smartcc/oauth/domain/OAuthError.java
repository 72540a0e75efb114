package org.smartcc.oauth.domain;

import org.smartcc.store.domain.ErrorKind;

/**
 * Stable error codes of the provider with the kind of refusal each is. Following the reference container (spec
 * §2.1), every failed OAuth check is unauthenticated (401) and a valid principal that may not do something forbidden
 * (403).
 */
public enum OAuthError {
    OAUTH_HEADER_MISSING(ErrorKind.UNAUTHENTICATED),
    OAUTH_HEADER_MALFORMED(ErrorKind.UNAUTHENTICATED),
    /** The query string or form body is not valid application/x-www-form-urlencoded data. */
    OAUTH_PARAMETERS_MALFORMED(ErrorKind.INVALID_INPUT),
    OAUTH_UNSUPPORTED_SIGNATURE_METHOD(ErrorKind.UNAUTHENTICATED),
    OAUTH_UNKNOWN_CONSUMER(ErrorKind.UNAUTHENTICATED),
    /** An administrator disabled the app: it cannot sign, nor can the launcher on its behalf. */
    OAUTH_CONSUMER_DISABLED(ErrorKind.UNAUTHENTICATED),
    OAUTH_TIMESTAMP_OUT_OF_WINDOW(ErrorKind.UNAUTHENTICATED),
    OAUTH_NONCE_REPLAYED(ErrorKind.UNAUTHENTICATED),
    OAUTH_BAD_SIGNATURE(ErrorKind.UNAUTHENTICATED),
    OAUTH_TOKEN_UNKNOWN(ErrorKind.UNAUTHENTICATED),
    OAUTH_TOKEN_EXPIRED(ErrorKind.UNAUTHENTICATED),
    OAUTH_TOKEN_REVOKED(ErrorKind.UNAUTHENTICATED),
    /** The access-token exchange came without the verifier the user's approval produced. */
    OAUTH_VERIFIER_INVALID(ErrorKind.UNAUTHENTICATED),
    /** The endpoint needs another kind of credential (e.g. a request token on a record call). */
    FORBIDDEN_TOKEN_KIND(ErrorKind.FORBIDDEN),
    FORBIDDEN_WRONG_RECORD(ErrorKind.FORBIDDEN),
    FORBIDDEN_WRONG_USER(ErrorKind.FORBIDDEN),
    FORBIDDEN_WRONG_APP(ErrorKind.FORBIDDEN),
    /** The app's mode does not allow the call (e.g. record search by a plain ui app, smart-classic §4.8). */
    FORBIDDEN_APP_MODE(ErrorKind.FORBIDDEN),
    /** A disabled app cannot be launched. */
    APP_DISABLED(ErrorKind.FORBIDDEN),
    /** Only background and helper apps may use the per-record token loop. */
    FORBIDDEN_NOT_BACKGROUND_APP(ErrorKind.FORBIDDEN),
    /** The background app is narrowed to some records (granted patient sets) and asked for one outside them. */
    FORBIDDEN_NOT_GRANTED(ErrorKind.FORBIDDEN),
    /** Apps without {@code oauth_callback} in their manifest cannot be authorized (spec §4.4). */
    APP_HAS_NO_CALLBACK(ErrorKind.INVALID_INPUT),
    /** A record-scope app was to be authorized without a record. */
    RECORD_REQUIRED(ErrorKind.INVALID_INPUT),
    /** A user to be saved has a bad id, password or role. */
    USER_INVALID(ErrorKind.INVALID_INPUT),
    /** Sign-in refused; one code and message whether the user is unknown, has no password or gave a wrong one. */
    LOGIN_FAILED(ErrorKind.UNAUTHENTICATED),
    APP_UNKNOWN(ErrorKind.NOT_FOUND),
    USER_UNKNOWN(ErrorKind.NOT_FOUND),
    RECORD_UNKNOWN(ErrorKind.NOT_FOUND),
    /** The background token loop has passed the last record (the reference answers 404 too). */
    NO_MORE_RECORDS(ErrorKind.NOT_FOUND),
    /** The {@code /oauth/debug} aid is switched off. */
    DEBUG_DISABLED(ErrorKind.NOT_FOUND);

    private final ErrorKind kind;

    OAuthError(ErrorKind kind) {
        this.kind = kind;
    }

    public ErrorKind kind() {
        return kind;
    }
}
