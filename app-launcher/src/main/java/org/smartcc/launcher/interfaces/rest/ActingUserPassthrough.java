package org.smartcc.launcher.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Encoded;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.smartcc.launcher.domain.Caller;
import org.smartcc.launcher.domain.RelativePath;
import org.smartcc.launcher.infrastructure.api.ApiClient;
import org.smartcc.launcher.infrastructure.security.CurrentCaller;

/**
 * {@code /ui/{base}/{path}}: the API server's {@code /{base}/{path}} called for the signed-in user (header
 * {@code X-SmartCC-Acting-User}, which the API server checks again) and answered unchanged; a subclass names the base
 * with its {@code @Path} and says who may call it. Public: javac gives a public subclass of a package-private class
 * bridge copies of its public methods, which Jersey skips, so the resource methods would not be found (Jersey warns the
 * resource is empty and every call is 404).
 */
public abstract class ActingUserPassthrough {

    @Inject
    ApiClient api;
    @Inject
    CurrentCaller caller;
    @Context
    UriInfo uri;
    @Context
    HttpHeaders headers;

    private final String base;

    ActingUserPassthrough(String base) {
        this.base = base;
    }

    /** @throws org.smartcc.launcher.domain.LauncherException 403 when the user may not make these calls */
    abstract void checkMayCall(Caller user);

    @GET
    public Response get(@Encoded @PathParam("path") String path) {
        return forward("GET", path, new byte[0]);
    }

    @POST
    public Response post(@Encoded @PathParam("path") String path, byte[] body) {
        return forward("POST", path, body);
    }

    @PUT
    public Response put(@Encoded @PathParam("path") String path, byte[] body) {
        return forward("PUT", path, body);
    }

    @PATCH
    public Response patch(@Encoded @PathParam("path") String path, byte[] body) {
        return forward("PATCH", path, body);
    }

    @DELETE
    public Response delete(@Encoded @PathParam("path") String path) {
        return forward("DELETE", path, new byte[0]);
    }

    private Response forward(String method, String path, byte[] body) {
        Caller user = caller.get();
        checkMayCall(user);
        return Passthrough.of(api.actingAs(user.id(), method, base, RelativePath.require(path),
                uri.getRequestUri().getRawQuery(), headers.getHeaderString(HttpHeaders.ACCEPT),
                headers.getHeaderString(HttpHeaders.CONTENT_TYPE),
                body == null ? new byte[0] : body));
    }
}
