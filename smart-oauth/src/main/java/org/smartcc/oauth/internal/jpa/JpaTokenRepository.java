package org.smartcc.oauth.internal.jpa;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.smartcc.oauth.application.TokenRepository;
import org.smartcc.oauth.domain.Token;
import org.smartcc.oauth.domain.TokenKind;

/**
 * Tokens; the state changes are conditional bulk updates so that the database decides races. The lookup by key,
 * which every signed request makes, is one plain JDBC query: a JPA read cost more than the rest of a cached record
 * read.
 */
public final class JpaTokenRepository implements TokenRepository {

    private static final String FIND = "SELECT token, secret, kind, app_id, user_id, record_id, verifier, created_ms, "
            + "expires_ms, revoked FROM oauth_token WHERE token = ?";

    private final ContainerPersistence persistence;
    private final DataSource dataSource;

    public JpaTokenRepository(ContainerPersistence persistence, DataSource dataSource) {
        this.persistence = persistence;
        this.dataSource = dataSource;
    }

    @Override
    public void save(Token token) {
        persistence.runInTransaction(em -> em.persist(TokenEntity.of(token)));
    }

    @Override
    public Optional<Token> find(String token) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(FIND)) {
            ps.setString(1, token);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Token(rs.getString(1), rs.getString(2), TokenKind.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                        Instant.ofEpochMilli(rs.getLong(8)), Instant.ofEpochMilli(rs.getLong(9)), rs.getBoolean(10)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the token could not be read (SQLSTATE " + e.getSQLState() + ")", e);
        }
    }

    @Override
    public boolean approve(String requestToken, String userId, String recordId, String verifier) {
        return persistence.inTransaction(em -> em.createQuery("UPDATE TokenEntity t SET t.userId = :user, "
                        + "t.recordId = :record, t.verifier = :verifier WHERE t.token = :token AND t.verifier IS NULL "
                        + "AND t.revoked = FALSE")
                .setParameter("user", userId)
                .setParameter("record", recordId)
                .setParameter("verifier", verifier)
                .setParameter("token", requestToken)
                .executeUpdate() == 1);
    }

    @Override
    public boolean revoke(String token) {
        return persistence.inTransaction(em -> em.createQuery(
                        "UPDATE TokenEntity t SET t.revoked = TRUE WHERE t.token = :token AND t.revoked = FALSE")
                .setParameter("token", token)
                .executeUpdate() == 1);
    }

    @Override
    public int revokeAllOfUser(String userId) {
        return persistence.inTransaction(em -> em.createQuery(
                        "UPDATE TokenEntity t SET t.revoked = TRUE WHERE t.userId = :user AND t.revoked = FALSE")
                .setParameter("user", userId)
                .executeUpdate());
    }

    @Override
    public int revokeAllOfApp(String appId) {
        return persistence.inTransaction(em -> em.createQuery(
                        "UPDATE TokenEntity t SET t.revoked = TRUE WHERE t.appId = :app AND t.revoked = FALSE")
                .setParameter("app", appId)
                .executeUpdate());
    }

    @Override
    public int deleteExpiredBefore(Instant instant) {
        return persistence.inTransaction(em -> em.createQuery("DELETE FROM TokenEntity t WHERE t.expiresMs < :before")
                .setParameter("before", instant.toEpochMilli())
                .executeUpdate());
    }
}
