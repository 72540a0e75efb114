package org.smartcc.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smartcc.oauth.ThreeLeggedFlowTest.assertError;

import com.github.scribejava.core.model.Verb;
import com.github.scribejava.core.services.PlaintextSignatureService;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartcc.oauth.application.LaunchCredentials;
import org.smartcc.oauth.application.OAuthHttpRequest;
import org.smartcc.oauth.application.OAuthSettings;
import org.smartcc.oauth.application.TokenResponse;
import org.smartcc.oauth.domain.OAuthError;
import org.smartcc.oauth.domain.OAuthException;
import org.smartcc.store.domain.ErrorKind;

/** Every way a signed request is refused, with its code and status. */
class VerificationFailuresTest {

    @TempDir
    Path dir;
    TestContainer container;
    LaunchCredentials alice;

    @BeforeEach
    void open() {
        container = new TestContainer(dir);
        alice = container.launchRestApp(TestContainer.ALICE, "1001");
    }

    @AfterEach
    void close() {
        container.close();
    }

    @Test
    void missingAndForeignHeaders() {
        OAuthHttpRequest none = OAuthHttpRequest.builder("GET", TestContainer.recordUrl("1001", "/")).build();
        OAuthException missing = assertThrows(OAuthException.class, () -> container.module.provider().verify(none));
        assertEquals(OAuthError.OAUTH_HEADER_MISSING, missing.error());
        assertEquals(ErrorKind.UNAUTHENTICATED, missing.kind());

        OAuthHttpRequest basic = OAuthHttpRequest.builder("GET", TestContainer.recordUrl("1001", "/"))
                .authorization("Basic YWxpY2U6c2VjcmV0").build();
        assertError(OAuthError.OAUTH_HEADER_MISSING, () -> container.module.provider().verify(basic));

        OAuthHttpRequest noNonce = OAuthHttpRequest.builder("GET", TestContainer.recordUrl("1001", "/"))
                .authorization("OAuth oauth_consumer_key=\"rest-app%40apps.test\", oauth_signature_method="
                        + "\"HMAC-SHA1\", oauth_signature=\"x\", oauth_timestamp=\"1\"").build();
        OAuthException malformed = assertThrows(OAuthException.class,
                () -> container.module.provider().verify(noNonce));
        assertEquals(OAuthError.OAUTH_HEADER_MALFORMED, malformed.error());
        assertTrue(malformed.getMessage().contains("oauth_nonce"), malformed.getMessage());
    }

    @Test
    void unsupportedSignatureMethod() {
        ScribeClient plaintext = new ScribeClient(TestContainer.REST_APP, TestContainer.REST_SECRET, container.clock,
                new PlaintextSignatureService());
        ScribeClient.Signed signed = plaintext.sign(Verb.GET, TestContainer.recordUrl("1001", "/"), alice.restToken(),
                alice.restSecret());
        assertError(OAuthError.OAUTH_UNSUPPORTED_SIGNATURE_METHOD,
                () -> container.module.provider().verify(signed.toProvider()));
    }

    @Test
    void unknownConsumerAndWrongSecrets() {
        ScribeClient stranger = new ScribeClient("stranger@apps.test", "whatever", container.clock);
        assertError(OAuthError.OAUTH_UNKNOWN_CONSUMER, () -> container.module.provider()
                .verify(stranger.sign(Verb.POST, TestContainer.API_BASE + "/oauth/request_token", null, null)
                        .toProvider()));

        ScribeClient wrongConsumerSecret = new ScribeClient(TestContainer.REST_APP, "not-the-secret", container.clock);
        OAuthException bad = assertThrows(OAuthException.class, () -> container.module.provider().verify(
                wrongConsumerSecret.sign(Verb.GET, TestContainer.recordUrl("1001", "/"), alice.restToken(),
                        alice.restSecret()).toProvider()));
        assertEquals(OAuthError.OAUTH_BAD_SIGNATURE, bad.error());
        assertEquals(ErrorKind.UNAUTHENTICATED, bad.kind());
        assertTrue(bad.responseBody().startsWith("OAUTH_BAD_SIGNATURE: "), bad.responseBody());
        assertFalse(bad.getMessage().contains(TestContainer.REST_SECRET));

        assertError(OAuthError.OAUTH_BAD_SIGNATURE, () -> container.module.provider().verify(container.restClient()
                .sign(Verb.GET, TestContainer.recordUrl("1001", "/"), alice.restToken(), "not-the-token-secret")
                .toProvider()));
    }

    @Test
    void tamperedUrlFailsTheSignature() {
        ScribeClient.Signed signed = container.restClient().sign(Verb.GET, TestContainer.recordUrl("1001", "/"),
                alice.restToken(), alice.restSecret());
        OAuthHttpRequest otherRecord = OAuthHttpRequest.builder("GET", TestContainer.recordUrl("1002", "/"))
                .authorization(signed.authorization()).build();
        assertError(OAuthError.OAUTH_BAD_SIGNATURE, () -> container.module.provider().verify(otherRecord));
    }

    @Test
    void unknownAndForeignTokens() {
        assertError(OAuthError.OAUTH_TOKEN_UNKNOWN, () -> container.module.provider().verify(container.restClient()
                .sign(Verb.GET, TestContainer.recordUrl("1001", "/"), "no-such-token", "x").toProvider()));

        LaunchCredentials otherApps = container.module.launch().launch(TestContainer.PLAIN_UI_APP,
                TestContainer.ALICE, "1001");
        assertError(OAuthError.OAUTH_TOKEN_UNKNOWN, () -> container.module.provider().verify(container.restClient()
                .sign(Verb.GET, TestContainer.recordUrl("1001", "/"), otherApps.restToken(), otherApps.restSecret())
                .toProvider()));
    }

    @Test
    void replayedNonceIsRejected() {
        OAuthHttpRequest request = container.restClient().sign(Verb.GET, TestContainer.recordUrl("1001", "/"),
                alice.restToken(), alice.restSecret()).toProvider();
        container.module.provider().verify(request);

        OAuthException replay = assertThrows(OAuthException.class, () -> container.module.provider().verify(request));
        assertEquals(OAuthError.OAUTH_NONCE_REPLAYED, replay.error());
        assertEquals(ErrorKind.UNAUTHENTICATED, replay.kind());
    }

    @Test
    void concurrentCopiesOfARequestPassOnlyOnce() throws Exception {
        OAuthHttpRequest request = container.restClient().sign(Verb.GET, TestContainer.recordUrl("1001", "/"),
                alice.restToken(), alice.restSecret()).toProvider();
        int copies = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(copies);
        try {
            List<Future<OAuthError>> results = new ArrayList<>();
            for (int i = 0; i < copies; i++) {
                Callable<OAuthError> verify = () -> {
                    start.await();
                    try {
                        container.module.provider().verify(request);
                        return null;
                    } catch (OAuthException e) {
                        return e.error();
                    }
                };
                results.add(pool.submit(verify));
            }
            start.countDown();
            int passed = 0;
            for (Future<OAuthError> result : results) {
                OAuthError error = result.get(30, TimeUnit.SECONDS);
                if (error == null) {
                    passed++;
                } else {
                    assertEquals(OAuthError.OAUTH_NONCE_REPLAYED, error);
                }
            }
            assertEquals(1, passed);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void timestampsOutsideTenMinutesAreRejected() {
        OAuthHttpRequest early = container.restClient().sign(Verb.GET, TestContainer.recordUrl("1001", "/"),
                alice.restToken(), alice.restSecret()).toProvider();
        container.clock.advance(Duration.ofMinutes(9));
        OAuthHttpRequest late = container.restClient().sign(Verb.GET, TestContainer.recordUrl("1001", "/"),
                alice.restToken(), alice.restSecret()).toProvider();
        container.clock.advance(Duration.ofMinutes(9));
        OAuthHttpRequest future = container.restClient().sign(Verb.GET, TestContainer.recordUrl("1001", "/"),
                alice.restToken(), alice.restSecret()).toProvider();
        container.clock.advance(Duration.ofMinutes(-18));

        // 9 minutes ahead: accepted; 18 minutes ahead: refused
        container.module.provider().verify(late);
        OAuthException ahead = assertThrows(OAuthException.class, () -> container.module.provider().verify(future));
        assertEquals(OAuthError.OAUTH_TIMESTAMP_OUT_OF_WINDOW, ahead.error());
        assertTrue(ahead.getMessage().contains("ahead"), ahead.getMessage());

        // the first request arrives 10 min 1 s after it was signed
        container.clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        OAuthException behind = assertThrows(OAuthException.class, () -> container.module.provider().verify(early));
        assertEquals(OAuthError.OAUTH_TIMESTAMP_OUT_OF_WINDOW, behind.error());
        assertEquals(ErrorKind.UNAUTHENTICATED, behind.kind());
    }

    @Test
    void expiredTokenIsRejected() {
        container.clock.advance(Duration.ofMinutes(60));
        OAuthException expired = assertThrows(OAuthException.class, () -> container.module.provider().verify(
                container.restClient().sign(Verb.GET, TestContainer.recordUrl("1001", "/"), alice.restToken(),
                        alice.restSecret()).toProvider()));
        assertEquals(OAuthError.OAUTH_TOKEN_EXPIRED, expired.error());
        assertEquals(ErrorKind.UNAUTHENTICATED, expired.kind());
    }

    @Test
    void tokenLifetimeIsConfigurable(@TempDir Path otherDir) {
        try (TestContainer shortLived = new TestContainer(otherDir,
                OAuthSettings.defaults().withAccessTokenTtl(Duration.ofMinutes(5)))) {
            LaunchCredentials launch = shortLived.launchRestApp(TestContainer.ALICE, "1001");
            shortLived.clock.advance(Duration.ofMinutes(4));
            shortLived.module.provider().verify(shortLived.restClient().sign(Verb.GET,
                    TestContainer.recordUrl("1001", "/"), launch.restToken(), launch.restSecret()).toProvider());
            shortLived.clock.advance(Duration.ofMinutes(1));
            assertError(OAuthError.OAUTH_TOKEN_EXPIRED, () -> shortLived.module.provider().verify(shortLived
                    .restClient().sign(Verb.GET, TestContainer.recordUrl("1001", "/"), launch.restToken(),
                            launch.restSecret()).toProvider()));
        }
    }

    @Test
    void revokedTokenIsRejected() {
        assertTrue(container.module.provider().revoke(alice.restToken()));
        assertFalse(container.module.provider().revoke(alice.restToken()));

        OAuthException revoked = assertThrows(OAuthException.class, () -> container.module.provider().verify(
                container.restClient().sign(Verb.GET, TestContainer.recordUrl("1001", "/"), alice.restToken(),
                        alice.restSecret()).toProvider()));
        assertEquals(OAuthError.OAUTH_TOKEN_REVOKED, revoked.error());
        assertEquals(ErrorKind.UNAUTHENTICATED, revoked.kind());
    }

    @Test
    void anAdministratorRevokesOneTokenOrEveryTokenOfAnApp() {
        LaunchCredentials bobs = container.launchRestApp(TestContainer.BOB, "1002");
        TokenResponse background = container.module.backgroundTokens().forRecord(container.backgroundClient()
                .sign(Verb.GET, TestContainer.API_BASE + "/apps/" + TestContainer.BACKGROUND_APP
                        + "/tokens/records/1003", null, null).toProvider(), TestContainer.BACKGROUND_APP, "1003");

        assertEquals(TestContainer.REST_APP, container.module.provider().revokeAndDescribe(bobs.restToken())
                .orElseThrow().appId());
        assertTrue(container.module.provider().revokeAndDescribe(bobs.restToken()).isEmpty(), "already revoked");
        assertError(OAuthError.OAUTH_TOKEN_REVOKED, () -> container.module.provider().verify(container.restClient()
                .sign(Verb.GET, TestContainer.recordUrl("1002", "/"), bobs.restToken(), bobs.restSecret())
                .toProvider()));

        // Alice's ACCESS and CONNECT token of the launch in setUp; Bob's CONNECT token; Bob's ACCESS one is revoked
        assertEquals(3, container.module.provider().revokeAllOfApp(TestContainer.REST_APP));
        assertError(OAuthError.OAUTH_TOKEN_REVOKED, () -> container.module.provider().verify(container.restClient()
                .sign(Verb.GET, TestContainer.recordUrl("1001", "/"), alice.restToken(), alice.restSecret())
                .toProvider()));
        container.module.provider().verify(container.backgroundClient().sign(Verb.GET,
                TestContainer.recordUrl("1003", "/"), background.token(), background.tokenSecret()).toProvider());
    }

    @Test
    void logoutRevokesAllTokensOfTheUser() {
        LaunchCredentials second = container.launchRestApp(TestContainer.ALICE, "1002");
        LaunchCredentials bobs = container.launchRestApp(TestContainer.BOB, "1002");

        // ACCESS and CONNECT token of each of Alice's two launches
        assertEquals(4, container.module.provider().revokeAllOfUser(TestContainer.ALICE));

        assertError(OAuthError.OAUTH_TOKEN_REVOKED, () -> container.module.provider().verify(container.restClient()
                .sign(Verb.GET, TestContainer.recordUrl("1002", "/"), second.restToken(), second.restSecret())
                .toProvider()));
        container.module.provider().verify(container.restClient().sign(Verb.GET, TestContainer.recordUrl("1002", "/"),
                bobs.restToken(), bobs.restSecret()).toProvider());
    }

    @Test
    void staleNoncesArePurgedDuringVerification() throws SQLException {
        container.module.provider().verify(container.restClient().sign(Verb.GET, TestContainer.recordUrl("1001", "/"),
                alice.restToken(), alice.restSecret()).toProvider());
        assertEquals(1, nonceRows());

        container.clock.advance(Duration.ofMinutes(11));
        container.module.provider().verify(container.restClient().sign(Verb.GET, TestContainer.recordUrl("1001", "/"),
                alice.restToken(), alice.restSecret()).toProvider());

        assertEquals(1, nonceRows(), "the first nonce left the window and was forgotten");
    }

    @Test
    void expiredTokensArePurged() {
        container.clock.advance(Duration.ofMinutes(61));
        container.module.provider().purgeStaleState();

        // the token is gone, not merely expired
        assertError(OAuthError.OAUTH_TOKEN_UNKNOWN, () -> container.module.provider().verify(container.restClient()
                .sign(Verb.GET, TestContainer.recordUrl("1001", "/"), alice.restToken(), alice.restSecret())
                .toProvider()));
    }

    private int nonceRows() throws SQLException {
        try (Connection c = container.database.dataSource().getConnection();
                ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM oauth_nonce")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void malformedQueryIsABadRequest() {
        OAuthException e = assertThrows(OAuthException.class,
                () -> OAuthHttpRequest.builder("GET", TestContainer.recordUrl("1001", "/?q=%E2%82")).build());
        assertEquals(OAuthError.OAUTH_PARAMETERS_MALFORMED, e.error());
        assertEquals(ErrorKind.INVALID_INPUT, e.kind());
    }

    @Test
    void debugAidIsOffByDefault(@TempDir Path otherDir) {
        try (TestContainer production = new TestContainer(otherDir, OAuthSettings.defaults())) {
            OAuthHttpRequest request = production.restClient().sign(Verb.GET, TestContainer.recordUrl("1001", "/"),
                    null, null).toProvider();
            OAuthException e = assertThrows(OAuthException.class,
                    () -> production.module.provider().debugBaseString(request));
            assertEquals(OAuthError.DEBUG_DISABLED, e.error());
            assertEquals(ErrorKind.NOT_FOUND, e.kind());
        }
    }
}
