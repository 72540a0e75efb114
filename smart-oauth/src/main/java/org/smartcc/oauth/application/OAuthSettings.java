package org.smartcc.oauth.application;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

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
 * @param launcherSecret     the consumer secret of the launcher's consumer {@value #LAUNCHER_CONSUMER_KEY}, which
 *                           signs SMART Connect calls; null while the container has no launcher (the consumer is
 *                           then unknown)
 */
public record OAuthSettings(Duration timestampWindow, Duration accessTokenTtl, Duration requestTokenTtl,
        boolean debugEnabled, String devConsumerSecret, String uiServerBaseUrl, String launcherSecret) {

    /** The consumer key of the container's launcher; no app may be installed with this id. */
    public static final String LAUNCHER_CONSUMER_KEY = "launcher";

    public OAuthSettings {
        Objects.requireNonNull(timestampWindow, "timestampWindow");
        Objects.requireNonNull(accessTokenTtl, "accessTokenTtl");
        Objects.requireNonNull(requestTokenTtl, "requestTokenTtl");
        Objects.requireNonNull(devConsumerSecret, "devConsumerSecret");
        Objects.requireNonNull(uiServerBaseUrl, "uiServerBaseUrl");
        if (launcherSecret != null && launcherSecret.isEmpty()) {
            throw new IllegalArgumentException("the launcher secret must not be empty; null leaves the launcher out");
        }
    }

    /**
     * ±10 min, 60 min access tokens (as the reference), 15 min request tokens, debug off, {@code smartapp-secret},
     * launcher at {@code http://localhost:8080/launcher} without a launcher secret.
     */
    public static OAuthSettings defaults() {
        return new OAuthSettings(Duration.ofMinutes(10), Duration.ofMinutes(60), Duration.ofMinutes(15), false,
                AppInstaller.DEV_CONSUMER_SECRET, "http://localhost:8080/launcher", null);
    }

    public Optional<String> launcherSecretIfSet() {
        return Optional.ofNullable(launcherSecret);
    }

    public OAuthSettings withDebugEnabled(boolean enabled) {
        return new OAuthSettings(timestampWindow, accessTokenTtl, requestTokenTtl, enabled, devConsumerSecret,
                uiServerBaseUrl, launcherSecret);
    }

    public OAuthSettings withAccessTokenTtl(Duration ttl) {
        return new OAuthSettings(timestampWindow, ttl, requestTokenTtl, debugEnabled, devConsumerSecret,
                uiServerBaseUrl, launcherSecret);
    }

    public OAuthSettings withDevConsumerSecret(String secret) {
        return new OAuthSettings(timestampWindow, accessTokenTtl, requestTokenTtl, debugEnabled, secret,
                uiServerBaseUrl, launcherSecret);
    }

    public OAuthSettings withUiServerBaseUrl(String url) {
        return new OAuthSettings(timestampWindow, accessTokenTtl, requestTokenTtl, debugEnabled, devConsumerSecret,
                url.endsWith("/") ? url.substring(0, url.length() - 1) : url, launcherSecret);
    }

    /** @param secret null for none */
    public OAuthSettings withLauncherSecret(String secret) {
        return new OAuthSettings(timestampWindow, accessTokenTtl, requestTokenTtl, debugEnabled, devConsumerSecret,
                uiServerBaseUrl, secret);
    }

    @Override
    public String toString() {
        return "OAuthSettings[window=" + timestampWindow + ", accessTokenTtl=" + accessTokenTtl + ", requestTokenTtl="
                + requestTokenTtl + ", debug=" + debugEnabled + "]";
    }
}
