package org.smartcc.api.application;

import org.smartcc.api.domain.AuditKind;
import org.smartcc.oauth.application.TokenEvents;
import org.smartcc.oauth.domain.Token;

/**
 * Tokens issued and revoked, as the OAuth provider tells of them, into the audit trail: the token's kind and binding
 * (app, user, record), never its value or secret. Issuing happens in a request, so a failed write fails it.
 */
public final class TokenAudit implements TokenEvents {

    private final Auditor auditor;

    public TokenAudit(Auditor auditor) {
        this.auditor = auditor;
    }

    @Override
    public void issued(Token token) {
        recordOf(AuditKind.TOKEN_ISSUED, token);
    }

    @Override
    public void revoked(Token token) {
        recordOf(AuditKind.TOKEN_REVOKED, token);
    }

    @Override
    public void revokedAllOfApp(String appId, int count) {
        auditor.record(auditor.event(AuditKind.TOKEN_REVOKED).app(appId).what("all tokens of the app: " + count));
    }

    @Override
    public void revokedAllOfUser(String userId, int count) {
        auditor.record(auditor.event(AuditKind.TOKEN_REVOKED).user(userId).what("all tokens of the user: " + count));
    }

    private void recordOf(AuditKind kind, Token token) {
        auditor.record(auditor.event(kind).app(token.appId()).user(token.userId().orElse(null))
                .record(token.recordId().orElse(null)).what(token.kind().name()));
    }
}
