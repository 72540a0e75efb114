package org.smartcc.oauth.application;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.smartcc.oauth.domain.App;
import org.smartcc.oauth.domain.AppScope;
import org.smartcc.oauth.domain.OAuthError;
import org.smartcc.oauth.domain.OAuthException;
import org.smartcc.oauth.domain.Token;
import org.smartcc.oauth.domain.TokenKind;
import org.smartcc.oauth.internal.protocol.Parameter;
import org.smartcc.oauth.internal.protocol.PercentEncoding;
import org.smartcc.oauth.internal.protocol.ProtocolParameters;
import org.smartcc.oauth.internal.protocol.Secrets;
import org.smartcc.oauth.internal.protocol.SignatureScheme;
import org.smartcc.oauth.internal.protocol.TokenIssuer;

/**
 * Pre-authorized credentials for an app the logged-in user launches (flows A and C): a REST access token, a SMART
 * Connect token, and on request the legacy "SMART OAuth header" of SMART 0.3–0.5 (spec §4.5).
 */
public final class AppLaunch {

    private final AppRepository apps;
    private final UserRepository users;
    private final RecordIds records;
    private final TokenIssuer issuer;
    private final SignatureScheme signatures;
    private final Secrets secrets;
    private final Clock clock;

    public AppLaunch(AppRepository apps, UserRepository users, RecordIds records, TokenIssuer issuer,
            SignatureScheme signatures, Secrets secrets, Clock clock) {
        this.apps = apps;
        this.users = users;
        this.records = records;
        this.issuer = issuer;
        this.signatures = signatures;
        this.secrets = secrets;
        this.clock = clock;
    }

    /**
     * Mints the tokens of one launch, bound to app, user and record.
     *
     * @param recordId null only for container-scope apps
     */
    public LaunchCredentials launch(String appId, String userId, String recordId) {
        App app = apps.find(appId).orElseThrow(() -> new OAuthException(OAuthError.APP_UNKNOWN, "no such app: "
                + appId));
        if (!app.enabled()) {
            throw new OAuthException(OAuthError.APP_DISABLED, "app " + appId + " is disabled");
        }
        if (users.find(userId).isEmpty()) {
            throw new OAuthException(OAuthError.USER_UNKNOWN, "no such user: " + userId);
        }
        if (recordId == null && app.scope() == AppScope.RECORD) {
            throw new OAuthException(OAuthError.RECORD_REQUIRED, "app " + appId + " needs a record");
        }
        if (recordId != null && !records.exists(recordId)) {
            throw new OAuthException(OAuthError.RECORD_UNKNOWN, "no such record: " + recordId);
        }
        Token rest = issuer.issue(TokenKind.ACCESS, appId, userId, recordId);
        Token connect = issuer.issue(TokenKind.CONNECT, appId, userId, recordId);
        return new LaunchCredentials(appId, userId, recordId, rest.value(), rest.secret(), connect.value(),
                connect.secret());
    }

    /**
     * The legacy {@code oauth_header}: 2-legged signed by the container with the app's consumer key and secret over
     * {@code GET <manifest index>}, carrying the REST token and secret and the launch context as {@code smart_*}
     * parameters. The app checks the signature with its secret and then uses the token for its REST calls.
     *
     * @param apiBase the API base URL apps call, without trailing slash
     */
    public String legacyOAuthHeader(LaunchCredentials launch, String apiBase) {
        App app = apps.find(launch.appId()).orElseThrow(() -> new OAuthException(OAuthError.APP_UNKNOWN,
                "no such app: " + launch.appId()));
        URI index = URI.create(app.index().orElseThrow(() -> new OAuthException(OAuthError.APP_UNKNOWN,
                "app " + app.id() + " has no index URL to sign the header over")));
        List<Parameter> parameters = new ArrayList<>(List.of(
                new Parameter("smart_container_api_base", stripTrailingSlash(apiBase)),
                new Parameter("smart_record_id", launch.recordId() == null ? "" : launch.recordId()),
                new Parameter("smart_user_id", launch.userId()),
                new Parameter("smart_app_id", app.id()),
                new Parameter("smart_oauth_token", launch.restToken()),
                new Parameter("smart_oauth_token_secret", launch.restSecret()),
                new Parameter(ProtocolParameters.CONSUMER_KEY, app.id()),
                new Parameter(ProtocolParameters.NONCE, secrets.nonce()),
                new Parameter(ProtocolParameters.TIMESTAMP, Long.toString(clock.instant().getEpochSecond())),
                new Parameter(ProtocolParameters.SIGNATURE_METHOD, "HMAC-SHA1"),
                new Parameter(ProtocolParameters.VERSION, "1.0")));
        List<Parameter> signed = new ArrayList<>(parameters);
        signed.addAll(PercentEncoding.formDecode(index.getRawQuery()).orElseThrow(() -> new IllegalStateException(
                "the index URL of " + app.id() + " has an undecodable query")));
        String baseString = signatures.baseString("GET", index, signed);
        parameters.add(new Parameter(ProtocolParameters.SIGNATURE,
                signatures.sign(baseString, app.consumerSecret(), "")));
        return signatures.authorizationHeader(parameters);
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
