package org.smartcc.oauth.infrastructure.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** Row of {@code oauth_nonce}; the whole row is the primary key, which is what rejects a replay. */
@Entity
@Table(name = "oauth_nonce")
@IdClass(NonceEntity.Key.class)
public class NonceEntity {

    @Id
    @Column(name = "consumer_key")
    private String consumerKey;
    @Id
    @Column(name = "token_digest")
    private String tokenDigest;
    @Id
    @Column(name = "nonce")
    private String nonce;
    @Id
    @Column(name = "timestamp_s")
    private long timestampSeconds;

    protected NonceEntity() {
        // for JPA
    }

    NonceEntity(String consumerKey, String tokenDigest, String nonce, long timestampSeconds) {
        this.consumerKey = consumerKey;
        this.tokenDigest = tokenDigest;
        this.nonce = nonce;
        this.timestampSeconds = timestampSeconds;
    }

    Key key() {
        Key key = new Key();
        key.consumerKey = consumerKey;
        key.tokenDigest = tokenDigest;
        key.nonce = nonce;
        key.timestampSeconds = timestampSeconds;
        return key;
    }

    /** The JPA id class; field names match the entity's. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        private String consumerKey;
        private String tokenDigest;
        private String nonce;
        private long timestampSeconds;

        public Key() {
            // for JPA
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && timestampSeconds == k.timestampSeconds
                    && Objects.equals(consumerKey, k.consumerKey) && Objects.equals(tokenDigest, k.tokenDigest)
                    && Objects.equals(nonce, k.nonce);
        }

        @Override
        public int hashCode() {
            return Objects.hash(consumerKey, tokenDigest, nonce, timestampSeconds);
        }
    }
}
