package org.smartcc.oauth;

import static org.smartcc.oauth.ThreeLeggedFlowTest.assertError;

import com.github.scribejava.core.model.Verb;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartcc.oauth.application.LaunchCredentials;
import org.smartcc.oauth.application.OAuthProvider;
import org.smartcc.oauth.application.TokenResponse;
import org.smartcc.oauth.domain.OAuthError;
import org.smartcc.oauth.domain.OAuthPrincipal;

/**
 * Who may search records and users (smart-classic §4.8): a token a user approved, for record search only of a
 * frame_ui or helper app; 2-legged only a helper app the administrator flagged.
 */
class SearchAuthorizationTest {

    static final String FRAME_UI_APP = "frame@apps.test";
    static final String HELPER_APP = "helper@apps.test";
    static final String SEARCH = TestContainer.API_BASE + "/records/search";

    @TempDir
    Path dir;
    TestContainer container;
    OAuthProvider provider;

    @BeforeEach
    void open() {
        container = new TestContainer(dir);
        provider = container.module.provider();
        container.module.installer().install("frame.json", """
                {"id": "%s", "name": "Frame", "description": "a frame", "mode": "frame_ui",
                 "index": "http://frame.test/index.html", "icon": "http://frame.test/icon.png"}"""
                .formatted(FRAME_UI_APP), "frame-secret");
        container.module.installer().install("helper.json", """
                {"id": "%s", "name": "Helper", "description": "helps", "mode": "helper", "scope": "container"}"""
                .formatted(HELPER_APP), "helper-secret");
    }

    @AfterEach
    void close() {
        container.close();
    }

    @Test
    void aFrameUiAppSearchesRecordsWithAUsersTokenButNotTwoLegged() {
        ScribeClient frame = new ScribeClient(FRAME_UI_APP, "frame-secret", container.clock);
        LaunchCredentials launch = container.module.launch().launch(FRAME_UI_APP, TestContainer.ALICE, "1001");
        provider.requireRecordSearch(verify(frame, launch.restToken(), launch.restSecret()), Set.of());

        assertError(OAuthError.FORBIDDEN_TOKEN_KIND, () -> provider.requireRecordSearch(verify(frame, null, null),
                Set.of()));
    }

    @Test
    void aUiAppsTokenDoesNotSearchRecords() {
        LaunchCredentials launch = container.launchRestApp(TestContainer.ALICE, "1001");
        assertError(OAuthError.FORBIDDEN_APP_MODE, () -> provider.requireRecordSearch(
                verify(container.restClient(), launch.restToken(), launch.restSecret()), Set.of()));
    }

    @Test
    void aBackgroundAppSearchesNeitherRecordsNorUsers() {
        ScribeClient background = container.backgroundClient();
        assertError(OAuthError.FORBIDDEN_TOKEN_KIND, () -> provider.requireRecordSearch(verify(background, null, null),
                Set.of(TestContainer.BACKGROUND_APP)));
        assertError(OAuthError.FORBIDDEN_TOKEN_KIND, () -> provider.requireApprovedByUser(
                verify(background, null, null), "users"));
        TokenResponse token = container.module.backgroundTokens().forRecord(background.sign(Verb.GET,
                TestContainer.API_BASE + "/apps/" + TestContainer.BACKGROUND_APP + "/tokens/records/1002", null, null)
                .toProvider(), TestContainer.BACKGROUND_APP, "1002");
        assertError(OAuthError.FORBIDDEN_TOKEN_KIND, () -> provider.requireApprovedByUser(
                verify(background, token.token(), token.tokenSecret()), "users"));
    }

    @Test
    void aHelperAppSearchesRecordsTwoLeggedOnlyWhenTheAdministratorFlaggedIt() {
        ScribeClient helper = new ScribeClient(HELPER_APP, "helper-secret", container.clock);
        assertError(OAuthError.FORBIDDEN_TOKEN_KIND, () -> provider.requireRecordSearch(verify(helper, null, null),
                Set.of()));
        provider.requireRecordSearch(verify(helper, null, null), Set.of(HELPER_APP));
    }

    @Test
    void usersAreForTokensAUserApproved() {
        LaunchCredentials launch = container.launchRestApp(TestContainer.ALICE, "1001");
        provider.requireApprovedByUser(verify(container.restClient(), launch.restToken(), launch.restSecret()),
                "users");
        assertError(OAuthError.FORBIDDEN_TOKEN_KIND, () -> provider.requireApprovedByUser(
                verify(container.restClient(), null, null), "users"));
    }

    private OAuthPrincipal verify(ScribeClient client, String token, String secret) {
        return provider.verify(client.sign(Verb.GET, SEARCH, token, secret).toProvider());
    }
}
