package org.smartcc.oauth.internal.protocol;

/** Nonces seen within the timestamp window (RFC 5849 §3.3). */
public interface NonceStore {

    /**
     * Records the nonce for (consumer, token, timestamp); false if it was recorded before, also when a copy of the
     * request is being recorded concurrently.
     *
     * @param token the token, or "" for a 2-legged request
     */
    boolean remember(String consumerKey, String token, String nonce, long timestampSeconds);

    /** Forgets nonces with timestamps before the given one; returns how many. */
    int forgetOlderThan(long timestampSeconds);
}
