package org.smartcc.oauth.internal.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.smartcc.oauth.domain.Token;
import org.smartcc.oauth.domain.TokenKind;
import org.smartcc.oauth.internal.protocol.TokenRepository;
import org.smartcc.store.Database;
import org.smartcc.store.Jdbc;

/**
 * Tokens ({@code oauth_token}); the state changes are conditional updates so that the database decides races. The
 * lookup by key is one auto-committed query: every signed request makes it.
 */
public final class JdbcTokenRepository implements TokenRepository {

    private static final String COLUMNS = "token, secret, kind, app_id, user_id, record_id, verifier, created_ms,"
            + " expires_ms, revoked";

    private final Jdbc jdbc;

    public JdbcTokenRepository(Database database) {
        this.jdbc = new Jdbc(database.dataSource());
    }

    @Override
    public void save(Token t) {
        jdbc.update("saving the token", "INSERT INTO oauth_token (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                t.value(), t.secret(), t.kind().name(), t.appId(), t.userId().orElse(null),
                t.recordId().orElse(null), t.verifier().orElse(null), t.createdAt().toEpochMilli(),
                t.expiresAt().toEpochMilli(), t.revoked());
    }

    @Override
    public Optional<Token> find(String token) {
        return jdbc.first("reading the token", "SELECT " + COLUMNS + " FROM oauth_token WHERE token = ?",
                JdbcTokenRepository::token, token);
    }

    @Override
    public List<Token> findLiveOfApp(String appId, Instant now) {
        return jdbc.list("reading the app's tokens", "SELECT " + COLUMNS + " FROM oauth_token WHERE app_id = ?"
                + " AND revoked = FALSE AND expires_ms > ? ORDER BY created_ms, token", JdbcTokenRepository::token,
                appId, now.toEpochMilli());
    }

    @Override
    public boolean approve(String requestToken, String userId, String recordId, String verifier) {
        return jdbc.update("approving the request token", "UPDATE oauth_token SET user_id = ?, record_id = ?,"
                + " verifier = ? WHERE token = ? AND verifier IS NULL AND revoked = FALSE", userId, recordId, verifier,
                requestToken) == 1;
    }

    @Override
    public boolean revoke(String token) {
        return jdbc.update("revoking the token", "UPDATE oauth_token SET revoked = TRUE WHERE token = ?"
                + " AND revoked = FALSE", token) == 1;
    }

    @Override
    public int revokeAllOfUser(String userId) {
        return jdbc.update("revoking the user's tokens", "UPDATE oauth_token SET revoked = TRUE WHERE user_id = ?"
                + " AND revoked = FALSE", userId);
    }

    @Override
    public int revokeAllOfApp(String appId) {
        return jdbc.update("revoking the app's tokens", "UPDATE oauth_token SET revoked = TRUE WHERE app_id = ?"
                + " AND revoked = FALSE", appId);
    }

    @Override
    public int deleteExpiredBefore(Instant instant) {
        return jdbc.update("deleting expired tokens", "DELETE FROM oauth_token WHERE expires_ms < ?",
                instant.toEpochMilli());
    }

    private static Token token(ResultSet row) throws SQLException {
        return new Token(row.getString(1), row.getString(2), TokenKind.valueOf(row.getString(3)), row.getString(4),
                row.getString(5), row.getString(6), row.getString(7), Instant.ofEpochMilli(row.getLong(8)),
                Instant.ofEpochMilli(row.getLong(9)), row.getBoolean(10));
    }
}
