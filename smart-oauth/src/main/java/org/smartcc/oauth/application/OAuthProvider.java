package org.smartcc.oauth.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.smartcc.oauth.domain.App;
import org.smartcc.oauth.domain.AppMode;
import org.smartcc.oauth.domain.OAuthError;
import org.smartcc.oauth.domain.OAuthException;
import org.smartcc.oauth.domain.OAuthPrincipal;
import org.smartcc.oauth.domain.Token;
import org.smartcc.oauth.domain.TokenKind;
import org.smartcc.oauth.internal.protocol.NonceStore;
import org.smartcc.oauth.internal.protocol.Parameter;
import org.smartcc.oauth.internal.protocol.ProtocolParameters;
import org.smartcc.oauth.internal.protocol.SignatureScheme;
import org.smartcc.oauth.internal.protocol.TokenRepository;

/**
 * Verifies OAuth 1.0a signed requests and answers the authorization questions of the resources.
 *
 * <p>Checks run in this order: header present and well-formed, signature method, consumer, timestamp window,
 * token known (its secret is needed for the signature), signature, nonce, app enabled, token expiry, token
 * revocation. The nonce
 * is stored only after the signature matched, so unsigned requests can neither fill the nonce table nor burn
 * nonces of a genuine client; expiry and revocation are reported only to someone who could sign with the token.
 */
public final class OAuthProvider {

    /** Tokens record calls are signed with; CONNECT tokens only by the launcher, on behalf of their app. */
    private static final Set<TokenKind> RECORD_TOKEN_KINDS = Set.of(TokenKind.ACCESS, TokenKind.BACKGROUND,
            TokenKind.CONNECT);
    private static final Set<TokenKind> USER_TOKEN_KINDS = Set.of(TokenKind.ACCESS, TokenKind.CONNECT);
    /** Apps whose access tokens may search records (smart-classic §4.8): the others see only their own record. */
    private static final Set<AppMode> RECORD_SEARCH_MODES = Set.of(AppMode.FRAME_UI, AppMode.HELPER);

    private final AppRepository apps;
    private final TokenRepository tokens;
    private final NonceStore nonces;
    private final SignatureScheme signatures;
    private final OAuthSettings settings;
    private final Clock clock;
    private final TokenEvents events;
    /** Epoch second of the last purge of stale nonces and tokens, done on the side of verification. */
    private final AtomicLong lastPurge = new AtomicLong();

    public OAuthProvider(AppRepository apps, TokenRepository tokens, NonceStore nonces, SignatureScheme signatures,
            OAuthSettings settings, Clock clock) {
        this(apps, tokens, nonces, signatures, settings, clock, TokenEvents.NONE);
    }

    /** @param events hears of each revocation */
    public OAuthProvider(AppRepository apps, TokenRepository tokens, NonceStore nonces, SignatureScheme signatures,
            OAuthSettings settings, Clock clock, TokenEvents events) {
        this.events = events;
        this.apps = apps;
        this.tokens = tokens;
        this.nonces = nonces;
        this.signatures = signatures;
        this.settings = settings;
        this.clock = clock;
        this.lastPurge.set(clock.instant().getEpochSecond());
    }

    /**
     * Verifies the signature of a request and returns who made it.
     *
     * @throws OAuthException with one of the OAUTH_* codes (all 401, OAUTH_PARAMETERS_MALFORMED 400)
     */
    public OAuthPrincipal verify(OAuthHttpRequest request) {
        return verifyRequest(request).principal();
    }

    /**
     * {@link #verify} that also hands the parsed header to the token endpoints of this package.
     *
     * <p>Two kinds of consumer sign: an app with its own tokens (never a SMART Connect token, which is not handed to
     * apps), and the container's launcher ({@link OAuthSettings#LAUNCHER_CONSUMER_KEY}, its secret from the settings)
     * with a SMART Connect token only, on behalf of the token's app, user and record (smart-classic §6.4). While no
     * launcher secret is set, the launcher is an unknown consumer like any other.
     */
    VerifiedRequest verifyRequest(OAuthHttpRequest request) {
        String header = request.authorization()
                .orElseThrow(() -> new OAuthException(OAuthError.OAUTH_HEADER_MISSING,
                        "the request has no Authorization header"));
        ProtocolParameters protocol = signatures.parseAuthorization(header);
        Optional<String> launcherSecret = settings.launcherSecretIfSet()
                .filter(secret -> OAuthSettings.LAUNCHER_CONSUMER_KEY.equals(protocol.consumerKey()));
        App consumer = launcherSecret.isPresent() ? null : apps.find(protocol.consumerKey())
                .orElseThrow(() -> new OAuthException(OAuthError.OAUTH_UNKNOWN_CONSUMER,
                        "no app is installed with the consumer key " + protocol.consumerKey()));
        Instant now = clock.instant();
        checkTimestamp(protocol.timestamp(), now);
        Token token = consumer == null ? findConnectToken(protocol)
                : protocol.token().map(value -> findSignableToken(value, consumer)).orElse(null);
        App app = consumer != null ? consumer : appOfConnectToken(token);

        String baseString = signatures.baseString(request.method(), request.url(), signedParameters(request, protocol));
        if (!signatures.signatureMatches(baseString, launcherSecret.orElseGet(app::consumerSecret),
                token == null ? "" : token.secret(), protocol.signature())) {
            throw new OAuthException(OAuthError.OAUTH_BAD_SIGNATURE, "the signature does not match the request "
                    + "(check the consumer secret, the token secret and the signature base string)");
        }
        if (!nonces.remember(protocol.consumerKey(), token == null ? "" : token.value(), protocol.nonce(),
                protocol.timestamp())) {
            throw new OAuthException(OAuthError.OAUTH_NONCE_REPLAYED, "this nonce was already used with this "
                    + "consumer, token and timestamp");
        }
        purgeIfDue(now);
        if (!app.enabled()) {
            throw new OAuthException(OAuthError.OAUTH_CONSUMER_DISABLED, "app " + app.id() + " is disabled");
        }
        if (token == null) {
            return new VerifiedRequest(OAuthPrincipal.twoLegged(app), protocol, request);
        }
        requireUsable(token, now);
        return new VerifiedRequest(OAuthPrincipal.withToken(app, token), protocol, request);
    }

    /**
     * For record calls ({@code /records/{record_id}/...}): the principal must hold an access, background or SMART
     * Connect token bound to this record. The token's app and user binding was checked by {@link #verify}.
     *
     * @throws OAuthException FORBIDDEN_TOKEN_KIND or FORBIDDEN_WRONG_RECORD (403)
     */
    public void requireRecord(OAuthPrincipal principal, String recordId) {
        TokenKind kind = principal.tokenKind().orElseThrow(() -> new OAuthException(OAuthError.FORBIDDEN_TOKEN_KIND,
                "record calls must be signed with an access token, not 2-legged"));
        if (!RECORD_TOKEN_KINDS.contains(kind)) {
            throw new OAuthException(OAuthError.FORBIDDEN_TOKEN_KIND,
                    "a " + kind.name().toLowerCase(Locale.ROOT) + " token cannot be used for record calls");
        }
        if (!principal.recordId().map(recordId::equals).orElse(false)) {
            throw new OAuthException(OAuthError.FORBIDDEN_WRONG_RECORD,
                    "the access token is not bound to record " + recordId);
        }
    }

    /**
     * For user calls ({@code /accounts/{user_id}/apps/{app_id}/preferences}): the principal must hold an access or
     * SMART Connect token of this user and this app.
     *
     * @throws OAuthException FORBIDDEN_TOKEN_KIND, FORBIDDEN_WRONG_USER or FORBIDDEN_WRONG_APP (403)
     */
    public void requireUser(OAuthPrincipal principal, String userId, String appId) {
        TokenKind kind = principal.tokenKind().orElseThrow(() -> new OAuthException(OAuthError.FORBIDDEN_TOKEN_KIND,
                "user calls must be signed with an access token, not 2-legged"));
        if (!USER_TOKEN_KINDS.contains(kind)) {
            throw new OAuthException(OAuthError.FORBIDDEN_TOKEN_KIND,
                    "a " + kind.name().toLowerCase(Locale.ROOT) + " token cannot be used for user calls");
        }
        if (!principal.userId().map(userId::equals).orElse(false)) {
            throw new OAuthException(OAuthError.FORBIDDEN_WRONG_USER,
                    "the access token is not bound to user " + userId);
        }
        if (!principal.appId().equals(appId)) {
            throw new OAuthException(OAuthError.FORBIDDEN_WRONG_APP, "the access token belongs to another app");
        }
    }

    /**
     * For {@code /users/...} (smart-classic §4.8): an access or SMART Connect token, which a user approved. A
     * 2-legged signature or a background token has no user behind it.
     *
     * @param call what is being called, for the message
     * @throws OAuthException FORBIDDEN_TOKEN_KIND (403)
     */
    public void requireApprovedByUser(OAuthPrincipal principal, String call) {
        TokenKind kind = principal.tokenKind().orElseThrow(() -> new OAuthException(OAuthError.FORBIDDEN_TOKEN_KIND,
                call + " needs an access token a user approved, not a 2-legged signature"));
        if (!USER_TOKEN_KINDS.contains(kind) || principal.userId().isEmpty()) {
            throw new OAuthException(OAuthError.FORBIDDEN_TOKEN_KIND, call + " needs an access token a user approved,"
                    + " not a " + kind.name().toLowerCase(Locale.ROOT) + " token");
        }
    }

    /**
     * For {@code /records/search} (smart-classic §4.8): an access token a user approved, of a frame_ui or helper app;
     * or a 2-legged signature of a helper app the administrator flagged (the reference's {@code admin_p}).
     *
     * @param flaggedHelpers ids of the helper apps the administrator flagged
     * @throws OAuthException FORBIDDEN_TOKEN_KIND or FORBIDDEN_APP_MODE (403)
     */
    public void requireRecordSearch(OAuthPrincipal principal, Set<String> flaggedHelpers) {
        AppMode mode = principal.app().mode();
        if (principal.twoLegged() && mode == AppMode.HELPER && flaggedHelpers.contains(principal.appId())) {
            return;
        }
        requireApprovedByUser(principal, "record search");
        if (!RECORD_SEARCH_MODES.contains(mode)) {
            throw new OAuthException(OAuthError.FORBIDDEN_APP_MODE, "only frame_ui and helper apps may search records;"
                    + " " + principal.appId() + " is a " + mode.manifestValue() + " app");
        }
    }

    /** The {@code /oauth/debug} aid: the signature base string the server computes for this request. */
    public String debugBaseString(OAuthHttpRequest request) {
        if (!settings.debugEnabled()) {
            throw new OAuthException(OAuthError.DEBUG_DISABLED, "the OAuth debug aid is disabled");
        }
        String header = request.authorization()
                .orElseThrow(() -> new OAuthException(OAuthError.OAUTH_HEADER_MISSING,
                        "the request has no Authorization header"));
        ProtocolParameters protocol = signatures.parseAuthorization(header);
        return signatures.baseString(request.method(), request.url(), signedParameters(request, protocol));
    }

    /** Revokes one token of any kind; false if it is unknown or already revoked. */
    public boolean revoke(String token) {
        return revokeAndDescribe(token).isPresent();
    }

    /** Revokes one token of any kind and returns it as it was; empty if it is unknown or already revoked. */
    public Optional<Token> revokeAndDescribe(String token) {
        Optional<Token> revoked = tokens.find(token).filter(t -> tokens.revoke(t.value()));
        revoked.ifPresent(events::revoked);
        return revoked;
    }

    /** The app's tokens that are neither revoked nor expired, oldest first. */
    public List<Token> liveTokensOfApp(String appId) {
        return tokens.findLiveOfApp(appId, clock.instant());
    }

    /** Revokes every token of an app, e.g. when its secret leaked; returns how many. */
    public int revokeAllOfApp(String appId) {
        int revoked = tokens.revokeAllOfApp(appId);
        events.revokedAllOfApp(appId, revoked);
        return revoked;
    }

    /** Revokes all tokens of a user, e.g. at logout. */
    public int revokeAllOfUser(String userId) {
        int revoked = tokens.revokeAllOfUser(userId);
        events.revokedAllOfUser(userId, revoked);
        return revoked;
    }

    /** Forgets nonces that have left the timestamp window and deletes expired tokens; verification does it too. */
    public void purgeStaleState() {
        Instant now = clock.instant();
        lastPurge.set(now.getEpochSecond());
        nonces.forgetOlderThan(now.minus(settings.timestampWindow()).getEpochSecond());
        tokens.deleteExpiredBefore(now);
    }

    private void purgeIfDue(Instant now) {
        long previous = lastPurge.get();
        if (now.getEpochSecond() - previous >= settings.timestampWindow().toSeconds()
                && lastPurge.compareAndSet(previous, now.getEpochSecond())) {
            purgeStaleState();
        }
    }

    private void checkTimestamp(long timestamp, Instant now) {
        long skew = timestamp - now.getEpochSecond();
        long window = settings.timestampWindow().toSeconds();
        if (skew > window || skew < -window) {
            throw new OAuthException(OAuthError.OAUTH_TIMESTAMP_OUT_OF_WINDOW, "oauth_timestamp is " + Math.abs(skew)
                    + " s " + (skew > 0 ? "ahead of" : "behind") + " the server clock; at most " + window
                    + " s are allowed");
        }
    }

    /** A token the app may sign with: its own, and not a SMART Connect token (those are never handed to apps). */
    private Token findSignableToken(String value, App app) {
        return tokens.find(value)
                .filter(t -> t.appId().equals(app.id()) && t.kind() != TokenKind.CONNECT)
                .orElseThrow(() -> new OAuthException(OAuthError.OAUTH_TOKEN_UNKNOWN,
                        "oauth_token is not a token of this app"));
    }

    /** The launcher signs with SMART Connect tokens only: they are what it holds for the launches it hosts. */
    private Token findConnectToken(ProtocolParameters protocol) {
        return protocol.token().flatMap(tokens::find)
                .filter(t -> t.kind() == TokenKind.CONNECT)
                .orElseThrow(() -> new OAuthException(OAuthError.OAUTH_TOKEN_UNKNOWN,
                        "the launcher signs with a SMART Connect token, and oauth_token is none"));
    }

    private App appOfConnectToken(Token token) {
        return apps.find(token.appId())
                .orElseThrow(() -> new OAuthException(OAuthError.OAUTH_TOKEN_UNKNOWN, "the token's app is gone"));
    }

    private static void requireUsable(Token token, Instant now) {
        if (token.expiredAt(now)) {
            throw new OAuthException(OAuthError.OAUTH_TOKEN_EXPIRED, "the token expired at " + token.expiresAt());
        }
        if (token.revoked()) {
            throw new OAuthException(OAuthError.OAUTH_TOKEN_REVOKED, "the token was revoked or already used");
        }
    }

    private static List<Parameter> signedParameters(OAuthHttpRequest request, ProtocolParameters protocol) {
        List<Parameter> all = new ArrayList<>(protocol.all());
        all.addAll(request.queryParameters());
        all.addAll(request.formParameters());
        return all;
    }
}
