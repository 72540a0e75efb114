package org.smartcc.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.smartcc.oauth.ThreeLeggedFlowTest.assertError;

import com.github.scribejava.core.model.Verb;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartcc.oauth.application.LaunchCredentials;
import org.smartcc.oauth.application.ManifestException;
import org.smartcc.oauth.application.OAuthSettings;
import org.smartcc.oauth.domain.OAuthError;
import org.smartcc.oauth.domain.OAuthPrincipal;
import org.smartcc.oauth.domain.TokenKind;

/** SMART Connect calls (smart-classic §6.4): signed by the launcher's consumer with a launch's SMART Connect token. */
class LauncherSignedConnectTest {

    static final String LAUNCHER_SECRET = "launcher-test-secret";

    @TempDir
    Path dir;
    TestContainer container;

    @AfterEach
    void close() {
        container.close();
    }

    private TestContainer withLauncher() {
        container = new TestContainer(dir, OAuthSettings.defaults().withLauncherSecret(LAUNCHER_SECRET));
        return container;
    }

    private ScribeClient launcher(String secret) {
        return new ScribeClient(OAuthSettings.LAUNCHER_CONSUMER_KEY, secret, container.clock);
    }

    private OAuthPrincipal launcherCall(String record, LaunchCredentials launch) {
        return container.module.provider().verify(launcher(LAUNCHER_SECRET).sign(Verb.GET,
                TestContainer.recordUrl(record, "/medications/"), launch.connectToken(), launch.connectSecret())
                .toProvider());
    }

    @Test
    void theLauncherSignsAsTheTokensAppUserAndRecord() {
        LaunchCredentials launch = withLauncher().launchRestApp(TestContainer.BOB, "1003");

        OAuthPrincipal principal = launcherCall("1003", launch);

        assertEquals(TestContainer.REST_APP, principal.appId());
        assertEquals(TokenKind.CONNECT, principal.tokenKind().orElseThrow());
        container.module.provider().requireRecord(principal, "1003");
        container.module.provider().requireUser(principal, TestContainer.BOB, TestContainer.REST_APP);
    }

    @Test
    void aConnectTokenOfOneRecordCannotReadAnother() {
        LaunchCredentials launch = withLauncher().launchRestApp(TestContainer.BOB, "1003");

        OAuthPrincipal principal = launcherCall("1001", launch);

        assertError(OAuthError.FORBIDDEN_WRONG_RECORD,
                () -> container.module.provider().requireRecord(principal, "1001"));
    }

    @Test
    void aRevokedConnectTokenIsRefusedAtOnce() {
        LaunchCredentials launch = withLauncher().launchRestApp(TestContainer.BOB, "1003");
        launcherCall("1003", launch);

        container.module.provider().revoke(launch.connectToken());

        assertError(OAuthError.OAUTH_TOKEN_REVOKED, () -> launcherCall("1003", launch));
    }

    @Test
    void theAppsOwnConsumerCannotSignWithAConnectToken() {
        LaunchCredentials launch = withLauncher().launchRestApp(TestContainer.BOB, "1003");

        assertError(OAuthError.OAUTH_TOKEN_UNKNOWN, () -> container.module.provider().verify(container.restClient()
                .sign(Verb.GET, TestContainer.recordUrl("1003", "/"), launch.connectToken(), launch.connectSecret())
                .toProvider()));
    }

    @Test
    void theLauncherCannotSignWithARestTokenNorTwoLegged() {
        LaunchCredentials launch = withLauncher().launchRestApp(TestContainer.BOB, "1003");

        assertError(OAuthError.OAUTH_TOKEN_UNKNOWN, () -> container.module.provider().verify(launcher(LAUNCHER_SECRET)
                .sign(Verb.GET, TestContainer.recordUrl("1003", "/"), launch.restToken(), launch.restSecret())
                .toProvider()));
        assertError(OAuthError.OAUTH_TOKEN_UNKNOWN, () -> container.module.provider().verify(launcher(LAUNCHER_SECRET)
                .sign(Verb.GET, TestContainer.recordUrl("1003", "/"), null, null).toProvider()));
    }

    @Test
    void aWrongLauncherSecretIsABadSignature() {
        LaunchCredentials launch = withLauncher().launchRestApp(TestContainer.BOB, "1003");

        assertError(OAuthError.OAUTH_BAD_SIGNATURE, () -> container.module.provider().verify(launcher("guessed")
                .sign(Verb.GET, TestContainer.recordUrl("1003", "/"), launch.connectToken(), launch.connectSecret())
                .toProvider()));
    }

    @Test
    void withoutALauncherSecretTheLauncherIsAnUnknownConsumer() {
        container = new TestContainer(dir, OAuthSettings.defaults());
        LaunchCredentials launch = container.launchRestApp(TestContainer.BOB, "1003");

        assertError(OAuthError.OAUTH_UNKNOWN_CONSUMER, () -> container.module.provider().verify(launcher(LAUNCHER_SECRET)
                .sign(Verb.GET, TestContainer.recordUrl("1003", "/"), launch.connectToken(), launch.connectSecret())
                .toProvider()));
    }

    @Test
    void noAppMayTakeTheLaunchersId() {
        withLauncher();
        ManifestException refused = assertThrows(ManifestException.class, () -> container.module.installer()
                .install("launcher.json", """
                        {"id": "launcher", "name": "Impostor", "description": "x", "mode": "background"}""", "s"));
        assertEquals("id", refused.field());
    }
}
