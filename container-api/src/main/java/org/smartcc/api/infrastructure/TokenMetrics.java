package org.smartcc.api.infrastructure;

import java.util.Locale;
import org.smartcc.oauth.application.TokenEvents;
import org.smartcc.oauth.domain.Token;

/**
 * Tokens issued and revoked counted as the OAuth provider tells of them, the one place tokens are minted and revoked:
 * issued ones by their kind ({@code request}, {@code access}, {@code background}, {@code connect}), revoked ones all
 * together.
 */
public final class TokenMetrics implements TokenEvents {

    private final OperationMetrics metrics;

    public TokenMetrics(OperationMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void issued(Token token) {
        metrics.tokenIssued(token.kind().name().toLowerCase(Locale.ROOT));
    }

    @Override
    public void revoked(Token token) {
        metrics.tokensRevoked(1);
    }

    @Override
    public void revokedAllOfApp(String appId, int count) {
        metrics.tokensRevoked(count);
    }

    @Override
    public void revokedAllOfUser(String userId, int count) {
        metrics.tokensRevoked(count);
    }
}
