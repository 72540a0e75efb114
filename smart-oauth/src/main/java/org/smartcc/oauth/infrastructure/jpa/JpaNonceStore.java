package org.smartcc.oauth.infrastructure.jpa;

import jakarta.persistence.PersistenceException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.HexFormat;
import org.smartcc.oauth.application.NonceStore;

/**
 * Nonces as rows whose primary key is (consumer, token, nonce, timestamp): a replay is an insert the database
 * refuses, which also holds for two copies of a request verified at the same moment on different threads or nodes.
 */
public final class JpaNonceStore implements NonceStore {

    /** SQLSTATE of a unique or primary key violation, on H2 and PostgreSQL alike. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final ContainerPersistence persistence;

    public JpaNonceStore(ContainerPersistence persistence) {
        this.persistence = persistence;
    }

    @Override
    public boolean remember(String consumerKey, String token, String nonce, long timestampSeconds) {
        NonceEntity entity = new NonceEntity(consumerKey, tokenDigest(token), nonce, timestampSeconds);
        try {
            return persistence.inTransaction(em -> {
                // an ordinary replay is found here; only a concurrent copy gets as far as the refused insert (which
                // EclipseLink logs as a warning, with the digest but no token)
                if (em.find(NonceEntity.class, entity.key()) != null) {
                    return false;
                }
                em.persist(entity);
                return true;
            });
        } catch (PersistenceException e) {
            if (isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public int forgetOlderThan(long timestampSeconds) {
        return persistence.inTransaction(em -> em.createQuery(
                        "DELETE FROM NonceEntity n WHERE n.timestampSeconds < :before")
                .setParameter("before", timestampSeconds)
                .executeUpdate());
    }

    /**
     * The nonce table keeps a SHA-256 digest of the token, not the token: drivers quote a refused row in their
     * error messages (H2 does), and tokens must not end up in logs.
     */
    private static String tokenDigest(String token) {
        if (token.isEmpty()) {
            return "";
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
