package org.smartcc.launcher.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Encoded;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.smartcc.launcher.domain.Caller;
import org.smartcc.launcher.domain.LauncherException;
import org.smartcc.launcher.domain.RelativePath;
import org.smartcc.launcher.infrastructure.api.ApiClient;
import org.smartcc.launcher.infrastructure.security.CurrentCaller;

/**
 * {@code /ui/admin/...}: the API server's administration calls on behalf of the signed-in admin, who the API server
 * checks again ({@code X-SmartCC-Acting-User}); web.xml already lets only the admin role reach this.
 */
@Path("admin/{path: .*}")
@RequestScoped
public class AdminResource {

    @Inject
    ApiClient api;
    @Inject
    CurrentCaller caller;
    @Context
    UriInfo uri;
    @Context
    HttpHeaders headers;

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
        Caller admin = caller.get();
        if (!admin.isAdmin()) {
            throw new LauncherException(403, "FORBIDDEN_NOT_ADMIN", "the administration needs the admin role");
        }
        return Passthrough.of(api.admin(method, RelativePath.require(path), uri.getRequestUri().getRawQuery(),
                headers.getHeaderString(HttpHeaders.CONTENT_TYPE), body == null ? new byte[0] : body,
                admin.id()));
    }
}
