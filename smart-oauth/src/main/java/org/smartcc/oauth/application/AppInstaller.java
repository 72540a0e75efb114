package org.smartcc.oauth.application;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.smartcc.oauth.domain.App;
import org.smartcc.oauth.domain.AppMode;
import org.smartcc.oauth.domain.AppScope;

/**
 * Installs apps from their SMART manifests (spec §5.1). Checks what the container relies on: the required
 * fields, the types of the known ones, mode and scope values, absolute index and oauth_callback URLs, and index/icon
 * present for UI apps but absent for background apps. Unknown fields (legacy {@code intents}, {@code base_url},
 * ...) are tolerated.
 */
public final class AppInstaller {

    private static final int MAX_ID_LENGTH = 255;

    private final AppRepository apps;
    private final Secrets secrets;
    private final Clock clock;
    private final String uiServerBaseUrl;

    /** @param uiServerBaseUrl replaces {@code {{ui_server_base_url}}} in the reference's bootstrap manifests */
    public AppInstaller(AppRepository apps, Secrets secrets, Clock clock, String uiServerBaseUrl) {
        this.apps = apps;
        this.secrets = secrets;
        this.clock = clock;
        this.uiServerBaseUrl = uiServerBaseUrl;
    }

    /**
     * Installs (or reinstalls, keeping its tokens) the app of a manifest.
     *
     * @param source the manifest's file name or URL, for error messages
     * @throws ManifestException naming the source and field
     */
    public App install(String source, String manifestJson, String consumerSecret) {
        if (consumerSecret == null || consumerSecret.isEmpty()) {
            throw new IllegalArgumentException("a consumer secret is required");
        }
        App app = parse(source, manifestJson, consumerSecret);
        apps.save(app);
        return app;
    }

    /** Installs with a random 16-character consumer secret, as the reference does when none is given. */
    public App installWithGeneratedSecret(String source, String manifestJson) {
        return install(source, manifestJson, secrets.consumerSecret());
    }

    /**
     * Installs every {@code *.json} file of a directory in file-name order, all with the same secret (the embedded
     * development run). A later manifest with an already installed id replaces the earlier one.
     */
    public List<App> installDirectory(Path directory, String consumerSecret) {
        List<App> installed = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                installed.add(install(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8),
                        consumerSecret));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read app manifests in " + directory, e);
        }
        return installed;
    }

    private App parse(String source, String json, String consumerSecret) {
        JsonObject manifest = upgradeLegacy(readObject(source, json), uiServerBaseUrl);
        String id = requiredString(source, manifest, "id");
        if (id.length() > MAX_ID_LENGTH || id.isBlank() || id.chars().anyMatch(c -> c <= ' ')) {
            throw new ManifestException(source, "id", "must be a non-empty id without spaces, at most "
                    + MAX_ID_LENGTH + " characters");
        }
        String name = requiredString(source, manifest, "name");
        String description = requiredString(source, manifest, "description");
        String modeValue = requiredString(source, manifest, "mode");
        AppMode mode = AppMode.ofManifestValue(modeValue).orElseThrow(() -> new ManifestException(source, "mode",
                "'" + modeValue + "' is not one of " + Arrays.stream(AppMode.values()).map(AppMode::manifestValue)
                        .collect(Collectors.joining(", "))));
        String scopeValue = optionalString(source, manifest, "scope");
        AppScope scope = scopeValue == null ? AppScope.RECORD : AppScope.ofManifestValue(scopeValue)
                .orElseThrow(() -> new ManifestException(source, "scope", "'" + scopeValue
                        + "' is not one of record, container"));
        String index = optionalUrl(source, manifest, "index");
        // only displayed, and the reference bootstrap manifests carry {{ui_server_base_url}} templates in it
        String icon = optionalString(source, manifest, "icon");
        String callback = optionalUrl(source, manifest, "oauth_callback");
        for (String field : List.of("author", "version", "smart_version")) {
            optionalString(source, manifest, field);
        }
        if (manifest.containsKey("standalone") && !(manifest.get("standalone") == JsonValue.TRUE
                || manifest.get("standalone") == JsonValue.FALSE)) {
            throw new ManifestException(source, "standalone", "must be true or false");
        }
        if (mode.runsWithoutUser()) {
            for (String[] field : new String[][] {{"index", index}, {"icon", icon}, {"oauth_callback", callback}}) {
                if (field[1] != null) {
                    throw new ManifestException(source, field[0], "is not allowed for " + modeValue + " apps");
                }
            }
        } else {
            if (index == null) {
                throw new ManifestException(source, "index", "is required for " + modeValue + " apps");
            }
            if (icon == null) {
                throw new ManifestException(source, "icon", "is required for " + modeValue + " apps");
            }
        }
        return new App(id, name, description, mode, scope, index, callback, consumerSecret, manifest.toString(),
                clock.instant());
    }

    /**
     * Manifests of SMART 0.3 still import (spec §5.1): {@code {base_url}} in index, icon and oauth_callback is
     * resolved, and {@code base_url} and {@code intents}, gone since 0.4, are dropped; so is the reference container's
     * {@code {{ui_server_base_url}}} template. The container then serves every manifest in the 0.6 form its schema
     * describes.
     */
    private static JsonObject upgradeLegacy(JsonObject manifest, String uiServerBaseUrl) {
        String base = manifest.get("base_url") instanceof JsonString s ? s.getString() : null;
        JsonObjectBuilder upgraded = Json.createObjectBuilder(manifest).remove("base_url").remove("intents");
        for (String field : List.of("index", "icon", "oauth_callback")) {
            if (manifest.get(field) instanceof JsonString value) {
                String resolved = value.getString().replace("{{ui_server_base_url}}", uiServerBaseUrl);
                upgraded.add(field, base == null ? resolved : resolved.replace("{base_url}", base));
            }
        }
        return upgraded.build();
    }

    private static JsonObject readObject(String source, String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new ManifestException(source, null, "a manifest must be a JSON object");
            }
            return value.asJsonObject();
        } catch (JsonException e) {
            throw new ManifestException(source, null, "not valid JSON: " + e.getMessage());
        }
    }

    private static String requiredString(String source, JsonObject manifest, String field) {
        String value = optionalString(source, manifest, field);
        if (value == null || value.isBlank()) {
            throw new ManifestException(source, field, "is required");
        }
        return value;
    }

    private static String optionalString(String source, JsonObject manifest, String field) {
        JsonValue value = manifest.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonString string)) {
            throw new ManifestException(source, field, "must be a string");
        }
        return string.getString();
    }

    /** Any scheme: native apps use custom ones such as {@code smart-app:///did_receive_verifier}. */
    private static String optionalUrl(String source, JsonObject manifest, String field) {
        String value = optionalString(source, manifest, field);
        if (value == null) {
            return null;
        }
        try {
            if (new URI(value).getScheme() == null) {
                throw new ManifestException(source, field, "must be an absolute URL");
            }
        } catch (URISyntaxException e) {
            throw new ManifestException(source, field, "is not a valid URL: " + e.getReason());
        }
        return value;
    }
}
