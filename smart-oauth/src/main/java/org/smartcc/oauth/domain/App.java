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

    public App(String id, String name, String description, AppMode mode, AppScope scope, String index,
            String oauthCallback, String consumerSecret, String manifestJson, Instant installedAt) {
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

    @Override
    public String toString() {
        return "App[" + id + ", " + mode.manifestValue() + "]";
    }
}
