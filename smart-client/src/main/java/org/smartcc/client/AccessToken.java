package org.smartcc.client;

/**
 * An access token and its secret, bound to one record: from the 3-legged flow, the background token loop, or a
 * launch's REST token.
 */
public record AccessToken(String token, String secret, String recordId) {

    @Override
    public String toString() {
        return "AccessToken[record " + recordId + "]";
    }
}
