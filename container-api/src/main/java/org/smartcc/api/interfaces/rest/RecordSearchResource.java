package org.smartcc.api.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import org.smartcc.api.infrastructure.ContainerSettings;
import org.smartcc.oauth.application.OAuthProvider;
import org.smartcc.records.RdfFormat;
import org.smartcc.records.application.RecordResponse;
import org.smartcc.records.application.RecordSearch;

/**
 * {@code GET /records/search}: demographics of the matching records. As smart-classic §4.8 says: an access token a
 * user approved, of a frame_ui or helper app (a record-scoped app has no business seeing who else is in the
 * container), or a helper app the administrator flagged in {@code smartcc.apps.admin-helpers}, signing 2-legged.
 */
@Path("records/search")
@RequestScoped
@SignedByApp
public class RecordSearchResource {

    @Inject
    OAuthProvider provider;
    @Inject
    RecordSearch search;
    @Inject
    ContainerSettings settings;
    @Inject
    ApiBases apiBases;
    @Inject
    Caller caller;
    @Context
    UriInfo uri;
    @Context
    HttpHeaders headers;

    @GET
    public Response search() {
        provider.requireRecordSearch(caller.app(), settings.adminHelperApps());
        RecordResponse found = search.search(RecordSearch.Criteria.of(uri.getQueryParameters()),
                apiBases.of(uri));
        RdfFormat format = RdfNegotiation.choose(headers.getAcceptableMediaTypes());
        StreamingOutput entity = out -> found.writeTo(out, format);
        return Response.ok(entity, found.contentType(format)).build();
    }
}
