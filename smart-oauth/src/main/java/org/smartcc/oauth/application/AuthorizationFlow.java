package org.smartcc.oauth.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.smartcc.oauth.domain.App;
import org.smartcc.oauth.domain.AppScope;
import org.smartcc.oauth.domain.OAuthError;
import org.smartcc.oauth.domain.OAuthException;
import org.smartcc.oauth.domain.OAuthPrincipal;
import org.smartcc.oauth.domain.Token;
import org.smartcc.oauth.domain.TokenKind;
import org.smartcc.oauth.internal.protocol.Parameter;
import org.smartcc.oauth.internal.protocol.PercentEncoding;
import org.smartcc.oauth.internal.protocol.ProtocolParameters;
import org.smartcc.oauth.internal.protocol.Secrets;
import org.smartcc.oauth.internal.protocol.TokenIssuer;
import org.smartcc.oauth.internal.protocol.TokenRepository;

/**
 * The 3-legged dance of launch flow B (spec §4.4): request token (2-legged), the user's approval (the service
 * behind the launcher's authorize page) and the exchange for an access token bound to app, user and record.
 */
public final class AuthorizationFlow {

    /** Form (or header) parameter that binds a request token to a record. */
    public static final String SMART_RECORD_ID = "smart_record_id";

    private final OAuthProvider provider;
    private final AppRepository apps;
    private final TokenRepository tokens;
    private final UserRepository users;
    private final ApprovalRepository approvals;
    private final RecordIds records;
    private final TokenIssuer issuer;
    private final Secrets secrets;
    private final Clock clock;

    public AuthorizationFlow(OAuthProvider provider, AppRepository apps, TokenRepository tokens, UserRepository users,
            ApprovalRepository approvals, RecordIds records, TokenIssuer issuer, Secrets secrets, Clock clock) {
        this.provider = provider;
        this.apps = apps;
        this.tokens = tokens;
        this.users = users;
        this.approvals = approvals;
        this.records = records;
        this.issuer = issuer;
        this.secrets = secrets;
        this.clock = clock;
    }

    /**
     * {@code POST /oauth/request_token}, signed 2-legged. {@code smart_record_id} (form body, header or query) binds
     * the token to a record. The {@code oauth_callback} sent (usually {@code oob}) is not used: the approval always
     * redirects to the manifest's callback, as the reference does; the response still confirms it (RFC 5849 §2.1).
     */
    public TokenResponse issueRequestToken(OAuthHttpRequest request) {
        VerifiedRequest verified = provider.verifyRequest(request);
        OAuthPrincipal principal = verified.principal();
        if (!principal.twoLegged()) {
            throw new OAuthException(OAuthError.FORBIDDEN_TOKEN_KIND, "request tokens are requested 2-legged, "
                    + "signed with the consumer secret only");
        }
        String recordId = verified.parameter(SMART_RECORD_ID).orElse(null);
        if (recordId != null) {
            requireRecordExists(recordId);
        }
        Token token = issuer.issue(TokenKind.REQUEST, principal.appId(), null, recordId);
        return new TokenResponse(token.value(), token.secret(), List.of(new Parameter("oauth_callback_confirmed",
                "true")));
    }

    /**
     * What the authorize page shows: the app asking and the record the token is bound to, if any, and whether the
     * signed-in user approved this app on that record before.
     *
     * @param userId the signed-in user, or null when the page does not know yet
     */
    public PendingAuthorization pendingAuthorization(String requestToken, String userId) {
        Token token = usableRequestToken(requestToken);
        App app = apps.find(token.appId())
                .orElseThrow(() -> new OAuthException(OAuthError.APP_UNKNOWN, "the token's app is not installed"));
        boolean recordKnown = token.recordId().isPresent() || app.scope() == AppScope.CONTAINER;
        boolean approvedBefore = userId != null && recordKnown
                && approvals.approvedBefore(app.id(), userId, token.recordId().orElse(null));
        return new PendingAuthorization(app, token.recordId(), approvedBefore);
    }

    /**
     * The logged-in user approves the request token. The record is the one the token is bound to, or else the one
     * the user picked on the authorize page ({@code chosenRecordId}, may be null for container-scope apps).
     *
     * @return where to send the browser: the manifest's {@code oauth_callback} with token and verifier
     */
    public Approval approve(String requestToken, String userId, String chosenRecordId) {
        Token token = usableRequestToken(requestToken);
        App app = apps.find(token.appId())
                .orElseThrow(() -> new OAuthException(OAuthError.APP_UNKNOWN, "the token's app is not installed"));
        String callback = app.oauthCallback().orElseThrow(() -> new OAuthException(OAuthError.APP_HAS_NO_CALLBACK,
                "app " + app.id() + " has no oauth_callback in its manifest and cannot be authorized"));
        if (users.find(userId).isEmpty()) {
            throw new OAuthException(OAuthError.USER_UNKNOWN, "no such user: " + userId);
        }
        String recordId = bindRecord(token, app, chosenRecordId);
        String verifier = secrets.verifier();
        if (!tokens.approve(token.value(), userId, recordId, verifier)) {
            throw new OAuthException(OAuthError.OAUTH_TOKEN_REVOKED, "the request token was already approved or used");
        }
        approvals.remember(app.id(), userId, recordId, clock.instant());
        String redirect = callback + (callback.contains("?") ? "&" : "?") + PercentEncoding.formEncode(List.of(
                new Parameter("oauth_token", token.value()), new Parameter("oauth_verifier", verifier)));
        return new Approval(redirect, verifier);
    }

    /**
     * {@code POST /oauth/access_token}, signed with the approved request token and carrying {@code oauth_verifier}
     * (header or form body). The request token is used up.
     *
     * @return {@code oauth_token}, {@code oauth_token_secret}, {@code record_id}, {@code user_id}
     */
    public TokenResponse exchangeAccessToken(OAuthHttpRequest request) {
        VerifiedRequest verified = provider.verifyRequest(request);
        OAuthPrincipal principal = verified.principal();
        Token requestToken = principal.token()
                .filter(t -> t.kind() == TokenKind.REQUEST)
                .orElseThrow(() -> new OAuthException(OAuthError.FORBIDDEN_TOKEN_KIND,
                        "the access token exchange must be signed with a request token"));
        String sent = verified.parameter(ProtocolParameters.VERIFIER).orElse("");
        String expected = requestToken.verifier().orElse(null);
        if (expected == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                sent.getBytes(StandardCharsets.UTF_8))) {
            throw new OAuthException(OAuthError.OAUTH_VERIFIER_INVALID, expected == null
                    ? "the request token has not been approved by a user" : "oauth_verifier does not match");
        }
        if (!tokens.revoke(requestToken.value())) {
            throw new OAuthException(OAuthError.OAUTH_TOKEN_REVOKED, "the request token was already exchanged");
        }
        String userId = requestToken.userId().orElseThrow();
        String recordId = requestToken.recordId().orElse(null);
        Token access = issuer.issue(TokenKind.ACCESS, principal.appId(), userId, recordId);
        return new TokenResponse(access.value(), access.secret(), List.of(
                new Parameter("record_id", recordId == null ? "" : recordId), new Parameter("user_id", userId)));
    }

    private String bindRecord(Token token, App app, String chosenRecordId) {
        Optional<String> bound = token.recordId();
        if (bound.isPresent()) {
            if (chosenRecordId != null && !chosenRecordId.equals(bound.get())) {
                throw new OAuthException(OAuthError.FORBIDDEN_WRONG_RECORD, "the request token is bound to "
                        + "another record than " + chosenRecordId);
            }
            return bound.get();
        }
        if (chosenRecordId == null) {
            if (app.scope() == AppScope.RECORD) {
                throw new OAuthException(OAuthError.RECORD_REQUIRED, "app " + app.id() + " needs a record");
            }
            return null;
        }
        requireRecordExists(chosenRecordId);
        return chosenRecordId;
    }

    private Token usableRequestToken(String value) {
        Token token = tokens.find(value)
                .filter(t -> t.kind() == TokenKind.REQUEST)
                .orElseThrow(() -> new OAuthException(OAuthError.OAUTH_TOKEN_UNKNOWN, "unknown request token"));
        if (token.expiredAt(clock.instant())) {
            throw new OAuthException(OAuthError.OAUTH_TOKEN_EXPIRED, "the request token expired");
        }
        if (token.revoked()) {
            throw new OAuthException(OAuthError.OAUTH_TOKEN_REVOKED, "the request token was already used");
        }
        return token;
    }

    private void requireRecordExists(String recordId) {
        if (!records.exists(recordId)) {
            throw new OAuthException(OAuthError.RECORD_UNKNOWN, "no such record: " + recordId);
        }
    }
}
