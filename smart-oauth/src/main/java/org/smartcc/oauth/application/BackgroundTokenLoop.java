package org.smartcc.oauth.application;

import java.util.List;
import java.util.Optional;
import org.smartcc.oauth.domain.OAuthError;
import org.smartcc.oauth.domain.OAuthException;
import org.smartcc.oauth.domain.OAuthPrincipal;
import org.smartcc.oauth.domain.Token;
import org.smartcc.oauth.domain.TokenKind;
import org.smartcc.oauth.internal.protocol.Parameter;
import org.smartcc.oauth.internal.protocol.TokenIssuer;

/**
 * Per-record tokens for background and helper apps (spec §4.6), all requested 2-legged:
 * {@code POST /apps/{app_id}/tokens/records/first}, {@code POST .../{record_id}/next} (404 after the last record)
 * and {@code GET .../{record_id}}. Answers carry {@code oauth_token}, {@code oauth_token_secret} and
 * {@code smart_record_id}. An app that {@link RecordScopes} narrows walks only its records, and a token for a record
 * outside them is refused ({@code FORBIDDEN_NOT_GRANTED}); any other app walks every record.
 */
public final class BackgroundTokenLoop {

    private final OAuthProvider provider;
    private final RecordIds records;
    private final RecordScopes scopes;
    private final TokenIssuer issuer;

    public BackgroundTokenLoop(OAuthProvider provider, RecordIds records, RecordScopes scopes, TokenIssuer issuer) {
        this.provider = provider;
        this.records = records;
        this.scopes = scopes;
        this.issuer = issuer;
    }

    public TokenResponse first(OAuthHttpRequest request, String appId) {
        OAuthPrincipal app = verifyBackgroundApp(request, appId);
        return tokenFor(app, walkable(appId).first());
    }

    public TokenResponse next(OAuthHttpRequest request, String appId, String afterRecordId) {
        OAuthPrincipal app = verifyBackgroundApp(request, appId);
        return tokenFor(app, walkable(appId).after(afterRecordId));
    }

    public TokenResponse forRecord(OAuthHttpRequest request, String appId, String recordId) {
        OAuthPrincipal app = verifyBackgroundApp(request, appId);
        if (!records.exists(recordId)) {
            throw new OAuthException(OAuthError.RECORD_UNKNOWN, "no such record: " + recordId);
        }
        Optional<RecordIds> granted = scopes.of(appId);
        if (granted.isPresent() && !granted.get().exists(recordId)) {
            throw new OAuthException(OAuthError.FORBIDDEN_NOT_GRANTED, "the app was not granted record " + recordId);
        }
        return tokenFor(app, Optional.of(recordId));
    }

    private RecordIds walkable(String appId) {
        return scopes.of(appId).orElse(records);
    }

    private OAuthPrincipal verifyBackgroundApp(OAuthHttpRequest request, String appId) {
        OAuthPrincipal principal = provider.verify(request);
        if (!principal.twoLegged()) {
            throw new OAuthException(OAuthError.FORBIDDEN_TOKEN_KIND,
                    "record tokens are requested 2-legged, signed with the consumer secret only");
        }
        if (!principal.appId().equals(appId)) {
            throw new OAuthException(OAuthError.FORBIDDEN_WRONG_APP, "an app can only request its own tokens");
        }
        if (!principal.app().mode().runsWithoutUser()) {
            throw new OAuthException(OAuthError.FORBIDDEN_NOT_BACKGROUND_APP,
                    "only background and helper apps may loop over records");
        }
        return principal;
    }

    private TokenResponse tokenFor(OAuthPrincipal app, Optional<String> recordId) {
        String record = recordId.orElseThrow(() -> new OAuthException(OAuthError.NO_MORE_RECORDS, "no more records"));
        Token token = issuer.issue(TokenKind.BACKGROUND, app.appId(), null, record);
        scopes.handedOut(app.appId(), record);
        return new TokenResponse(token.value(), token.secret(), List.of(new Parameter("smart_record_id", record)));
    }
}
