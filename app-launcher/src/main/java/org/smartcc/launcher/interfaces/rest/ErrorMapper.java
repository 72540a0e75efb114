package org.smartcc.launcher.interfaces.rest;

import jakarta.json.Json;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.smartcc.launcher.domain.LauncherException;

/**
 * Every failure of a JSON call as {@code {"code", "message"}}: the launcher's and the API server's codes as they are,
 * JAX-RS's own refusals with their status, anything else as 500 without internals (logged here instead).
 */
@Provider
public class ErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ErrorMapper.class.getName());

    @Override
    public Response toResponse(Throwable failure) {
        if (failure instanceof LauncherException e) {
            return answer(e.status(), e.code(), e.getMessage());
        }
        if (failure instanceof WebApplicationException e) {
            int status = e.getResponse().getStatus();
            return answer(status, "HTTP_" + status, Response.Status.fromStatusCode(status) == null
                    ? "refused" : Response.Status.fromStatusCode(status).getReasonPhrase());
        }
        LOG.log(Level.SEVERE, "a launcher call failed", failure);
        return answer(500, "INTERNAL_ERROR", "the launcher failed; the server log has the details");
    }

    private static Response answer(int status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Json.createObjectBuilder().add("code", code).add("message", message).build()).build();
    }
}
