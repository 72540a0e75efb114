package org.smartcc.launcher.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.smartcc.launcher.application.SessionState;
import org.smartcc.launcher.domain.Caller;
import org.smartcc.launcher.infrastructure.security.CurrentCaller;

/** {@code GET /ui/session}: who is signed in, and the CSRF token the pages send with every change. */
@Path("session")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    @Inject
    CurrentCaller caller;
    @Context
    HttpServletRequest request;

    @GET
    public JsonObject session() {
        Caller user = caller.get();
        return Json.createObjectBuilder()
                .add("user", Json.createObjectBuilder().add("id", user.id()).add("full_name", user.fullName())
                        .add("roles", Json.createArrayBuilder(user.roles())))
                .add("csrf_token", SessionState.csrfToken(request.getSession(true)))
                .build();
    }
}
