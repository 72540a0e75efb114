package org.smartcc.oauth.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An installed SMART app; its id is the OAuth consumer key. The consumer secret is kept in plaintext because
 * HMAC-SHA1 needs it, and is therefore left out of {@link #toString()}.
 */
public final class App {

    private final String id;
    private final String name;
    private final String description;
    private final AppMode mode;
    private final AppScope scope;
    private final String index;
    private final String oauthCallback;
    private final String consumerSecret;
    private final String manifestJson;
    private final Instant installedAt;
    private final boolean enabled;
    private final boolean legacyLaunch;

    /**
     * @param enabled      false when an administrator switched the app off: it is not listed and cannot sign
     * @param legacyLaunch whether a launch hands the app the SMART 0.3–0.5 {@code oauth_header} (spec §4.5)
     */
    public App(String id, String name, String description, AppMode mode, AppScope scope, String index,
            String oauthCallback, String consumerSecret, String manifestJson, Instant installedAt, boolean enabled,
            boolean legacyLaunch) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = Objects.requireNonNull(name, "name");
        this.description = Objects.requireNonNull(description, "description");
        this.mode = Objects.requireNonNull(mode, "mode");
        this.scope = Objects.requireNonNull(scope, "scope");
        this.index = index;
        this.oauthCallback = oauthCallback;
        this.consumerSecret = Objects.requireNonNull(consumerSecret, "consumerSecret");
        this.manifestJson = Objects.requireNonNull(manifestJson, "manifestJson");
        this.installedAt = Objects.requireNonNull(installedAt, "installedAt");
        this.enabled = enabled;
        this.legacyLaunch = legacyLaunch;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public AppMode mode() {
        return mode;
    }

    public AppScope scope() {
        return scope;
    }

    public Optional<String> index() {
        return Optional.ofNullable(index);
    }

    /** Where the authorize page sends the browser with the verifier; apps without it cannot be authorized. */
    public Optional<String> oauthCallback() {
        return Optional.ofNullable(oauthCallback);
    }

    public String consumerSecret() {
        return consumerSecret;
    }

    public String manifestJson() {
        return manifestJson;
    }

    public Instant installedAt() {
        return installedAt;
    }

    public boolean enabled() {
        return enabled;
    }

    public boolean legacyLaunch() {
        return legacyLaunch;
    }

    /** This app with the administrator's flags. */
    public App withFlags(boolean enabled, boolean legacyLaunch) {
        return new App(id, name, description, mode, scope, index, oauthCallback, consumerSecret, manifestJson,
                installedAt, enabled, legacyLaunch);
    }

    @Override
    public String toString() {
        return "App[" + id + ", " + mode.manifestValue() + "]";
    }
}
