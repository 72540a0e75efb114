package org.smartcc.launcher.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.smartcc.launcher.application.AppLaunches;
import org.smartcc.launcher.application.SessionState;
import org.smartcc.launcher.domain.LauncherException;
import org.smartcc.launcher.infrastructure.security.CurrentCaller;

/** App instances of this session: {@code POST /ui/launches} opens one, {@code DELETE /ui/launches/{uuid}} closes it. */
@Path("launches")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class LaunchesResource {

    @Inject
    AppLaunches launches;
    @Inject
    CurrentCaller caller;
    @Context
    HttpServletRequest request;

    /** Body {@code {"app_id", "record_id"}} ({@code record_id} null or absent for a container-scope app). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response launch(JsonObject body) {
        if (body == null || body.getString("app_id", "").isBlank()) {
            throw LauncherException.invalidInput("APP_ID_MISSING", "the body needs an app_id");
        }
        JsonValue record = body.get("record_id");
        String recordId = record == null || record == JsonValue.NULL ? null
                : record.getValueType() == JsonValue.ValueType.STRING ? body.getString("record_id")
                : record.toString();
        JsonObject instance = launches.launch(caller.get(), body.getString("app_id"), recordId,
                SessionState.instances(request.getSession(true)));
        return Response.ok(instance).build();
    }

    @DELETE
    @Path("{uuid}")
    public Response close(@PathParam("uuid") String uuid) {
        launches.close(uuid, SessionState.instances(request.getSession(true)));
        return Response.noContent().build();
    }
}
