package org.smartcc.api.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import org.smartcc.api.infrastructure.RecordServices;
import org.smartcc.api.infrastructure.StoreResources;
import org.smartcc.oauth.domain.AppMode;
import org.smartcc.oauth.domain.OAuthPrincipal;
import org.smartcc.records.application.RecordResponse;
import org.smartcc.records.application.RecordSearch;
import org.smartcc.records.infrastructure.RdfFormat;

/**
 * {@code GET /records/search}: demographics of the matching records. Only frame_ui and helper apps may search
 * (smart-classic §4.8): a record-scoped app has no business seeing who else is in the container.
 */
@Path("records/search")
@RequestScoped
public class RecordSearchResource {

    private static final Set<AppMode> MAY_SEARCH = Set.of(AppMode.FRAME_UI, AppMode.HELPER);

    @Inject
    StoreResources resources;
    @Inject
    RecordServices records;
    @Inject
    ApiBases apiBases;
    @Context
    UriInfo uri;
    @Context
    HttpHeaders headers;

    @GET
    public Response search() {
        OAuthPrincipal principal = resources.oauth().provider().verify(OAuthRequests.of("GET", uri, headers));
        if (!MAY_SEARCH.contains(principal.app().mode())) {
            throw new WebApplicationException(ErrorResponse.of(Response.Status.FORBIDDEN, "FORBIDDEN_APP_MODE",
                    "only frame_ui and helper apps may search records; " + principal.appId() + " is a "
                            + principal.app().mode().manifestValue() + " app"));
        }
        RecordResponse found = records.search().search(RecordSearch.Criteria.of(uri.getQueryParameters()),
                apiBases.of(uri));
        RdfFormat format = RdfNegotiation.choose(headers.getAcceptableMediaTypes());
        StreamingOutput entity = out -> found.writeTo(out, format);
        return Response.ok(entity, found.contentType(format)).build();
    }
}
