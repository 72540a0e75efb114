package org.smartcc.oauth.application;

/**
 * The tokens of one app launch. The connect secret stays on the server (SMART Connect calls go through the
 * container's proxy); the REST token and secret go to the app.
 *
 * @param recordId null for container-scope apps
 */
public record LaunchCredentials(String appId, String userId, String recordId, String restToken, String restSecret,
        String connectToken, String connectSecret) {

    @Override
    public String toString() {
        return "LaunchCredentials[app=" + appId + ", user=" + userId + ", record=" + recordId + "]";
    }
}
