package org.smartcc.oauth.internal.protocol;

import java.time.Clock;
import java.time.Instant;
import org.smartcc.oauth.application.OAuthSettings;
import org.smartcc.oauth.application.TokenEvents;
import org.smartcc.oauth.domain.Token;
import org.smartcc.oauth.domain.TokenKind;

/** Mints and stores tokens with random values and secrets and the lifetime of their kind. */
public final class TokenIssuer {

    private final TokenRepository tokens;
    private final Secrets secrets;
    private final OAuthSettings settings;
    private final Clock clock;
    private final TokenEvents events;

    public TokenIssuer(TokenRepository tokens, Secrets secrets, OAuthSettings settings, Clock clock,
                       TokenEvents events) {
        this.tokens = tokens;
        this.secrets = secrets;
        this.settings = settings;
        this.clock = clock;
        this.events = events;
    }

    /** @param userId   null for request and background tokens */
    public Token issue(TokenKind kind, String appId, String userId, String recordId) {
        Instant now = clock.instant();
        Instant expires = now.plus(kind == TokenKind.REQUEST ? settings.requestTokenTtl() : settings.accessTokenTtl());
        Token token = new Token(secrets.token(), secrets.token(), kind, appId, userId, recordId, null, now, expires,
                false);
        tokens.save(token);
        events.issued(token);
        return token;
    }
}
