package org.smartcc.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.smartcc.oauth.ThreeLeggedFlowTest.assertError;

import com.github.scribejava.core.model.Verb;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartcc.oauth.application.LaunchCredentials;
import org.smartcc.oauth.application.OAuthHttpRequest;
import org.smartcc.oauth.application.TokenResponse;
import org.smartcc.oauth.domain.OAuthError;
import org.smartcc.oauth.domain.OAuthException;
import org.smartcc.oauth.domain.OAuthPrincipal;
import org.smartcc.oauth.domain.TokenKind;
import org.smartcc.store.domain.ErrorKind;

/** The 2-legged per-record token loop of background apps (spec §4.6). */
class BackgroundTokenLoopTest {

    static final String TOKENS = TestContainer.API_BASE + "/apps/" + "bg-app%40apps.test" + "/tokens/records/";

    @TempDir
    Path dir;
    TestContainer container;

    @BeforeEach
    void open() {
        container = new TestContainer(dir);
    }

    @AfterEach
    void close() {
        container.close();
    }

    @Test
    void loopVisitsEveryRecordInOrderAndEndsWith404() {
        List<String> visited = new ArrayList<>();
        TokenResponse token = container.module.backgroundTokens().first(call(Verb.POST, "first"),
                TestContainer.BACKGROUND_APP);
        while (true) {
            String recordId = token.parameter("smart_record_id").orElseThrow();
            visited.add(recordId);
            OAuthPrincipal principal = container.module.provider().verify(container.backgroundClient().sign(Verb.GET,
                    TestContainer.recordUrl(recordId, "/medications/"), token.token(), token.tokenSecret())
                    .toProvider());
            assertEquals(TokenKind.BACKGROUND, principal.tokenKind().orElseThrow());
            container.module.provider().requireRecord(principal, recordId);
            try {
                token = container.module.backgroundTokens().next(call(Verb.POST, recordId + "/next"),
                        TestContainer.BACKGROUND_APP, recordId);
            } catch (OAuthException e) {
                assertEquals(OAuthError.NO_MORE_RECORDS, e.error());
                assertEquals(ErrorKind.NOT_FOUND, e.kind());
                break;
            }
        }
        assertEquals(TestContainer.RECORDS, visited);
    }

    @Test
    void tokenForOneRecordIsBoundToIt() {
        TokenResponse token = container.module.backgroundTokens().forRecord(call(Verb.GET, "1002"),
                TestContainer.BACKGROUND_APP, "1002");
        assertEquals("oauth_token=" + token.token() + "&oauth_token_secret=" + token.tokenSecret()
                + "&smart_record_id=1002", token.formEncoded());

        OAuthPrincipal principal = container.module.provider().verify(container.backgroundClient().sign(Verb.GET,
                TestContainer.recordUrl("1003", "/medications/"), token.token(), token.tokenSecret()).toProvider());
        assertError(OAuthError.FORBIDDEN_WRONG_RECORD,
                () -> container.module.provider().requireRecord(principal, "1003"));
        assertError(OAuthError.FORBIDDEN_TOKEN_KIND,
                () -> container.module.provider().requireUser(principal, TestContainer.ALICE,
                        TestContainer.BACKGROUND_APP));

        assertError(OAuthError.RECORD_UNKNOWN, () -> container.module.backgroundTokens()
                .forRecord(call(Verb.GET, "9999"), TestContainer.BACKGROUND_APP, "9999"));
    }

    @Test
    void onlyTheBackgroundAppItselfSigning2LeggedMayLoop() {
        OAuthHttpRequest forOtherApp = container.backgroundClient().sign(Verb.POST,
                TestContainer.API_BASE + "/apps/rest-app%40apps.test/tokens/records/first", null, null).toProvider();
        assertError(OAuthError.FORBIDDEN_WRONG_APP,
                () -> container.module.backgroundTokens().first(forOtherApp, TestContainer.REST_APP));

        OAuthHttpRequest uiApp = container.restClient().sign(Verb.POST,
                TestContainer.API_BASE + "/apps/rest-app%40apps.test/tokens/records/first", null, null).toProvider();
        OAuthException notBackground = assertThrows(OAuthException.class,
                () -> container.module.backgroundTokens().first(uiApp, TestContainer.REST_APP));
        assertEquals(OAuthError.FORBIDDEN_NOT_BACKGROUND_APP, notBackground.error());
        assertEquals(ErrorKind.FORBIDDEN, notBackground.kind());

        LaunchCredentials launch = container.module.launch().launch(TestContainer.BACKGROUND_APP, TestContainer.ALICE,
                null);
        OAuthHttpRequest threeLegged = container.backgroundClient().sign(Verb.POST, TOKENS + "first",
                launch.restToken(), launch.restSecret()).toProvider();
        assertError(OAuthError.FORBIDDEN_TOKEN_KIND,
                () -> container.module.backgroundTokens().first(threeLegged, TestContainer.BACKGROUND_APP));
    }

    private OAuthHttpRequest call(Verb verb, String rest) {
        return container.backgroundClient().sign(verb, TOKENS + rest, null, null).toProvider();
    }
}
