package org.smartcc.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.scribejava.core.extractors.OAuth1AccessTokenExtractor;
import com.github.scribejava.core.extractors.OAuth1RequestTokenExtractor;
import com.github.scribejava.core.model.OAuth1AccessToken;
import com.github.scribejava.core.model.OAuth1RequestToken;
import com.github.scribejava.core.model.Response;
import com.github.scribejava.core.model.Verb;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.smartcc.oauth.application.Approval;
import org.smartcc.oauth.application.OAuthHttpRequest;
import org.smartcc.oauth.application.PendingAuthorization;
import org.smartcc.oauth.application.TokenResponse;
import org.smartcc.oauth.domain.OAuthError;
import org.smartcc.oauth.domain.OAuthException;
import org.smartcc.oauth.domain.OAuthPrincipal;
import org.smartcc.oauth.internal.protocol.Parameter;
import org.smartcc.oauth.internal.rfc5849.HmacSha1SignatureScheme;
import org.smartcc.store.domain.ErrorKind;

/** Launch flow B (spec §4.4) end to end, with ScribeJava as the app. */
class ThreeLeggedFlowTest {

    @TempDir
    Path dir;
    TestContainer container;
    ScribeClient app;

    @BeforeEach
    void open() {
        container = new TestContainer(dir);
        app = container.restClient();
    }

    @AfterEach
    void close() {
        container.close();
    }

    @Test
    void anApprovalIsRememberedForTheSameAppUserAndRecordOnly() {
        String first = container.module.authorization().issueRequestToken(requestTokenCall("1002")).token();
        assertFalse(container.module.authorization().pendingAuthorization(first, TestContainer.ALICE).approvedBefore());
        container.module.authorization().approve(first, TestContainer.ALICE, null);

        String again = container.module.authorization().issueRequestToken(requestTokenCall("1002")).token();
        assertTrue(container.module.authorization().pendingAuthorization(again, TestContainer.ALICE).approvedBefore());
        assertFalse(container.module.authorization().pendingAuthorization(again, TestContainer.BOB).approvedBefore());
        assertFalse(container.module.authorization().pendingAuthorization(again, null).approvedBefore());
        String otherRecord = container.module.authorization().issueRequestToken(requestTokenCall("1003")).token();
        assertFalse(container.module.authorization().pendingAuthorization(otherRecord, TestContainer.ALICE)
                .approvedBefore());
    }

    @Test
    void fullDanceGivesAnAccessTokenBoundToAppUserAndRecord() throws IOException {
        TokenResponse requestTokenResponse = container.module.authorization()
                .issueRequestToken(requestTokenCall("1002"));
        assertEquals("true", requestTokenResponse.parameter("oauth_callback_confirmed").orElseThrow());
        OAuth1RequestToken requestToken = OAuth1RequestTokenExtractor.instance()
                .extract(new Response(200, "OK", Map.of(), requestTokenResponse.formEncoded()));

        PendingAuthorization pending = container.module.authorization().pendingAuthorization(requestToken.getToken(), null);
        assertEquals(TestContainer.REST_APP, pending.app().id());
        assertEquals("1002", pending.recordId().orElseThrow());
        assertFalse(pending.approvedBefore());

        Approval approval = container.module.authorization()
                .approve(requestToken.getToken(), TestContainer.ALICE, null);
        URI redirect = URI.create(approval.redirectUrl());
        assertEquals(TestContainer.REST_CALLBACK,
                redirect.getScheme() + "://" + redirect.getHost() + redirect.getPath());
        assertEquals("oauth_token=" + requestToken.getToken() + "&oauth_verifier=" + approval.verifier(),
                redirect.getQuery());

        TokenResponse accessResponse = container.module.authorization().exchangeAccessToken(
                exchangeCall(requestToken, approval.verifier()));
        OAuth1AccessToken access = OAuth1AccessTokenExtractor.instance()
                .extract(new Response(200, "OK", Map.of(), accessResponse.formEncoded()));
        assertEquals("1002", access.getParameter("record_id"));
        // ScribeJava hands out response parameters undecoded
        assertEquals(TestContainer.ALICE, URLDecoder.decode(access.getParameter("user_id"), StandardCharsets.UTF_8));

        ScribeClient.Signed recordCall = app.sign(Verb.GET, TestContainer.recordUrl("1002", "/demographics"),
                access.getToken(), access.getTokenSecret());
        OAuthPrincipal principal = container.module.provider().verify(recordCall.toProvider());
        container.module.provider().requireRecord(principal, "1002");
        container.module.provider().requireUser(principal, TestContainer.ALICE, TestContainer.REST_APP);

        assertError(OAuthError.FORBIDDEN_WRONG_RECORD,
                () -> container.module.provider().requireRecord(principal, "1001"));
        assertError(OAuthError.FORBIDDEN_WRONG_USER,
                () -> container.module.provider().requireUser(principal, TestContainer.BOB, TestContainer.REST_APP));
        assertError(OAuthError.FORBIDDEN_WRONG_APP,
                () -> container.module.provider().requireUser(principal, TestContainer.ALICE,
                        TestContainer.PLAIN_UI_APP));
        assertEquals(ErrorKind.FORBIDDEN, assertThrows(OAuthException.class,
                () -> container.module.provider().requireRecord(principal, "1003")).kind());

        assertError(OAuthError.OAUTH_TOKEN_REVOKED, () -> container.module.authorization()
                .exchangeAccessToken(exchangeCall(requestToken, approval.verifier())));
    }

    @Test
    void recordChosenOnTheAuthorizePageWhenTheTokenHasNone() {
        TokenResponse requestToken = container.module.authorization().issueRequestToken(requestTokenCall(null));
        assertTrue(container.module.authorization().pendingAuthorization(requestToken.token(), null).recordId().isEmpty());
        assertError(OAuthError.RECORD_REQUIRED,
                () -> container.module.authorization().approve(requestToken.token(), TestContainer.BOB, null));

        Approval approval = container.module.authorization().approve(requestToken.token(), TestContainer.BOB, "1003");

        TokenResponse access = container.module.authorization().exchangeAccessToken(exchangeCall(
                new OAuth1RequestToken(requestToken.token(), requestToken.tokenSecret()), approval.verifier()));
        assertEquals("1003", access.parameter("record_id").orElseThrow());
        assertEquals(TestContainer.BOB, access.parameter("user_id").orElseThrow());
    }

    @Test
    void smartRecordIdInTheQueryAndOobCallbackInTheBodyAreAccepted() {
        ScribeClient.Signed signed = app.sign(Verb.POST,
                TestContainer.API_BASE + "/oauth/request_token?smart_record_id=1003", null, null,
                r -> r.addBodyParameter("oauth_callback", "oob"));
        TokenResponse response = container.module.authorization().issueRequestToken(signed.toProvider());
        assertEquals("1003", container.module.authorization().pendingAuthorization(response.token(), null).recordId()
                .orElseThrow());
    }

    @Test
    void smartRecordIdAsAnAuthorizationHeaderParameterIsAccepted() {
        // ScribeJava puts only oauth_* parameters into a header. Its signature over smart_record_id in the query is
        // also the signature over smart_record_id in the header (same base string), so the header is reassembled
        ScribeClient.Signed reference = app.sign(Verb.POST,
                TestContainer.API_BASE + "/oauth/request_token?smart_record_id=1002", null, null);
        List<Parameter> header = new ArrayList<>(List.of(new Parameter("smart_record_id", "1002")));
        reference.request().getOauthParameters().forEach((name, value) -> header.add(new Parameter(name, value)));
        OAuthHttpRequest request = OAuthHttpRequest.builder("POST", TestContainer.API_BASE + "/oauth/request_token")
                .authorization(new HmacSha1SignatureScheme().authorizationHeader(header))
                .build();

        TokenResponse response = container.module.authorization().issueRequestToken(request);

        assertEquals("1002", container.module.authorization().pendingAuthorization(response.token(), null).recordId()
                .orElseThrow());
    }

    @Test
    void exchangeNeedsTheRightVerifierAndAnApproval() {
        TokenResponse issued = container.module.authorization().issueRequestToken(requestTokenCall("1001"));
        OAuth1RequestToken requestToken = new OAuth1RequestToken(issued.token(), issued.tokenSecret());

        OAuthException notApproved = assertThrows(OAuthException.class,
                () -> container.module.authorization().exchangeAccessToken(exchangeCall(requestToken, "guess")));
        assertEquals(OAuthError.OAUTH_VERIFIER_INVALID, notApproved.error());
        assertEquals(ErrorKind.UNAUTHENTICATED, notApproved.kind());

        container.module.authorization().approve(issued.token(), TestContainer.ALICE, "1001");
        assertError(OAuthError.OAUTH_VERIFIER_INVALID,
                () -> container.module.authorization().exchangeAccessToken(exchangeCall(requestToken, "guess")));
        assertError(OAuthError.OAUTH_TOKEN_REVOKED,
                () -> container.module.authorization().approve(issued.token(), TestContainer.BOB, "1001"));
    }

    @Test
    void requestTokensAreOnlyGoodForTheExchange() {
        TokenResponse issued = container.module.authorization().issueRequestToken(requestTokenCall("1001"));
        ScribeClient.Signed recordCall = app.sign(Verb.GET, TestContainer.recordUrl("1001", "/demographics"),
                issued.token(), issued.tokenSecret());
        OAuthPrincipal principal = container.module.provider().verify(recordCall.toProvider());

        assertError(OAuthError.FORBIDDEN_TOKEN_KIND,
                () -> container.module.provider().requireRecord(principal, "1001"));
    }

    @Test
    void requestTokenEndpointRefusesThreeLeggedRequestsUnknownRecordsAndAppsWithoutCallback() {
        var launch = container.launchRestApp(TestContainer.ALICE, "1001");
        ScribeClient.Signed threeLegged = app.sign(Verb.POST, TestContainer.API_BASE + "/oauth/request_token",
                launch.restToken(), launch.restSecret());
        assertError(OAuthError.FORBIDDEN_TOKEN_KIND,
                () -> container.module.authorization().issueRequestToken(threeLegged.toProvider()));

        OAuthException unknownRecord = assertThrows(OAuthException.class,
                () -> container.module.authorization().issueRequestToken(requestTokenCall("9999")));
        assertEquals(OAuthError.RECORD_UNKNOWN, unknownRecord.error());
        assertEquals(ErrorKind.NOT_FOUND, unknownRecord.kind());

        ScribeClient plainUi = new ScribeClient(TestContainer.PLAIN_UI_APP, TestContainer.PLAIN_UI_SECRET,
                container.clock);
        ScribeClient.Signed signed = plainUi.sign(Verb.POST, TestContainer.API_BASE + "/oauth/request_token", null,
                null, r -> r.addBodyParameter("smart_record_id", "1001"));
        TokenResponse issued = container.module.authorization().issueRequestToken(signed.toProvider());
        assertError(OAuthError.APP_HAS_NO_CALLBACK,
                () -> container.module.authorization().approve(issued.token(), TestContainer.ALICE, null));
    }

    @Test
    void unknownUsersCannotApprove() {
        TokenResponse issued = container.module.authorization().issueRequestToken(requestTokenCall("1001"));
        assertError(OAuthError.USER_UNKNOWN,
                () -> container.module.authorization().approve(issued.token(), "mallory@test.org", null));
    }

    /** 2-legged, oob callback as an OAuth parameter, smart_record_id in the form body (as the Python client). */
    private OAuthHttpRequest requestTokenCall(String recordId) {
        return app.sign(Verb.POST, TestContainer.API_BASE + "/oauth/request_token", null, null, r -> {
            r.addOAuthParameter("oauth_callback", "oob");
            if (recordId != null) {
                r.addBodyParameter("smart_record_id", recordId);
            }
        }).toProvider();
    }

    private OAuthHttpRequest exchangeCall(OAuth1RequestToken token, String verifier) {
        return app.sign(Verb.POST, TestContainer.API_BASE + "/oauth/access_token", token.getToken(),
                token.getTokenSecret(), r -> r.addOAuthParameter("oauth_verifier", verifier)).toProvider();
    }

    static void assertError(OAuthError expected, Executable call) {
        assertEquals(expected, assertThrows(OAuthException.class, call).error());
    }
}
