package org.smartcc.api.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.smartcc.api.infrastructure.RecordServices;
import org.smartcc.api.infrastructure.StoreResources;
import org.smartcc.oauth.application.OAuthProvider;
import org.smartcc.oauth.domain.OAuthPrincipal;
import org.smartcc.records.application.RecordResponse;
import org.smartcc.records.domain.CallMatch;
import org.smartcc.records.domain.ErrorCode;
import org.smartcc.records.domain.RecordsException;
import org.smartcc.records.infrastructure.RdfFormat;

/**
 * Every record call of the ontology ({@code /records/{record_id}/...}) through one resource: the path is matched
 * against the ontology's {@code api:Call} table, so a call added to the ontology is served without code here.
 * Scratchpad and {@code /records/search} have resources of their own (more literal paths win in JAX-RS).
 */
@Path("records/{path: .+}")
@RequestScoped
public class RecordResource {

    @Inject
    RecordServices records;
    @Inject
    StoreResources resources;
    @Inject
    ApiBases apiBases;
    @Context
    UriInfo uri;
    @Context
    HttpHeaders headers;

    @GET
    public Response get() {
        return call("GET", new byte[0]);
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response post(byte[] body) {
        return call("POST", body);
    }

    @PUT
    @Consumes(MediaType.WILDCARD)
    public Response put(byte[] body) {
        return call("PUT", body);
    }

    @DELETE
    public Response delete() {
        return call("DELETE", new byte[0]);
    }

    private Response call(String method, byte[] body) {
        String path = LegacyPaths.current("/" + uri.getPath(false));
        CallMatch match = records.table().match(method, path).orElseThrow(() -> unmatched(method, path));
        OAuthProvider provider = resources.oauth().provider();
        OAuthPrincipal principal = provider.verify(
                OAuthRequests.of(method, uri, headers, new String(body, StandardCharsets.UTF_8)));
        provider.requireRecord(principal, match.recordId().orElseThrow());

        String apiBase = apiBases.of(uri);
        RecordResponse response;
        if (records.reader().serves(match.call())) {
            response = records.reader().read(match, uri.getQueryParameters(), apiBase);
        } else if (records.poster().serves(match)) {
            response = records.poster().post(match, body, apiBase);
        } else {
            throw new RecordsException(ErrorCode.UNSUPPORTED_CALL, match.call().name() + " is not served");
        }
        RdfFormat format = RdfNegotiation.choose(headers.getAcceptableMediaTypes());
        StreamingOutput entity = out -> response.writeTo(out, format);
        return Response.ok(entity, response.contentType(format)).header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
    }

    /** 404 when no call has this path, 405 (with Allow) when calls have it for other methods. */
    private RuntimeException unmatched(String method, String path) {
        Set<String> allowed = records.table().allowedMethods(path);
        if (allowed.isEmpty()) {
            return new RecordsException(ErrorCode.NOT_FOUND, "no SMART call at " + path);
        }
        return new WebApplicationException(Response.status(Response.Status.METHOD_NOT_ALLOWED)
                .allow(allowed).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorResponse("METHOD_NOT_ALLOWED",
                        method + " is not allowed on " + path + "; allowed: " + String.join(", ", allowed)))
                .build());
    }
}
