package org.smartcc.api.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import org.smartcc.oauth.application.AppInstaller;
import org.smartcc.oauth.application.AppRepository;
import org.smartcc.oauth.application.OAuthProvider;
import org.smartcc.oauth.domain.App;
import org.smartcc.oauth.domain.Token;
import org.smartcc.store.domain.CodedException;
import org.smartcc.store.domain.ErrorKind;

/**
 * The administration of installed apps: install or replace from a manifest, enable, disable, flag for the legacy
 * launch, remove, and their live tokens ({@link AdminOnly}).
 */
@Path("admin/apps")
@AdminOnly
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AdminAppsResource {

    @Inject
    AppRepository apps;
    @Inject
    AppInstaller installer;
    @Inject
    OAuthProvider provider;

    @GET
    public JsonArray list() {
        JsonArrayBuilder list = Jsonp.JSON.createArrayBuilder();
        apps.findAll().forEach(app -> list.add(describe(app)));
        return list.build();
    }

    /** Installs (201, with a new random consumer secret) or replaces (200, keeping secret, tokens and flags). */
    @PUT
    @Path("{app_id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response put(@PathParam("app_id") String appId, String manifest) {
        AppInstaller.Put put = installer.put(appId, manifest == null ? "" : manifest);
        JsonObject answer = Jsonp.JSON.createObjectBuilder().add("app_id", put.app().id())
                .add("consumer_secret", put.app().consumerSecret()).build();
        return Response.status(put.created() ? Response.Status.CREATED : Response.Status.OK).entity(answer).build();
    }

    /** Sets {@code enabled} and/or {@code legacy_launch}. */
    @PATCH
    @Path("{app_id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject patch(@PathParam("app_id") String appId, String body) {
        App app = installed(appId);
        JsonObject flags = flags(body);
        App changed = app.withFlags(flag(flags, "enabled", app.enabled()),
                flag(flags, "legacy_launch", app.legacyLaunch()));
        apps.save(changed);
        return describe(changed);
    }

    /** Removes the app; its tokens, preferences and scratchpad data go with it. */
    @DELETE
    @Path("{app_id}")
    public Response delete(@PathParam("app_id") String appId) {
        if (!apps.delete(appId)) {
            throw notInstalled(appId);
        }
        return Response.noContent().build();
    }

    /** The app's tokens that are neither revoked nor expired; never their secrets. */
    @GET
    @Path("{app_id}/tokens")
    public JsonArray tokens(@PathParam("app_id") String appId) {
        installed(appId);
        JsonArrayBuilder list = Jsonp.JSON.createArrayBuilder();
        for (Token t : provider.liveTokensOfApp(appId)) {
            JsonObjectBuilder token = Jsonp.JSON.createObjectBuilder().add("token", t.value())
                    .add("kind", t.kind().name());
            token.add("user_id", t.userId().map(v -> (JsonValue) Jsonp.JSON.createValue(v)).orElse(JsonValue.NULL));
            token.add("record_id", t.recordId().map(v -> (JsonValue) Jsonp.JSON.createValue(v))
                    .orElse(JsonValue.NULL));
            list.add(token.add("created", t.createdAt().toString()).add("expires", t.expiresAt().toString()));
        }
        return list.build();
    }

    /** Revokes every token of an app, e.g. when its consumer secret leaked. */
    @DELETE
    @Path("{app_id}/tokens")
    public AdminResource.Revocation revokeTokens(@PathParam("app_id") String appId) {
        installed(appId);
        return new AdminResource.Revocation(provider.revokeAllOfApp(appId), appId, null, null, null);
    }

    /** An app as the admin list shows it. */
    static JsonObject describe(App app) {
        JsonObjectBuilder json = Jsonp.JSON.createObjectBuilder().add("app_id", app.id()).add("name", app.name())
                .add("description", app.description()).add("mode", app.mode().manifestValue())
                .add("scope", app.scope().manifestValue());
        json.add("index", app.index().map(v -> (JsonValue) Jsonp.JSON.createValue(v)).orElse(JsonValue.NULL));
        JsonValue icon = Jsonp.JSON.createReader(new StringReader(app.manifestJson())).readObject().get("icon");
        json.add("icon", icon instanceof JsonString ? icon : JsonValue.NULL);
        return json.add("enabled", app.enabled()).add("legacy_launch", app.legacyLaunch())
                .add("installed", app.installedAt().toString()).build();
    }

    private App installed(String appId) {
        return apps.find(appId).orElseThrow(() -> notInstalled(appId));
    }

    private static CodedException notInstalled(String appId) {
        return new CodedException(ErrorKind.NOT_FOUND, "APP_NOT_FOUND", "no app " + appId + " is installed");
    }

    private static JsonObject flags(String body) {
        try {
            return Jsonp.JSON.createReader(new StringReader(body == null ? "" : body)).readObject();
        } catch (JsonException | IllegalStateException e) {
            throw invalidFlags("the body is not a JSON object");
        }
    }

    private static boolean flag(JsonObject flags, String name, boolean current) {
        JsonValue value = flags.get(name);
        if (value == null) {
            return current;
        }
        if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
            throw invalidFlags(name + " must be true or false");
        }
        return value == JsonValue.TRUE;
    }

    private static CodedException invalidFlags(String message) {
        return new CodedException(ErrorKind.INVALID_INPUT, "APP_FLAGS_INVALID", message);
    }
}
