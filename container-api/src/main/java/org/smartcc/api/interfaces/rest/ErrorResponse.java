package org.smartcc.api.interfaces.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The body of every error answer: a stable {@code code} for programs and a {@code message} for people.
 */
public record ErrorResponse(String code, String message) {

    public static Response of(Response.Status status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorResponse(code, message)).build();
    }
}
