package org.smartcc.api.interfaces.rest;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Turns exceptions into {@link ErrorResponse} bodies; nothing internal (stack traces, SQL) reaches the client. */
public final class ErrorMappers {

    private ErrorMappers() {
    }

    @Provider
    public static class NotFound implements ExceptionMapper<NotFoundException> {
        @Override
        public Response toResponse(NotFoundException e) {
            return ErrorResponse.of(Response.Status.NOT_FOUND, "NOT_FOUND", "no resource at this path");
        }
    }

    /** Errors the resources raised on purpose keep their status; a JSON body is added when they have none. */
    @Provider
    public static class WebApplication implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            Response r = e.getResponse();
            if (r.hasEntity()) {
                return r;
            }
            String code = r.getStatusInfo().getReasonPhrase().toUpperCase(java.util.Locale.ROOT).replace(' ', '_');
            return Response.status(r.getStatus()).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ErrorResponse(code, r.getStatusInfo().getReasonPhrase())).build();
        }
    }

    /** A request body that passed its limit while it was read. */
    @Provider
    public static class BodyTooLarge implements ExceptionMapper<BodySizeLimit.TooLarge> {
        @Override
        public Response toResponse(BodySizeLimit.TooLarge e) {
            return BodySizeLimit.tooLarge(e);
        }
    }

    /** OAuth failures name what was wrong (smart-classic §4); 401 answers carry the OAuth challenge. */
    @Provider
    public static class OAuth implements ExceptionMapper<org.smartcc.oauth.domain.OAuthException> {
        @Override
        public Response toResponse(org.smartcc.oauth.domain.OAuthException e) {
            Response.ResponseBuilder r = Response.status(e.httpStatus()).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ErrorResponse(e.error().name(), e.getMessage()));
            if (e.httpStatus() == 401) {
                r.header("WWW-Authenticate", "OAuth realm=\"smartcc\"");
            }
            return r.build();
        }
    }

    /** Record API errors (unknown record, bad filter, unparsable RDF, conflicts) keep their stable code. */
    @Provider
    public static class Records implements ExceptionMapper<org.smartcc.records.domain.RecordsException> {
        @Override
        public Response toResponse(org.smartcc.records.domain.RecordsException e) {
            return Response.status(e.httpStatus()).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ErrorResponse(e.code().name(), e.getMessage())).build();
        }
    }

    /**
     * A bug, an outage or an Error (StackOverflowError, OutOfMemoryError; Spark's checked exceptions come here too):
     * {@code 500 INTERNAL} with an incident id that the log repeats, always JSON, and on the i2b2 endpoint i2b2's
     * error envelope. The more specific mappers above still win, as JAX-RS picks the nearest superclass.
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
            return answer(Incidents.log(e), uri.getPath());
        }

        static Response answer(String incident, String path) {
            String message = "the server could not complete the request (incident " + incident + ")";
            if (path.replaceFirst("^/", "").startsWith(I2b2QueryToolResource.PATH)) {
                return Response.serverError().type(MediaType.APPLICATION_XML_TYPE)
                        .entity(I2b2Messages.error("INTERNAL: " + message)).build();
            }
            return ErrorResponse.of(Response.Status.INTERNAL_SERVER_ERROR, "INTERNAL", message);
        }
    }

    /** An invalid query definition: 400 naming the element and the problem. */
    @Provider
    public static class QueryDefinition implements ExceptionMapper<org.smartcc.engine.query.QueryDefinitionException> {
        @Override
        public Response toResponse(org.smartcc.engine.query.QueryDefinitionException e) {
            return ErrorResponse.of(Response.Status.BAD_REQUEST, e.code(), e.getMessage());
        }
    }

    /** Too many identical queries by an obfuscated user: 429, with when the lockout ends. */
    @Provider
    public static class Lockout implements ExceptionMapper<org.smartcc.engine.privacy.PrivacyLockoutException> {
        @Override
        public Response toResponse(org.smartcc.engine.privacy.PrivacyLockoutException e) {
            return ErrorResponse.of(Response.Status.TOO_MANY_REQUESTS, e.code(), e.getMessage());
        }
    }

    /** Unknown runs and sets, no snapshot yet, not allowed: the code's own status. */
    @Provider
    public static class Runs implements ExceptionMapper<org.smartcc.engine.run.RunException> {
        @Override
        public Response toResponse(org.smartcc.engine.run.RunException e) {
            return Response.status(e.code().httpStatus()).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ErrorResponse(e.code().name(), e.getMessage())).build();
        }
    }
}
