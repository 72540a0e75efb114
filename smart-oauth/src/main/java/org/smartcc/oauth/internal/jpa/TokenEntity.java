package org.smartcc.oauth.internal.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.smartcc.oauth.domain.Token;
import org.smartcc.oauth.domain.TokenKind;

/** Row of {@code oauth_token}. */
@Entity
@Table(name = "oauth_token")
public class TokenEntity {

    @Id
    @Column(name = "token")
    private String token;
    @Column(name = "secret")
    private String secret;
    @Enumerated(EnumType.STRING)
    @Column(name = "kind")
    private TokenKind kind;
    @Column(name = "app_id")
    private String appId;
    @Column(name = "user_id")
    private String userId;
    @Column(name = "record_id")
    private String recordId;
    @Column(name = "verifier")
    private String verifier;
    @Column(name = "created_ms")
    private long createdMs;
    @Column(name = "expires_ms")
    private long expiresMs;
    @Column(name = "revoked")
    private boolean revoked;

    protected TokenEntity() {
        // for JPA
    }

    static TokenEntity of(Token t) {
        TokenEntity e = new TokenEntity();
        e.token = t.value();
        e.secret = t.secret();
        e.kind = t.kind();
        e.appId = t.appId();
        e.userId = t.userId().orElse(null);
        e.recordId = t.recordId().orElse(null);
        e.verifier = t.verifier().orElse(null);
        e.createdMs = t.createdAt().toEpochMilli();
        e.expiresMs = t.expiresAt().toEpochMilli();
        e.revoked = t.revoked();
        return e;
    }

    Token toDomain() {
        return new Token(token, secret, kind, appId, userId, recordId, verifier, Instant.ofEpochMilli(createdMs),
                Instant.ofEpochMilli(expiresMs), revoked);
    }

    @Override
    public String toString() {
        return "TokenEntity[" + kind + ", app=" + appId + "]";
    }
}
