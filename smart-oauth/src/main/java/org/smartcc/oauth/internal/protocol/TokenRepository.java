package org.smartcc.oauth.internal.protocol;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.smartcc.oauth.domain.Token;

/** Issued tokens. The conditional updates are atomic, so concurrent approvals or exchanges cannot both win. */
public interface TokenRepository {

    void save(Token token);

    Optional<Token> find(String token);

    /** The app's tokens that are neither revoked nor expired at the instant, oldest first. */
    List<Token> findLiveOfApp(String appId, Instant now);

    /** Binds a still-pending (unapproved, unrevoked) request token to the user and record; false if not pending. */
    boolean approve(String requestToken, String userId, String recordId, String verifier);

    /** Marks the token revoked; false if it is unknown or was already revoked. */
    boolean revoke(String token);

    /** Revokes every token of the user (logout); returns how many. */
    int revokeAllOfUser(String userId);

    /** Revokes every token of the app (an administrator's decision); returns how many. */
    int revokeAllOfApp(String appId);

    /** Deletes tokens that expired before the instant; returns how many. */
    int deleteExpiredBefore(Instant instant);
}
