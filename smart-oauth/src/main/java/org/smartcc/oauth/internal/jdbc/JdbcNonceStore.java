package org.smartcc.oauth.internal.jdbc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HexFormat;
import javax.sql.DataSource;
import org.smartcc.oauth.internal.protocol.NonceStore;

/**
 * Nonces as rows whose primary key is (consumer, token, nonce, timestamp): a replay is an insert the database
 * refuses, which also holds for two copies of a request verified at the same moment on different threads or nodes.
 * Plain JDBC, one auto-committed insert: every signed request comes through here, and a JPA unit of work cost more
 * than the rest of a cached record read.
 */
public final class JdbcNonceStore implements NonceStore {

    /** SQLSTATE of a unique or primary key violation, on H2 and PostgreSQL alike. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;

    public JdbcNonceStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public boolean remember(String consumerKey, String token, String nonce, long timestampSeconds) {
        String sql = "INSERT INTO oauth_nonce (consumer_key, token_digest, nonce, timestamp_s) VALUES (?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, consumerKey);
            ps.setString(2, tokenDigest(token));
            ps.setString(3, nonce);
            ps.setLong(4, timestampSeconds);
            ps.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false;
            }
            throw new IllegalStateException("the nonce could not be stored (SQLSTATE " + e.getSQLState() + ")", e);
        }
    }

    @Override
    public int forgetOlderThan(long timestampSeconds) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM oauth_nonce WHERE timestamp_s < ?")) {
            ps.setLong(1, timestampSeconds);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("old nonces could not be removed (SQLSTATE " + e.getSQLState() + ")", e);
        }
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
}
