package org.smartcc.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.smartcc.oauth.ThreeLeggedFlowTest.assertError;

import com.github.scribejava.core.builder.ServiceBuilder;
import com.github.scribejava.core.builder.api.DefaultApi10a;
import com.github.scribejava.core.model.OAuth1AccessToken;
import com.github.scribejava.core.model.OAuthRequest;
import com.github.scribejava.core.model.Verb;
import com.github.scribejava.core.services.TimestampService;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartcc.oauth.application.LaunchCredentials;
import org.smartcc.oauth.domain.OAuthError;
import org.smartcc.oauth.domain.OAuthPrincipal;
import org.smartcc.oauth.internal.protocol.PercentEncoding;

/** Pre-authorized launch credentials and the legacy SMART OAuth header (spec §4.5). */
class AppLaunchTest {

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
    void legacyHeaderCarriesTheLaunchAndVerifiesWithTheAppsSecret() {
        LaunchCredentials launch = container.module.launch().launch(TestContainer.PLAIN_UI_APP, TestContainer.ALICE,
                "1002");
        String header = container.module.launch().legacyOAuthHeader(launch, TestContainer.API_BASE + "/");

        Map<String, String> params = headerParameters(header);
        assertEquals(TestContainer.API_BASE, params.get("smart_container_api_base"));
        assertEquals("1002", params.get("smart_record_id"));
        assertEquals(TestContainer.ALICE, params.get("smart_user_id"));
        assertEquals(TestContainer.PLAIN_UI_APP, params.get("smart_app_id"));
        assertEquals(launch.restToken(), params.get("smart_oauth_token"));
        assertEquals(launch.restSecret(), params.get("smart_oauth_token_secret"));
        assertEquals(TestContainer.PLAIN_UI_APP, params.get("oauth_consumer_key"));
        assertEquals("HMAC-SHA1", params.get("oauth_signature_method"));

        // what the app does: recompute the signature over GET <index> with its own secret, here with ScribeJava
        assertEquals(params.get("oauth_signature"), scribeSignatureOfLegacyHeader(params,
                "http://plain.test/index.html?mode=full", TestContainer.PLAIN_UI_SECRET));
        assertNotEquals(params.get("oauth_signature"), scribeSignatureOfLegacyHeader(params,
                "http://plain.test/index.html?mode=full", "wrong-secret"));

        // and the token in it works for REST calls on that record
        OAuthPrincipal principal = container.module.provider().verify(new ScribeClient(TestContainer.PLAIN_UI_APP,
                TestContainer.PLAIN_UI_SECRET, container.clock).sign(Verb.GET, TestContainer.recordUrl("1002", "/"),
                params.get("smart_oauth_token"), params.get("smart_oauth_token_secret")).toProvider());
        container.module.provider().requireRecord(principal, "1002");
    }

    @Test
    void launchChecksAppUserAndRecord() {
        assertError(OAuthError.APP_UNKNOWN,
                () -> container.module.launch().launch("nope@apps.test", TestContainer.ALICE, "1001"));
        assertError(OAuthError.USER_UNKNOWN,
                () -> container.module.launch().launch(TestContainer.REST_APP, "nobody@test.org", "1001"));
        assertError(OAuthError.RECORD_UNKNOWN,
                () -> container.module.launch().launch(TestContainer.REST_APP, TestContainer.ALICE, "9999"));
        assertError(OAuthError.RECORD_REQUIRED,
                () -> container.module.launch().launch(TestContainer.REST_APP, TestContainer.ALICE, null));
        assertFalse(container.module.launch().launch(TestContainer.BACKGROUND_APP, TestContainer.ALICE, null)
                .restToken().isEmpty());
    }

    /**
     * ScribeJava signs GET index with the header's nonce and timestamp. It only puts oauth_* parameters into a
     * header, so the smart_* ones go into the query: the base string is the same wherever a parameter sits.
     */
    private String scribeSignatureOfLegacyHeader(Map<String, String> params, String index, String secret) {
        DefaultApi10a api = new DefaultApi10a() {
            @Override
            public TimestampService getTimestampService() {
                return new TimestampService() {
                    @Override
                    public String getNonce() {
                        return params.get("oauth_nonce");
                    }

                    @Override
                    public String getTimestampInSeconds() {
                        return params.get("oauth_timestamp");
                    }
                };
            }

            @Override
            public String getRequestTokenEndpoint() {
                return index;
            }

            @Override
            public String getAccessTokenEndpoint() {
                return index;
            }

            @Override
            protected String getAuthorizationBaseUrl() {
                return index;
            }
        };
        OAuthRequest request = new OAuthRequest(Verb.GET, index);
        params.forEach((name, value) -> {
            if (name.startsWith("smart_")) {
                request.addQuerystringParameter(name, value);
            }
        });
        new ServiceBuilder(params.get("oauth_consumer_key")).apiSecret(secret).build(api)
                .signRequest(new OAuth1AccessToken("", ""), request);
        return request.getOauthParameters().get("oauth_signature");
    }

    private static Map<String, String> headerParameters(String header) {
        Map<String, String> params = new LinkedHashMap<>();
        Matcher m = Pattern.compile("([a-z_]+)=\"([^\"]*)\"").matcher(header);
        while (m.find()) {
            params.put(m.group(1), PercentEncoding.decode(m.group(2)).orElseThrow());
        }
        return params;
    }
}
