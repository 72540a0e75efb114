package org.smartcc.launcher.interfaces.rest;

import jakarta.ws.rs.core.Response;
import org.smartcc.launcher.infrastructure.api.ApiResponse;

/** An API server's answer given to the browser as it came: status, Content-Type and body. */
final class Passthrough {

    private Passthrough() {
    }

    static Response of(ApiResponse answer) {
        Response.ResponseBuilder response = Response.status(answer.status());
        if (answer.body().length > 0) {
            response.entity(answer.body());
            if (answer.contentType() != null) {
                response.header("Content-Type", answer.contentType());
            }
        }
        return response.build();
    }
}
