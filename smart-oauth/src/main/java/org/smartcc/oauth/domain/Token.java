package org.smartcc.oauth.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** An issued token with its binding. Immutable: state changes produce a new instance. */
public final class Token {

    private final String value;
    private final String secret;
    private final TokenKind kind;
    private final String appId;
    private final String userId;
    private final String recordId;
    private final String verifier;
    private final Instant createdAt;
    private final Instant expiresAt;
    private final boolean revoked;

    public Token(String value, String secret, TokenKind kind, String appId, String userId, String recordId,
            String verifier, Instant createdAt, Instant expiresAt, boolean revoked) {
        this.value = Objects.requireNonNull(value, "value");
        this.secret = Objects.requireNonNull(secret, "secret");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.appId = Objects.requireNonNull(appId, "appId");
        this.userId = userId;
        this.recordId = recordId;
        this.verifier = verifier;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
        this.revoked = revoked;
    }

    public String value() {
        return value;
    }

    public String secret() {
        return secret;
    }

    public TokenKind kind() {
        return kind;
    }

    public String appId() {
        return appId;
    }

    public Optional<String> userId() {
        return Optional.ofNullable(userId);
    }

    public Optional<String> recordId() {
        return Optional.ofNullable(recordId);
    }

    /** Set when a user approved a request token. */
    public Optional<String> verifier() {
        return Optional.ofNullable(verifier);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public boolean revoked() {
        return revoked;
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "Token[" + kind + ", app=" + appId + ", user=" + userId + ", record=" + recordId + "]";
    }
}
