package org.smartcc.examples.restapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LaunchUrlsTest {

    static final String MANIFEST = """
            {"smart_version": "0.6.1", "api_base": "http://localhost:8080",
             "launch_urls": {"app_launch": "http://localhost:8080/launcher/apps/{{app_id}}/launch",
                             "request_token": "http://localhost:8080/oauth/request_token",
                             "authorize_token": "http://localhost:8080/launcher/oauth/authorize",
                             "exchange_token": "http://localhost:8080/oauth/access_token"}}""";

    @Test
    void theAppLaunchUrlNamesTheAppAndTheAuthorizeUrlTheToken() {
        LaunchUrls urls = LaunchUrls.fromManifest(MANIFEST);
        assertEquals("http://localhost:8080/launcher/apps/rest-demographics@apps.smartcc.local/launch",
                urls.appLaunchOf(RestAppSettings.CONSUMER_KEY));
        assertEquals("http://localhost:8080/launcher/oauth/authorize?oauth_token=a%2Bb%26c",
                urls.authorizeTokenOf("a+b&c"));
        assertEquals("http://localhost:8080/oauth/access_token", urls.exchangeToken());
    }

    @Test
    void aManifestWithoutTheUrlsIsRefused() {
        for (String manifest : new String[] {"{}", "[]", "not json",
                MANIFEST.replace("\"exchange_token\"", "\"other\"")}) {
            AppFailure failure = assertThrows(AppFailure.class, () -> LaunchUrls.fromManifest(manifest), manifest);
            assertEquals("MANIFEST_INVALID", failure.code());
        }
    }
}
