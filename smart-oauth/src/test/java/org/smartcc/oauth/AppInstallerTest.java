package org.smartcc.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.scribejava.core.model.Verb;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smartcc.oauth.application.ManifestException;
import org.smartcc.oauth.application.OAuthSettings;
import org.smartcc.oauth.domain.App;
import org.smartcc.oauth.domain.AppMode;
import org.smartcc.oauth.domain.AppScope;

/** Installing apps from manifests: the shared sample manifests, the development defaults and bad manifests. */
class AppInstallerTest {

    @TempDir
    Path dir;
    TestContainer container;

    @BeforeEach
    void open() {
        container = new TestContainer(dir, OAuthSettings.defaults().withDevConsumerSecret("configured-dev-secret"));
    }

    @AfterEach
    void close() {
        container.close();
    }

    @Test
    void aReinstalledAppIsSeenAtOnceDespiteTheLookupCache() {
        String manifest = """
                {"id": "cached@apps.example.org", "name": "%s", "description": "d", "mode": "background",
                 "scope": "container"}""";
        container.module.installer().install("a.json", manifest.formatted("First"), "secret");
        assertEquals("First", container.module.apps().find("cached@apps.example.org").orElseThrow().name());
        container.module.installer().install("a.json", manifest.formatted("Second"), "secret");
        assertEquals("Second", container.module.apps().find("cached@apps.example.org").orElseThrow().name());
    }

    @Test
    void legacyManifestsAreUpgradedToTheCurrentForm() {
        App app = container.module.installer().install("legacy.json", """
                {"id": "old@apps.example.org", "name": "Old", "description": "0.3 app", "mode": "ui",
                 "base_url": "http://apps.example.org/old", "index": "{base_url}/index.html",
                 "icon": "{base_url}/icon.png", "intents": ["view_labs"]}""", "secret");

        assertEquals("http://apps.example.org/old/index.html", app.index().orElseThrow());
        var served = Json.createReader(new java.io.StringReader(app.manifestJson())).readObject();
        assertEquals("http://apps.example.org/old/icon.png", served.getString("icon"));
        assertFalse(served.containsKey("intents") || served.containsKey("base_url"), served.toString());

        App bootstrap = container.module.installer().install("my-app.json", """
                {"id": "dev@apps.example.org", "name": "Dev", "description": "reference bootstrap app", "mode": "ui",
                 "index": "http://localhost:8000/index.html",
                 "icon": "{{ui_server_base_url}}/static/icon.png"}""", "secret");
        var icon = Json.createReader(new java.io.StringReader(bootstrap.manifestJson())).readObject().getString("icon");
        assertEquals("http://localhost:8080/launcher/static/icon.png", icon);
    }

    @Test
    void developmentDefaultsInstallEverySharedManifestAndTheDevUser() throws IOException {
        Path manifests = Path.of(System.getProperty("smartcc.shared.dir"), "smart-data", "manifests", "apps");
        Set<String> idsInFiles;
        try (Stream<Path> files = Files.list(manifests)) {
            idsInFiles = files.filter(f -> f.toString().endsWith(".json"))
                    .map(AppInstallerTest::idOf)
                    .collect(Collectors.toSet());
        }

        List<App> installed = container.module.installDevDefaults(manifests);

        assertEquals(idsInFiles, installed.stream().map(App::id).collect(Collectors.toSet()));
        assertEquals(idsInFiles.size() + 3, container.module.apps().findAll().size(), "plus the 3 test apps");
        assertTrue(container.module.users().find(OAuthModule.DEV_USER.id()).isPresent());
        App background = container.module.apps().find("smart-connector@apps.smartplatforms.org").orElseThrow();
        assertEquals(AppMode.BACKGROUND, background.mode());
        assertEquals(AppScope.CONTAINER, background.scope());
        assertEquals("smart-app:///did_receive_verifier",
                container.module.apps().find("my-ios-app@apps.smartplatforms.org").orElseThrow().oauthCallback()
                        .orElseThrow());
        assertEquals(AppMode.FRAME_UI,
                container.module.apps().find("emr-view@apps.smartplatforms.org").orElseThrow().mode());

        // the configured secret is the one the apps sign with
        ScribeClient restMinimal = new ScribeClient("rest-minimal@apps.smartplatforms.org", "configured-dev-secret",
                container.clock);
        assertEquals("rest-minimal@apps.smartplatforms.org", container.module.provider().verify(restMinimal
                .sign(Verb.POST, TestContainer.API_BASE + "/oauth/request_token", null, null).toProvider()).appId());
    }

    @Test
    void generatedSecretsAreRandomAndSixteenCharactersLong() {
        String manifest = """
                {"id": "gen@apps.test", "name": "G", "description": "d", "mode": "background"}""";
        App first = container.module.installer().installWithGeneratedSecret("gen.json", manifest);
        App second = container.module.installer().installWithGeneratedSecret("gen.json", manifest);

        assertEquals(16, first.consumerSecret().length());
        assertFalse(first.consumerSecret().equals(second.consumerSecret()));
        assertEquals(second.consumerSecret(),
                container.module.apps().find("gen@apps.test").orElseThrow().consumerSecret());
        assertFalse(first.toString().contains(first.consumerSecret()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"name\": \"n\", \"description\": \"d\", \"mode\": \"ui\"}|id|is required",
        "{\"id\": \"a@b\", \"name\": 7, \"description\": \"d\", \"mode\": \"ui\"}|name|must be a string",
        "{\"id\": \"a@b\", \"name\": \"n\", \"description\": \"d\", \"mode\": \"popup\"}|mode|is not one of",
        "{\"id\": \"a@b\", \"name\": \"n\", \"description\": \"d\", \"mode\": \"ui\", \"scope\": \"world\"}|scope|"
                + "is not one of",
        "{\"id\": \"a@b\", \"name\": \"n\", \"description\": \"d\", \"mode\": \"ui\", \"icon\": \"http://i\"}|index|"
                + "is required",
        "{\"id\": \"a@b\", \"name\": \"n\", \"description\": \"d\", \"mode\": \"background\", \"index\": \"http://i\"}"
                + "|index|is not allowed",
        "{\"id\": \"a@b\", \"name\": \"n\", \"description\": \"d\", \"mode\": \"ui\", \"index\": \"relative.html\","
                + " \"icon\": \"http://i\"}|index|absolute URL",
        "{\"id\": \"a b\", \"name\": \"n\", \"description\": \"d\", \"mode\": \"background\"}|id|without spaces",
        "{\"id\": \"a@b\", \"name\": \"n\", \"description\": \"d\", \"mode\": \"background\", \"standalone\": \"yes\"}"
                + "|standalone|true or false",
    })
    void badManifestsAreRefusedNamingFileAndField(String json, String field, String problem) {
        ManifestException e = assertThrows(ManifestException.class,
                () -> container.module.installer().install("broken_manifest.json", json, "s"));
        assertEquals("broken_manifest.json", e.source());
        assertEquals(field, e.field());
        assertTrue(e.getMessage().startsWith("broken_manifest.json: field '" + field + "': "), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    @Test
    void nonJsonAndNonObjectsAreRefused() {
        ManifestException notJson = assertThrows(ManifestException.class,
                () -> container.module.installer().install("x.json", "{\"id\": ", "s"));
        assertTrue(notJson.getMessage().startsWith("x.json: not valid JSON"), notJson.getMessage());
        ManifestException array = assertThrows(ManifestException.class,
                () -> container.module.installer().install("y.json", "[]", "s"));
        assertEquals("y.json: a manifest must be a JSON object", array.getMessage());
    }

    private static String idOf(Path manifest) {
        try (JsonReader reader = Json.createReader(Files.newBufferedReader(manifest))) {
            return reader.readObject().getString("id");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
