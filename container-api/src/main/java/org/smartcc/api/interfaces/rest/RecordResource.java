package org.smartcc.api.interfaces.rest;

import jakarta.enterprise.context.ApplicationScoped;
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
import java.util.Optional;
import java.util.Set;
import org.smartcc.api.infrastructure.RecordServices;
import org.smartcc.api.infrastructure.StoreResources;
import org.smartcc.oauth.application.OAuthProvider;
import org.smartcc.oauth.domain.OAuthPrincipal;
import org.smartcc.records.application.RecordResponse;
import org.smartcc.records.application.ResponseCache;
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
@ApplicationScoped
public class RecordResource {

    @Inject
    RecordServices records;
    @Inject
    StoreResources resources;
    @Inject
    ApiBases apiBases;

    // One instance for all requests (a request-scoped bean cost a sixth of a cached read): the request comes in as
    // method parameters.

    @GET
    public Response get(@Context UriInfo uri, @Context HttpHeaders headers) {
        return call(new Request("GET", uri, headers, new byte[0]));
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response post(@Context UriInfo uri, @Context HttpHeaders headers, byte[] body) {
        return call(new Request("POST", uri, headers, body));
    }

    @PUT
    @Consumes(MediaType.WILDCARD)
    public Response put(@Context UriInfo uri, @Context HttpHeaders headers, byte[] body) {
        return call(new Request("PUT", uri, headers, body));
    }

    @DELETE
    public Response delete(@Context UriInfo uri, @Context HttpHeaders headers) {
        return call(new Request("DELETE", uri, headers, new byte[0]));
    }

    private record Request(String method, UriInfo uri, HttpHeaders headers, byte[] body) {
    }

    private Response call(Request request) {
        String method = request.method();
        UriInfo uri = request.uri();
        HttpHeaders headers = request.headers();
        byte[] body = request.body();
        String path = LegacyPaths.current("/" + uri.getPath(false));
        CallMatch match = records.table().match(method, path).orElseThrow(() -> unmatched(method, path));
        OAuthProvider provider = resources.oauth().provider();
        OAuthPrincipal principal = provider.verify(
                OAuthRequests.of(method, uri, headers, new String(body, StandardCharsets.UTF_8)));
        provider.requireRecord(principal, match.recordId().orElseThrow());

        String apiBase = apiBases.of(uri);
        RdfFormat format = RdfNegotiation.choose(headers.getAcceptableMediaTypes());
        if (records.reader().serves(match.call())) {
            return read(match, path, uri, apiBase, format);
        }
        if (records.poster().serves(match)) {
            return rdf(records.poster().post(match, body, apiBase), format);
        }
        throw new RecordsException(ErrorCode.UNSUPPORTED_CALL, match.call().name() + " is not served");
    }

    /**
     * Reads go through the response cache when the record's version is known: the key is the version and the
     * request exactly as sent (parameter order shapes nextPageURL), with the API base and the format.
     */
    private Response read(CallMatch match, String path, UriInfo uri, String apiBase, RdfFormat format) {
        ResponseCache cache = records.cache();
        Optional<ResponseCache.Key> key = cache.enabled()
                ? records.reader().recordVersion(match.recordId().orElseThrow()).map(version -> new ResponseCache.Key(
                        version, format + " " + apiBase + path + "?" + uri.getRequestUri().getRawQuery()))
                : Optional.empty();
        ResponseCache.Entry hit = key.map(cache::get).orElse(null);
        if (hit != null) {
            return ok(hit.body(), hit.contentType());
        }
        RecordResponse response = records.reader().read(match, uri.getQueryParameters(), apiBase);
        if (key.isPresent() && response.isRdf()) {
            ResponseCache.Entry entry = new ResponseCache.Entry(response.body(format), response.contentType(format));
            cache.put(key.get(), entry);
            return ok(entry.body(), entry.contentType());
        }
        return rdf(response, format);
    }

    private static Response rdf(RecordResponse response, RdfFormat format) {
        StreamingOutput entity = out -> response.writeTo(out, format);
        return ok(entity, response.contentType(format));
    }

    private static Response ok(Object entity, String contentType) {
        return Response.ok(entity, contentType).header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
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
