package org.smartcc.oauth.infrastructure.jpa;

import java.time.Instant;
import java.util.Optional;
import org.smartcc.oauth.application.TokenRepository;
import org.smartcc.oauth.domain.Token;

/** Tokens; the state changes are conditional bulk updates so that the database decides races. */
public final class JpaTokenRepository implements TokenRepository {

    private final ContainerPersistence persistence;

    public JpaTokenRepository(ContainerPersistence persistence) {
        this.persistence = persistence;
    }

    @Override
    public void save(Token token) {
        persistence.runInTransaction(em -> em.persist(TokenEntity.of(token)));
    }

    @Override
    public Optional<Token> find(String token) {
        return persistence.read(em -> Optional.ofNullable(em.find(TokenEntity.class, token))
                .map(TokenEntity::toDomain));
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
    public int deleteExpiredBefore(Instant instant) {
        return persistence.inTransaction(em -> em.createQuery("DELETE FROM TokenEntity t WHERE t.expiresMs < :before")
                .setParameter("before", instant.toEpochMilli())
                .executeUpdate());
    }
}
