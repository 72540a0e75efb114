package org.smartcc.oauth.domain;

/**
 * Stable error codes of the provider with the HTTP status the web layer answers with. Following the reference
 * container (spec §2.1), every failed OAuth check is 401 and a valid principal that may not do something is 403.
 */
public enum OAuthError {
    OAUTH_HEADER_MISSING(401),
    OAUTH_HEADER_MALFORMED(401),
    /** The query string or form body is not valid application/x-www-form-urlencoded data. */
    OAUTH_PARAMETERS_MALFORMED(400),
    OAUTH_UNSUPPORTED_SIGNATURE_METHOD(401),
    OAUTH_UNKNOWN_CONSUMER(401),
    OAUTH_TIMESTAMP_OUT_OF_WINDOW(401),
    OAUTH_NONCE_REPLAYED(401),
    OAUTH_BAD_SIGNATURE(401),
    OAUTH_TOKEN_UNKNOWN(401),
    OAUTH_TOKEN_EXPIRED(401),
    OAUTH_TOKEN_REVOKED(401),
    /** The access-token exchange came without the verifier the user's approval produced. */
    OAUTH_VERIFIER_INVALID(401),
    /** The endpoint needs another kind of credential (e.g. a request token on a record call). */
    FORBIDDEN_TOKEN_KIND(403),
    FORBIDDEN_WRONG_RECORD(403),
    FORBIDDEN_WRONG_USER(403),
    FORBIDDEN_WRONG_APP(403),
    /** The app's mode does not allow the call (e.g. record search by a plain ui app, smart-classic §4.8). */
    FORBIDDEN_APP_MODE(403),
    /** Only background and helper apps may use the per-record token loop. */
    FORBIDDEN_NOT_BACKGROUND_APP(403),
    /** Apps without {@code oauth_callback} in their manifest cannot be authorized (spec §4.4). */
    APP_HAS_NO_CALLBACK(400),
    /** A record-scope app was to be authorized without a record. */
    RECORD_REQUIRED(400),
    APP_UNKNOWN(404),
    USER_UNKNOWN(404),
    RECORD_UNKNOWN(404),
    /** The background token loop has passed the last record (the reference answers 404 too). */
    NO_MORE_RECORDS(404),
    /** The {@code /oauth/debug} aid is switched off. */
    DEBUG_DISABLED(404);

    private final int httpStatus;

    OAuthError(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
