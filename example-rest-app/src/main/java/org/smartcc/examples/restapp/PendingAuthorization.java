package org.smartcc.examples.restapp;

import java.io.Serializable;

/**
 * A request token waiting for the user's decision, kept in the app's HTTP session until the callback: the token
 * secret never leaves the app's server.
 */
public record PendingAuthorization(String requestToken, String tokenSecret, String apiBase, LaunchUrls launchUrls,
                                   String recordId) implements Serializable {

    static final String SESSION_ATTRIBUTE = PendingAuthorization.class.getName();

    @Override
    public String toString() {
        return "PendingAuthorization[apiBase=" + apiBase + "]";
    }
}
