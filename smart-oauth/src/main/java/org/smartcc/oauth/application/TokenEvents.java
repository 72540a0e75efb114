package org.smartcc.oauth.application;

import org.smartcc.oauth.domain.Token;

/**
 * Hears of every token issued and revoked, supplied by the container (which keeps an audit trail of them): the
 * provider is the one place tokens are minted and revoked, so nothing is missed. A listener that throws fails the
 * call that issued or revoked.
 */
public interface TokenEvents {

    /** Nobody listens. */
    TokenEvents NONE = new TokenEvents() {
        @Override
        public void issued(Token token) {
            // nothing to tell
        }

        @Override
        public void revoked(Token token) {
            // nothing to tell
        }

        @Override
        public void revokedAllOfApp(String appId, int count) {
            // nothing to tell
        }

        @Override
        public void revokedAllOfUser(String userId, int count) {
            // nothing to tell
        }
    };

    /** A token was minted and stored (request, access, background or SMART Connect). */
    void issued(Token token);

    /** One token was revoked, as it was before (a request token spent by its exchange is not a revocation). */
    void revoked(Token token);

    /** Every token of the app was revoked: how many were live. */
    void revokedAllOfApp(String appId, int count);

    /** Every token of the user was revoked: how many were live. */
    void revokedAllOfUser(String userId, int count);

    /** This listener, then the next, for every event (an audit trail and metrics, say). */
    default TokenEvents andThen(TokenEvents next) {
        TokenEvents first = this;
        return new TokenEvents() {
            @Override
            public void issued(Token token) {
                first.issued(token);
                next.issued(token);
            }

            @Override
            public void revoked(Token token) {
                first.revoked(token);
                next.revoked(token);
            }

            @Override
            public void revokedAllOfApp(String appId, int count) {
                first.revokedAllOfApp(appId, count);
                next.revokedAllOfApp(appId, count);
            }

            @Override
            public void revokedAllOfUser(String userId, int count) {
                first.revokedAllOfUser(userId, count);
                next.revokedAllOfUser(userId, count);
            }
        };
    }
}
