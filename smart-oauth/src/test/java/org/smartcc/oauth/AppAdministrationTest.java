package org.smartcc.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smartcc.oauth.ThreeLeggedFlowTest.assertError;

import com.github.scribejava.core.model.Verb;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartcc.oauth.application.AppInstaller;
import org.smartcc.oauth.application.LaunchCredentials;
import org.smartcc.oauth.application.ManifestException;
import org.smartcc.oauth.application.OAuthSettings;
import org.smartcc.oauth.domain.App;
import org.smartcc.oauth.domain.OAuthError;
import org.smartcc.oauth.domain.Token;
import org.smartcc.store.domain.CodedException;

/** What an administrator decides about apps: install from a manifest, enable and disable, the legacy launch flag. */
class AppAdministrationTest {

    static final String NEW_APP = "new-app@apps.test";

    @TempDir
    Path dir;
    TestContainer container;

    @BeforeEach
    void open() {
        container = new TestContainer(dir, OAuthSettings.defaults()
                .withLauncherSecret(LauncherSignedConnectTest.LAUNCHER_SECRET));
    }

    @AfterEach
    void close() {
        container.close();
    }

    private static String manifest(String id, String extra) {
        return """
                {"id": "%s", "name": "New", "description": "d", "mode": "ui", "index": "http://new.test/",
                 "icon": "http://new.test/icon.png"%s}""".formatted(id, extra);
    }

    @Test
    void aFirstInstallGetsARandomSecretWhichAReplaceKeeps() {
        AppInstaller.Put first = container.module.installer().put(NEW_APP, manifest(NEW_APP, ""));
        assertTrue(first.created());
        assertEquals(16, first.app().consumerSecret().length());
        assertNotEquals(AppInstaller.DEV_CONSUMER_SECRET, first.app().consumerSecret());
        container.module.apps().save(first.app().withFlags(false, true));

        AppInstaller.Put second = container.module.installer().put(NEW_APP, manifest(NEW_APP, ", \"author\": \"x\""));

        assertFalse(second.created());
        assertEquals(first.app().consumerSecret(), second.app().consumerSecret());
        assertFalse(second.app().enabled(), "a replaced manifest keeps the administrator's flags");
        assertTrue(second.app().legacyLaunch());
    }

    @Test
    void aManifestOfAnotherIdConflictsAndABadOneNamesTheField() {
        CodedException conflict = assertThrows(CodedException.class,
                () -> container.module.installer().put("other@apps.test", manifest(NEW_APP, "")));
        assertEquals("CONFLICT", conflict.code());
        ManifestException invalid = assertThrows(ManifestException.class,
                () -> container.module.installer().put(NEW_APP, manifest(NEW_APP, ", \"mode\": \"tv\"")
                        .replace("\"mode\": \"ui\", ", "")));
        assertEquals("mode", invalid.field());
        assertEquals("MANIFEST_INVALID", invalid.code());
    }

    @Test
    void smart03To05ManifestsAreFlaggedForTheLegacyLaunch() {
        assertFalse(put(manifest(NEW_APP, "")).legacyLaunch());
        assertFalse(put(manifest(NEW_APP, ", \"smart_version\": \"0.6\"")).legacyLaunch());
        assertFalse(put(manifest(NEW_APP, ", \"smart_version\": \"1.0\"")).legacyLaunch());
        assertTrue(put(manifest("a@apps.test", ", \"smart_version\": \"0.4\"")).legacyLaunch());
        assertTrue(put(manifest("b@apps.test", ", \"base_url\": \"http://new.test\"")).legacyLaunch());
        assertTrue(put(manifest("c@apps.test", ", \"intents\": [\"view\"]")).legacyLaunch());
    }

    @Test
    void aDisabledAppCannotSignNorBeLaunchedNorReachedThroughTheLauncher() {
        LaunchCredentials launch = container.launchRestApp(TestContainer.ALICE, "1001");
        App app = container.module.apps().find(TestContainer.REST_APP).orElseThrow();
        container.module.apps().save(app.withFlags(false, false));

        assertError(OAuthError.OAUTH_CONSUMER_DISABLED, () -> container.module.provider().verify(container
                .restClient().sign(Verb.GET, TestContainer.recordUrl("1001", "/"), launch.restToken(),
                        launch.restSecret()).toProvider()));
        assertError(OAuthError.OAUTH_CONSUMER_DISABLED, () -> container.module.provider().verify(new ScribeClient(
                OAuthSettings.LAUNCHER_CONSUMER_KEY, LauncherSignedConnectTest.LAUNCHER_SECRET, container.clock)
                .sign(Verb.GET, TestContainer.recordUrl("1001", "/"), launch.connectToken(), launch.connectSecret())
                .toProvider()));
        assertError(OAuthError.APP_DISABLED,
                () -> container.module.launch().launch(TestContainer.REST_APP, TestContainer.ALICE, "1001"));
    }

    @Test
    void liveTokensLeaveOutRevokedAndExpiredOnesAndRemovingAnAppRemovesThem() {
        LaunchCredentials first = container.launchRestApp(TestContainer.ALICE, "1001");
        container.module.provider().revoke(first.restToken());
        List<String> live = container.module.provider().liveTokensOfApp(TestContainer.REST_APP).stream()
                .map(Token::value).toList();
        assertEquals(List.of(first.connectToken()), live);
        container.clock.advance(java.time.Duration.ofHours(2));
        assertEquals(List.of(), container.module.provider().liveTokensOfApp(TestContainer.REST_APP));

        LaunchCredentials second = container.launchRestApp(TestContainer.ALICE, "1001");
        assertTrue(container.module.apps().delete(TestContainer.REST_APP));
        assertFalse(container.module.provider().revoke(second.restToken()), "the token went with its app");
        assertFalse(container.module.apps().delete(TestContainer.REST_APP));
    }

    private App put(String json) {
        String id = json.substring(json.indexOf("\"id\": \"") + 7, json.indexOf("\", \"name\""));
        return container.module.installer().put(id, json).app();
    }
}
