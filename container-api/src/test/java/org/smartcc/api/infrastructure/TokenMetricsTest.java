package org.smartcc.api.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smartcc.oauth.domain.Token;
import org.smartcc.oauth.domain.TokenKind;

/** The provider's token events become the token metrics: issued by kind, revoked by count. */
class TokenMetricsTest {

    private final List<String> counted = new ArrayList<>();
    private final TokenMetrics tokens = new TokenMetrics(new OperationMetrics() {
        @Override
        public void tokenIssued(String kind) {
            counted.add("issued " + kind);
        }

        @Override
        public void tokensRevoked(long count) {
            counted.add("revoked " + count);
        }
    });

    @Test
    void issuedTokensCountByKindAndRevocationsByHowManyWereLive() {
        Instant now = Instant.parse("2026-12-07T06:00:00Z");
        Token connect = new Token("t", "s", TokenKind.CONNECT, "app@apps.test", "alice", "1001", null, now,
                now.plusSeconds(60), false);
        tokens.issued(connect);
        tokens.revoked(connect);
        tokens.revokedAllOfApp("app@apps.test", 3);
        tokens.revokedAllOfUser("alice", 0);
        assertEquals(List.of("issued connect", "revoked 1", "revoked 3", "revoked 0"), counted);
    }
}
