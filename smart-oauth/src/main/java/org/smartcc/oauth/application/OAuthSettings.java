package org.smartcc.oauth.application;

import java.time.Duration;
import java.util.Objects;

/**
 * Tunables of the provider.
 *
 * @param timestampWindow    how far oauth_timestamp may be from the server clock, either way
 * @param accessTokenTtl     lifetime of access, background and SMART Connect tokens
 * @param requestTokenTtl    time a user has to approve a request token and the app to exchange it
 * @param debugEnabled       whether the {@code /oauth/debug} aid answers
 * @param devConsumerSecret  the consumer secret of every app installed by the embedded (development) default run
 * @param uiServerBaseUrl    the launcher's URL, for the {@code {{ui_server_base_url}}} templates of the reference
 *                           container's bootstrap manifests
 */
public record OAuthSettings(Duration timestampWindow, Duration accessTokenTtl, Duration requestTokenTtl,
        boolean debugEnabled, String devConsumerSecret, String uiServerBaseUrl) {

    public OAuthSettings {
        Objects.requireNonNull(timestampWindow, "timestampWindow");
        Objects.requireNonNull(accessTokenTtl, "accessTokenTtl");
        Objects.requireNonNull(requestTokenTtl, "requestTokenTtl");
        Objects.requireNonNull(devConsumerSecret, "devConsumerSecret");
        Objects.requireNonNull(uiServerBaseUrl, "uiServerBaseUrl");
    }

    /**
     * ±10 min, 60 min access tokens (as the reference), 15 min request tokens, debug off, {@code smartapp-secret},
     * launcher at {@code http://localhost:8080/launcher}.
     */
    public static OAuthSettings defaults() {
        return new OAuthSettings(Duration.ofMinutes(10), Duration.ofMinutes(60), Duration.ofMinutes(15), false,
                AppInstaller.DEV_CONSUMER_SECRET, "http://localhost:8080/launcher");
    }

    public OAuthSettings withDebugEnabled(boolean enabled) {
        return new OAuthSettings(timestampWindow, accessTokenTtl, requestTokenTtl, enabled, devConsumerSecret,
                uiServerBaseUrl);
    }

    public OAuthSettings withAccessTokenTtl(Duration ttl) {
        return new OAuthSettings(timestampWindow, ttl, requestTokenTtl, debugEnabled, devConsumerSecret,
                uiServerBaseUrl);
    }

    public OAuthSettings withDevConsumerSecret(String secret) {
        return new OAuthSettings(timestampWindow, accessTokenTtl, requestTokenTtl, debugEnabled, secret,
                uiServerBaseUrl);
    }

    public OAuthSettings withUiServerBaseUrl(String url) {
        return new OAuthSettings(timestampWindow, accessTokenTtl, requestTokenTtl, debugEnabled, devConsumerSecret,
                url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }

    @Override
    public String toString() {
        return "OAuthSettings[window=" + timestampWindow + ", accessTokenTtl=" + accessTokenTtl + ", requestTokenTtl="
                + requestTokenTtl + ", debug=" + debugEnabled + "]";
    }
}
