package org.smartcc.launcher.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import org.smartcc.launcher.domain.AppInstance;
import org.smartcc.launcher.domain.AppInstances;
import org.smartcc.launcher.domain.Caller;
import org.smartcc.launcher.domain.LaunchUrl;
import org.smartcc.launcher.domain.LauncherException;
import org.smartcc.launcher.infrastructure.api.ApiClient;
import org.smartcc.launcher.infrastructure.api.LauncherSettings;

/**
 * Opening and closing app instances: the API server issues the launch tokens; the browser is given the launch URL and
 * a uuid, while the SMART Connect token and secret stay in the session's {@link AppInstances}.
 */
@ApplicationScoped
public class AppLaunches {

    private static final Logger LOG = Logger.getLogger(AppLaunches.class.getName());

    @Inject
    ApiClient api;
    @Inject
    AppGallery gallery;
    @Inject
    LauncherSettings settings;

    /**
     * @param recordId null for a container-scope app
     * @return {@code uuid, launch_url, api_base, manifest, context}, and {@code credentials} for a legacy launch
     */
    public JsonObject launch(Caller caller, String appId, String recordId, AppInstances instances) {
        JsonObject manifest = gallery.manifest(appId);
        if (AppGallery.isRecordScope(manifest) && recordId == null) {
            throw LauncherException.invalidInput("RECORD_REQUIRED", "the app " + appId + " needs a record");
        }
        String record = AppGallery.isRecordScope(manifest) ? recordId : null;
        JsonObject banner = record == null ? null : api.record(record);
        JsonObject launch = api.launch(appId, caller.id(), record);
        String apiBase = settings.apiBase();
        boolean legacy = launch.getBoolean("legacy_launch", false) && launch.containsKey("oauth_header");
        String oauthHeader = legacy ? launch.getString("oauth_header") : null;
        AppInstance instance = new AppInstance(UUID.randomUUID().toString(), caller.id(), appId, record,
                launch.getString("connect_token"), launch.getString("connect_secret"),
                launch.getString("rest_token", null));
        instances.add(instance);

        JsonObjectBuilder context = Json.createObjectBuilder()
                .add("user", Json.createObjectBuilder().add("id", caller.id()).add("full_name", caller.fullName()))
                .add("record", banner == null ? JsonValue.NULL : Json.createObjectBuilder().add("id", record)
                        .add("full_name", banner.getString("full_name", record)).build());
        JsonObjectBuilder answer = Json.createObjectBuilder()
                .add("uuid", instance.uuid())
                .add("launch_url", LaunchUrl.of(manifest.getString("index"), apiBase, record, oauthHeader))
                .add("api_base", apiBase)
                .add("manifest", manifest)
                .add("context", context);
        if (legacy) {
            answer.add("credentials", Json.createObjectBuilder()
                    .add("api_base", apiBase)
                    .add("rest_token", launch.getString("rest_token"))
                    .add("rest_secret", launch.getString("rest_secret"))
                    .add("oauth_header", oauthHeader));
        }
        return answer.build();
    }

    /** Closes one instance of this session and revokes its tokens at once. */
    public void close(String uuid, AppInstances instances) {
        AppInstance instance = instances.remove(uuid).orElseThrow(() -> LauncherException.notFound(
                "LAUNCH_NOT_FOUND", "no app instance " + uuid + " in this session"));
        api.revoke(instance.tokens());
    }

    /** Closes every instance of a session (logout, session end); a failure is logged, as nobody is waiting. */
    public void closeAll(AppInstances instances) {
        List<String> tokens = instances.removeAllTokens();
        try {
            api.revoke(tokens);
        } catch (LauncherException e) {
            LOG.warning(() -> tokens.size() + " tokens of an ended session could not be revoked: " + e.code()
                    + " (they expire on their own)");
        }
    }
}
