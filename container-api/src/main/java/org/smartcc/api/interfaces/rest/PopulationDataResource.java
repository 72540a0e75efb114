package org.smartcc.api.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.smartcc.api.application.PopulationReads;
import org.smartcc.api.infrastructure.population.PopulationCollections;
import org.smartcc.api.infrastructure.population.PopulationFormat;
import org.smartcc.api.infrastructure.population.PopulationStream;
import org.smartcc.api.infrastructure.population.PopulationWriter;
import org.smartcc.records.domain.ApiCall;
import org.smartcc.records.domain.RecordQueryParser;

/**
 * A patient set's collection in bulk (docs/population.md): signed 2-legged by an app the set was granted to, the
 * statements of the per-record call for each of the set's records in id order, streamed one record at a time in the
 * format {@code Accept} picks, a page of records per answer with a signed cursor to the next. Each answer is audited
 * once streamed, with what it served.
 */
@Path("cohort/patient-sets/{id}/data/{collection}")
@RequestScoped
@SignedByApp
public class PopulationDataResource {

    @Inject
    PopulationReads reads;
    @Inject
    PopulationCollections collections;
    @Inject
    PopulationStream stream;
    @Inject
    ApiBases apiBases;
    @Inject
    Caller caller;
    @Context
    UriInfo uri;
    @Context
    HttpHeaders headers;

    @GET
    public Response read(@PathParam("id") long setId, @PathParam("collection") String collection) {
        PopulationReads.Grant grant = reads.authorize(caller.app(), setId);
        PopulationCollections.Collection named = collections.named(collection);
        ApiCall call = named.call();
        PopulationFormat format = PopulationNegotiation.choose(headers.getAcceptableMediaTypes());
        Map<String, List<String>> filters = PopulationReads.filters(uri.getQueryParameters());
        RecordQueryParser.parse(call, filters); // a bad filter is refused now, not after the answer has begun
        PopulationReads.Page page = reads.page(setId, collection, filters,
                Optional.ofNullable(uri.getQueryParameters().getFirst("cursor")));
        String apiBase = apiBases.of(uri);

        StreamingOutput body = out -> {
            PopulationStream.Tally tally = new PopulationStream.Tally();
            try {
                PopulationWriter writer = format.open(out, named);
                stream.write(call, filters, apiBase, page.records(), writer, tally);
                writer.finish();
            } finally {
                reads.audited(grant, collection, format.mediaType(), tally.records(), tally.statements());
            }
        };
        Response.ResponseBuilder answer = Response.ok(body, format.mediaType())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .header("X-SmartCC-Records", page.records().size())
                .header("X-SmartCC-Set-Records", page.setRecords());
        page.next().ifPresent(cursor -> answer.link(uri.getRequestUriBuilder().replaceQueryParam("cursor", cursor)
                .build(), "next"));
        return answer.build();
    }
}
