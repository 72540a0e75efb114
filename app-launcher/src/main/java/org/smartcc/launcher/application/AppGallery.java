package org.smartcc.launcher.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.smartcc.launcher.domain.LauncherException;
import org.smartcc.launcher.infrastructure.api.ApiClient;

/**
 * The apps a user can open: the installed, enabled apps with a user interface ({@code ui}, {@code frame_ui}); and
 * apart from them the background and helper apps, which a researcher may grant a patient set (the set page).
 */
@ApplicationScoped
public class AppGallery {

    private static final Set<String> WITH_UI = Set.of("ui", "frame_ui");
    private static final Set<String> WITHOUT_USER = Set.of("background", "helper");

    @Inject
    ApiClient api;

    /** One entry per app: {@code id, name, description, mode, scope, icon, index, standalone, manifest}. */
    public List<JsonObject> apps() {
        return manifests().stream().map(AppGallery::entry).toList();
    }

    /** The enabled background and helper apps: {@code id, name, description, mode}. */
    public List<JsonObject> backgroundApps() {
        return enabledManifests().filter(m -> WITHOUT_USER.contains(m.getString("mode", "")))
                .map(m -> Json.createObjectBuilder()
                        .add("id", m.getString("id", ""))
                        .add("name", m.getString("name", m.getString("id", "")))
                        .add("description", m.getString("description", ""))
                        .add("mode", m.getString("mode"))
                        .build())
                .toList();
    }

    public JsonObject manifest(String appId) {
        return manifests().stream().filter(m -> appId.equals(m.getString("id", null))).findFirst()
                .orElseThrow(() -> LauncherException.notFound("APP_NOT_FOUND",
                        "no enabled app with a user interface has the id " + appId));
    }

    /** A container-scope app runs without a record; every other app needs one (the manifest's default). */
    public static boolean isRecordScope(JsonObject manifest) {
        return !"container".equals(manifest.getString("scope", "record"));
    }

    private List<JsonObject> manifests() {
        return enabledManifests().filter(m -> WITH_UI.contains(m.getString("mode", "")) && m.containsKey("index"))
                .toList();
    }

    private Stream<JsonObject> enabledManifests() {
        return api.manifests().stream()
                .filter(v -> v.getValueType() == JsonValue.ValueType.OBJECT)
                .map(JsonValue::asJsonObject);
    }

    private static JsonObject entry(JsonObject manifest) {
        return Json.createObjectBuilder()
                .add("id", manifest.getString("id", ""))
                .add("name", manifest.getString("name", manifest.getString("id", "")))
                .add("description", manifest.getString("description", ""))
                .add("mode", manifest.getString("mode"))
                .add("scope", manifest.getString("scope", "record"))
                .add("icon", Optional.ofNullable(manifest.get("icon")).orElse(JsonValue.NULL))
                .add("index", manifest.get("index"))
                .add("standalone", manifest.getBoolean("standalone", false))
                .add("manifest", manifest)
                .build();
    }
}
