package org.smartcc.api.interfaces.rest;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;
import java.util.Optional;
import org.smartcc.store.Incidents;
import org.smartcc.store.domain.CodedException;
import org.smartcc.store.domain.ErrorKind;

/**
 * The one place errors become answers: a {@link CodedException} by its kind, JAX-RS's own errors by their status,
 * anything else as a server fault. Bodies are {@link ErrorResponse} JSON, and on the i2b2 cells i2b2's error
 * envelope with HTTP 200, as i2b2 answers (its clients end in script errors on any other status); nothing internal
 * (stack traces, SQL) reaches the client.
 */
public final class ErrorMappers {

    /** The OAuth challenge (RFC 5849 §3.5.1 names the scheme, the realm is the container's). */
    private static final String OAUTH_CHALLENGE = "OAuth realm=\"smartcc\"";

    private ErrorMappers() {
    }

    /** A refusal of the API or a library: the status its kind stands for, its code and its message. */
    @Provider
    public static class Coded implements ExceptionMapper<CodedException> {

        @Context
        UriInfo uri;

        @Override
        public Response toResponse(CodedException e) {
            return answer(e, uri.getPath());
        }
    }

    /**
     * JAX-RS's own errors (no such path, method not allowed, unsupported media type) keep their status; a JSON body is
     * added when they have none.
     */
    @Provider
    public static class WebApplication implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            if (e instanceof NotFoundException) {
                return ErrorResponse.of(Response.Status.NOT_FOUND, "NOT_FOUND", "no resource at this path");
            }
            Response r = e.getResponse();
            if (r.hasEntity()) {
                return r;
            }
            String code = r.getStatusInfo().getReasonPhrase().toUpperCase(Locale.ROOT).replace(' ', '_');
            return Response.status(r.getStatus()).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ErrorResponse(code, r.getStatusInfo().getReasonPhrase())).build();
        }
    }

    /**
     * A bug, an outage or an Error (StackOverflowError, OutOfMemoryError; Spark's checked exceptions come here too):
     * {@code 500 INTERNAL} with an incident id that the log repeats, as JSON, and on the i2b2 cells i2b2's error
     * envelope (HTTP 200). The mappers above still win, as JAX-RS picks the nearest superclass.
     */
    @Provider
    public static class Unexpected implements ExceptionMapper<Throwable> {

        @Context
        UriInfo uri;

        @Override
        public Response toResponse(Throwable e) {
            if (e instanceof WebApplicationException wae) {
                return new WebApplication().toResponse(wae);
            }
            String message = "the server could not complete the request (incident " + Incidents.log("a request", e)
                    + ")";
            if (I2b2Cells.isCellPath(uri.getPath())) {
                return Response.ok().type(MediaType.APPLICATION_XML_TYPE)
                        .entity(I2b2Messages.error("INTERNAL: " + message)).build();
            }
            return ErrorResponse.of(Response.Status.INTERNAL_SERVER_ERROR, "INTERNAL", message);
        }
    }

    /** The answer to a refusal on the given path (relative to the API base); filters that abort use it too. */
    static Response answer(CodedException e, String path) {
        if (I2b2Cells.isCellPath(path)) {
            return Response.ok().type(MediaType.APPLICATION_XML_TYPE)
                    .entity(I2b2Messages.error(i2b2Text(e))).build();
        }
        Response.ResponseBuilder r = Response.status(status(e.kind())).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorResponse(e.code(), e.getMessage()));
        challenge(e).ifPresent(challenge -> r.header(HttpHeaders.WWW_AUTHENTICATE, challenge));
        return r.build();
    }

    /** What an unauthenticated caller is asked for: a refused Basic login names its realm, anything else is OAuth's. */
    static Optional<String> challenge(CodedException e) {
        if (e.kind() != ErrorKind.UNAUTHENTICATED) {
            return Optional.empty();
        }
        return Optional.of(e instanceof LoginRefused login ? login.challenge() : OAUTH_CHALLENGE);
    }

    /** The HTTP status of each kind of refusal. */
    static Response.Status status(ErrorKind kind) {
        return switch (kind) {
            case INVALID_INPUT -> Response.Status.BAD_REQUEST;
            case UNAUTHENTICATED -> Response.Status.UNAUTHORIZED;
            case FORBIDDEN -> Response.Status.FORBIDDEN;
            case NOT_FOUND -> Response.Status.NOT_FOUND;
            case NOT_ACCEPTABLE -> Response.Status.NOT_ACCEPTABLE;
            case CONFLICT -> Response.Status.CONFLICT;
            case GONE -> Response.Status.GONE;
            case TOO_LARGE -> Response.Status.REQUEST_ENTITY_TOO_LARGE;
            case TOO_MANY_REQUESTS -> Response.Status.TOO_MANY_REQUESTS;
            case NOT_IMPLEMENTED -> Response.Status.NOT_IMPLEMENTED;
            case UNAVAILABLE -> Response.Status.SERVICE_UNAVAILABLE;
        };
    }

    /**
     * The text of i2b2's error status, which i2b2 clients show as it is: the message, except that a failed login says
     * the same whatever failed (as i2b2 does), a lockout starts with i2b2's own {@code LOCKEDOUT}, and an oversized
     * body, which no i2b2 cell refuses, with the API's code.
     */
    static String i2b2Text(CodedException e) {
        return switch (e.kind()) {
            case UNAUTHENTICATED -> "authentication failed: wrong domain, user or password";
            case TOO_MANY_REQUESTS -> "LOCKEDOUT: " + e.getMessage();
            case TOO_LARGE -> e.code() + ": " + e.getMessage();
            default -> e.getMessage();
        };
    }
}
