package org.smartcc.api.interfaces.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import org.smartcc.api.application.Auditor;
import org.smartcc.api.domain.AuditKind;
import org.smartcc.oauth.application.OAuthProvider;
import org.smartcc.oauth.domain.OAuthPrincipal;
import org.smartcc.records.application.ClinicalNotePoster;
import org.smartcc.records.application.RecordReader;
import org.smartcc.records.RdfFormat;
import org.smartcc.records.application.RecordResponse;
import org.smartcc.records.application.ResponseCache;
import org.smartcc.records.domain.CallMatch;
import org.smartcc.records.domain.ErrorCode;
import org.smartcc.records.domain.RecordsException;

/**
 * Every record call of the ontology ({@code /records/{record_id}/...}) through one resource: the path is matched
 * against the ontology's {@code api:Call} table, so a call added to the ontology is served without code here.
 * Scratchpad and {@code /records/search} have resources of their own (more literal paths win in JAX-RS). A path no
 * call has answers 404 or 405 before the signature is looked at ({@link RoutedByCallTable}).
 */
@Path("records/{path: .+}")
@ApplicationScoped
@RoutedByCallTable
@SignedByApp
public class RecordResource {

    @Inject
    RecordReader reader;
    @Inject
    ClinicalNotePoster poster;
    @Inject
    ResponseCache cache;
    @Inject
    OAuthProvider provider;
    @Inject
    ApiBases apiBases;
    @Inject
    MatchedCall matched;
    @Inject
    Caller caller;
    @Inject
    Auditor auditor;

    // One instance for all requests (a request-scoped bean cost a sixth of a cached read): the request comes in as
    // method parameters, the matched call and the signer through request-scoped holders the filters filled.

    @GET
    public Response get(@Context UriInfo uri, @Context HttpHeaders headers) {
        return call(new Request(uri, headers, new byte[0]));
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response post(@Context UriInfo uri, @Context HttpHeaders headers, byte[] body) {
        return call(new Request(uri, headers, body));
    }

    @PUT
    @Consumes(MediaType.WILDCARD)
    public Response put(@Context UriInfo uri, @Context HttpHeaders headers, byte[] body) {
        return call(new Request(uri, headers, body));
    }

    @DELETE
    public Response delete(@Context UriInfo uri, @Context HttpHeaders headers) {
        return call(new Request(uri, headers, new byte[0]));
    }

    private record Request(UriInfo uri, HttpHeaders headers, byte[] body) {
    }

    private Response call(Request request) {
        UriInfo uri = request.uri();
        HttpHeaders headers = request.headers();
        byte[] body = request.body();
        String path = matched.path();
        CallMatch match = matched.match();
        provider.requireRecord(caller.app(), match.recordId().orElseThrow());

        String apiBase = apiBases.of(uri);
        RdfFormat format = RdfNegotiation.choose(headers.getAcceptableMediaTypes());
        if (reader.serves(match.call())) {
            Response answer = read(match, path, uri, apiBase, format);
            audited(AuditKind.RECORD_READ, match);
            return answer;
        }
        if (poster.serves(match)) {
            RecordResponse posted = poster.post(match, body, apiBase);
            audited(AuditKind.RECORD_WRITE, match);
            return rdf(posted, format);
        }
        throw new RecordsException(ErrorCode.UNSUPPORTED_CALL, match.call().name() + " is not served");
    }

    /**
     * One insert once the answer is ready and before it is written, so no transaction is held while it streams; a
     * failed insert fails the call (an access the trail cannot hold is not served). The call's name, not its path:
     * the path may carry filter values.
     */
    private void audited(AuditKind kind, CallMatch match) {
        OAuthPrincipal app = caller.app();
        auditor.record(auditor.event(kind).app(app.appId()).user(app.userId().orElse(null))
                .record(match.recordId().orElseThrow()).what(match.call().name()));
    }

    /**
     * Reads go through the response cache when the record's version is known: the key is the version and the
     * request exactly as sent (parameter order shapes nextPageURL), with the API base and the format.
     */
    private Response read(CallMatch match, String path, UriInfo uri, String apiBase, RdfFormat format) {
                Optional<ResponseCache.Key> key = cache.enabled()
                ? reader.recordVersion(match.recordId().orElseThrow()).map(version -> new ResponseCache.Key(
                        version, format + " " + apiBase + path + "?" + uri.getRequestUri().getRawQuery()))
                : Optional.empty();
        ResponseCache.Entry hit = key.map(cache::get).orElse(null);
        if (hit != null) {
            return ok(hit.body(), hit.contentType());
        }
        RecordResponse response = reader.read(match, uri.getQueryParameters(), apiBase);
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
}
