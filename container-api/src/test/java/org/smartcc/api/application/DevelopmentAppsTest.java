package org.smartcc.api.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class DevelopmentAppsTest {

    static final String REST_APP = "/dev-apps/rest-demographics.json";

    @Test
    void theRestAppsUrlsAreOnThePublicUrl() {
        JsonObject manifest = manifest(REST_APP, "http://localhost:8484/");
        assertEquals("rest-demographics@apps.smartcc.local", manifest.getString("id"));
        assertEquals("http://localhost:8484/example-rest-app/index", manifest.getString("index"));
        assertEquals("http://localhost:8484/example-rest-app/icon.png", manifest.getString("icon"));
        assertEquals("http://localhost:8484/example-rest-app/callback", manifest.getString("oauth_callback"));
        assertEquals("ui", manifest.getString("mode"));
        assertEquals("record", manifest.getString("scope"));
        assertEquals("0.6", manifest.getString("smart_version"));
        assertTrue(manifest.getJsonObject("requires").containsKey("http://smartplatforms.org/terms#Demographics"));
        assertTrue(manifest.getJsonObject("requires").containsKey("http://smartplatforms.org/terms#Medication"));
    }

    @Test
    void everyManifestIsJsonWithNoPublicUrlTemplateLeft() {
        for (String resource : DevelopmentApps.MANIFESTS) {
            String text = DevelopmentApps.manifest(resource, "http://localhost:8080");
            assertFalse(text.contains(DevelopmentApps.PUBLIC_URL), resource);
            assertTrue(manifest(resource, "http://localhost:8080").getString("id").endsWith("@apps.smartcc.local"));
        }
    }

    private static JsonObject manifest(String resource, String publicUrl) {
        try (var reader = Json.createReader(new StringReader(DevelopmentApps.manifest(resource, publicUrl)))) {
            return reader.readObject();
        }
    }
}
