package org.smartcc.api.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import org.smartcc.api.application.AggregateService;
import org.smartcc.api.application.PopulationReads;
import org.smartcc.engine.aggregate.AggregateException;
import org.smartcc.engine.aggregate.CodeCount;
import org.smartcc.engine.aggregate.SetAggregates;
import org.smartcc.engine.aggregate.ValueDistribution;
import org.smartcc.engine.privacy.ReportedCount;

/**
 * Aggregates over a patient set (docs/population.md): the set's patients by code of a collection, and a code's value
 * distribution, for the set's owner (the cohort API's credentials) or for an app the set was granted to (signed
 * 2-legged as itself, refused as the population reads refuse). {@link AggregateService} computes them; this resource
 * translates HTTP and JSON. Counts are the protected ones.
 */
@Path("cohort/patient-sets/{id}/aggregates/{collection}")
@CohortUserOrApp
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AggregateResource {

    @Inject
    AggregateService aggregates;
    @Inject
    PopulationReads reads;
    @Inject
    Caller caller;

    /** One code: {@code patients} is the protected number of the set's patients who have it. */
    public record Code(String system, String code, String title, ReportedCount patients) {
    }

    /** A value distribution; {@code quantiles} is null and {@code bins} empty at or below the small-cell limit. */
    @JsonbNillable
    public record Values(String code, String unit, ReportedCount patients, ReportedCount values, Quantiles quantiles,
                         List<Bin> bins) {
    }

    public record Quantiles(double p5, double p25, double p50, double p75, double p95) {
    }

    /** Values from {@code from} (included) to {@code to} (excluded); null for the open ends. */
    @JsonbNillable
    public record Bin(Double from, Double to, ReportedCount count) {
    }

    @GET
    @Path("codes")
    public List<Code> codes(@PathParam("id") long setId, @PathParam("collection") String collection,
                            @QueryParam("top") String top) {
        Optional<PopulationReads.Grant> grant = appsGrant(setId);
        int n = whole(top, SetAggregates.DEFAULT_TOP, AggregateException.Code.BAD_TOP, "top");
        List<CodeCount> codes = grant.isPresent() ? aggregates.codes(grant.get(), collection, n)
                : aggregates.codes(caller.researcher(), setId, collection, n);
        return codes.stream().map(c -> new Code(c.system(), c.code(), c.title(), c.patients())).toList();
    }

    @GET
    @Path("values")
    public Values values(@PathParam("id") long setId, @PathParam("collection") String collection,
                         @QueryParam("code") @DefaultValue("") String code, @QueryParam("bins") String bins) {
        Optional<PopulationReads.Grant> grant = appsGrant(setId);
        int n = whole(bins, SetAggregates.DEFAULT_BINS, AggregateException.Code.BAD_BINS, "bins");
        ValueDistribution d = grant.isPresent() ? aggregates.values(grant.get(), collection, code, n)
                : aggregates.values(caller.researcher(), setId, collection, code, n);
        return new Values(d.code(), d.unit().orElse(null), d.patients(), d.values(), d.quantiles()
                .map(q -> new Quantiles(q.p5(), q.p25(), q.p50(), q.p75(), q.p95())).orElse(null), d.bins().stream()
                .map(b -> new Bin(b.from().orElse(null), b.to().orElse(null), b.patients())).toList());
    }

    /** The grant a signing app reads under, checked before anything else of the request; empty for a cohort user. */
    private Optional<PopulationReads.Grant> appsGrant(long setId) {
        return caller.signedByApp() ? Optional.of(reads.authorize(caller.app(), setId)) : Optional.empty();
    }

    /** A query parameter as a whole number (JAX-RS would answer 404 for an int parameter that is none). */
    private static int whole(String text, int fallback, AggregateException.Code refusal, String name) {
        if (text == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new AggregateException(refusal, name + " must be a whole number, not '" + text + "'");
        }
    }
}
