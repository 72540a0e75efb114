package org.smartcc.api.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.smartcc.api.domain.AppDataKind;

/** Preferences per (user, app), also at their 0.4 path {@code /accounts/...}; only that user's token of that app. */
@Path("{users: users|accounts}/{user_id}/apps/{app_id}/preferences")
@RequestScoped
@SignedByApp
public class PreferencesResource extends AppDataEndpoint {

    @GET
    public Response getPreferences(@PathParam("user_id") String userId, @PathParam("app_id") String appId) {
        requireUser(userId, appId);
        return read(AppDataKind.PREFERENCES, userId, appId);
    }

    @PUT
    @Consumes(MediaType.WILDCARD)
    public Response putPreferences(@PathParam("user_id") String userId, @PathParam("app_id") String appId,
                                   byte[] body) {
        requireUser(userId, appId);
        return write(AppDataKind.PREFERENCES, userId, appId, body);
    }

    @DELETE
    public Response deletePreferences(@PathParam("user_id") String userId, @PathParam("app_id") String appId) {
        requireUser(userId, appId);
        return delete(AppDataKind.PREFERENCES, userId, appId);
    }
}
