package org.smartcc.launcher.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Encoded;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.smartcc.launcher.application.SessionState;
import org.smartcc.launcher.domain.AppInstance;
import org.smartcc.launcher.domain.LauncherException;
import org.smartcc.launcher.domain.RelativePath;
import org.smartcc.launcher.infrastructure.api.ApiClient;

/**
 * The SMART Connect proxy (smart-classic §6.4): an app's api_call, made in the browser through the host, goes out
 * from here signed with the launcher's consumer and the instance's SMART Connect token, which the browser never sees.
 * {@code func} is the call's path relative to {@code api_base}, still percent-encoded as the app gave it.
 */
@Path("connect/{uuid}/{func: .*}")
@RequestScoped
public class ConnectProxyResource {

    @Inject
    ApiClient api;
    @Context
    HttpServletRequest request;
    @Context
    UriInfo uri;
    @Context
    HttpHeaders headers;

    @GET
    public Response get(@PathParam("uuid") String uuid, @Encoded @PathParam("func") String func) {
        return forward("GET", uuid, func, new byte[0]);
    }

    @POST
    public Response post(@PathParam("uuid") String uuid, @Encoded @PathParam("func") String func, byte[] body) {
        return forward("POST", uuid, func, body);
    }

    @PUT
    public Response put(@PathParam("uuid") String uuid, @Encoded @PathParam("func") String func, byte[] body) {
        return forward("PUT", uuid, func, body);
    }

    @DELETE
    public Response delete(@PathParam("uuid") String uuid, @Encoded @PathParam("func") String func) {
        return forward("DELETE", uuid, func, new byte[0]);
    }

    private Response forward(String method, String uuid, String func, byte[] body) {
        AppInstance instance = SessionState.instances(request.getSession(true)).find(uuid)
                .orElseThrow(() -> LauncherException.notFound("LAUNCH_NOT_FOUND",
                        "no app instance " + uuid + " in this session"));
        String contentType = headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
        return Passthrough.of(api.connect(method, RelativePath.require(func), uri.getRequestUri().getRawQuery(), contentType,
                body == null ? new byte[0] : body, instance.connectToken(), instance.connectSecret()));
    }
}
