package org.smartcc.api.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.smartcc.api.application.CohortModeService;
import org.smartcc.api.application.CohortService;
import org.smartcc.api.application.ConceptTreeService;
import org.smartcc.api.domain.Researcher;
import org.smartcc.engine.query.QueryDefinition;
import org.smartcc.engine.query.QueryDefinitionException;
import org.smartcc.engine.query.i2b2.I2b2QueryParser;
import org.smartcc.engine.query.i2b2.I2b2QueryWriter;
import org.smartcc.engine.query.json.QueryJson;
import org.smartcc.engine.run.QueryRun;
import org.smartcc.engine.run.ResultType;
import org.smartcc.store.domain.CodedException;
import org.smartcc.store.domain.ErrorKind;

/**
 * The cohort API for researchers (HTTP Basic as a cohort user): submit a query definition (JSON, or i2b2 XML) and get
 * 202 with the run's location; follow its status and progress, cancel it, read its generated plan, page through a
 * patient set (also its SMART records, keeping where the caller stopped: cohort mode), browse or search the concept
 * tree, and show a definition as i2b2 XML ({@link CohortQueryResource} serves the saved queries). {@link CohortUser}
 * logs the user in; {@link CohortService}, {@link CohortModeService} and {@link ConceptTreeService} serve them, with
 * their ownership and role rules, and this resource translates HTTP and JSON.
 */
@Path("cohort")
@CohortUser
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CohortResource {

    /** The most patients one page of a patient set returns. */
    static final int MAX_PAGE = 10_000;

    @Inject
    CohortService cohorts;
    @Inject
    ConceptTreeService concepts;
    @Inject
    CohortModeService cohortMode;
    @Inject
    Caller caller;

    @POST
    @Path("runs")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submitJson(String body, @jakarta.ws.rs.core.Context UriInfo uri) {
        Researcher researcher = caller.researcher();
        JsonObject request = jsonObject(body);
        QueryDefinition definition;
        if (request.containsKey("definition")) {
            definition = QueryJson.read(request.get("definition").toString());
        } else if (request.get("i2b2") instanceof JsonString xml) {
            definition = i2b2(xml.getString());
        } else {
            throw new QueryDefinitionException("/", "send the query as \"definition\" (JSON) or \"i2b2\" (XML text)");
        }
        return accepted(researcher, definition, results(request), timeout(request), uri);
    }

    private static JsonObject jsonObject(String body) {
        try {
            return Jsonp.JSON.createReader(new StringReader(body)).readObject();
        } catch (JsonParsingException | ClassCastException e) {
            throw new QueryDefinitionException("/", "the body is not a JSON object: " + e.getMessage());
        }
    }

    /** The result names of a JSON request; absent means the engine's default. */
    private static List<String> results(JsonObject request) {
        JsonValue value = request.get("results");
        if (value == null || value == JsonValue.NULL) {
            return List.of();
        }
        if (!(value instanceof JsonArray array)) {
            throw new QueryDefinitionException("/results", "must be an array of result type names");
        }
        List<String> results = new ArrayList<>();
        array.forEach(v -> results.add(v instanceof JsonString name ? name.getString() : v.toString()));
        return results;
    }

    /** The timeout a JSON request asks for: whole seconds above 0; absent means the engine's default. */
    private static Optional<Duration> timeout(JsonObject request) {
        JsonValue value = request.get("timeoutSeconds");
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        if (value instanceof JsonNumber seconds && seconds.isIntegral() && seconds.bigIntegerValue().signum() > 0
                && seconds.bigIntegerValue().bitLength() < 40) {
            return Optional.of(Duration.ofSeconds(seconds.longValue()));
        }
        throw new QueryDefinitionException("/timeoutSeconds", "must be a whole number of seconds above 0, not "
                + value);
    }

    @POST
    @Path("runs")
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    public Response submitXml(String body, @QueryParam("result") List<String> results,
                              @jakarta.ws.rs.core.Context UriInfo uri) {
        Researcher researcher = caller.researcher();
        return accepted(researcher, i2b2(body), results, Optional.empty(), uri);
    }

    @GET
    @Path("runs/{id}")
    public CohortViews.Run run(@PathParam("id") long id) {
        return CohortViews.of(cohorts.run(caller.researcher(), id));
    }

    @DELETE
    @Path("runs/{id}")
    public CohortViews.Run cancel(@PathParam("id") long id) {
        return CohortViews.of(cohorts.cancel(caller.researcher(), id));
    }

    /**
     * The Spark plan the run executed (EXPLAIN FORMATTED), once the run has ended; who may read it is
     * {@link CohortService#plan}'s rule.
     */
    @GET
    @Path("runs/{id}/plan")
    @Produces(MediaType.TEXT_PLAIN)
    public Response plan(@PathParam("id") long id) {
        return cohorts.plan(caller.researcher(), id).map(p -> Response.ok(p, MediaType.TEXT_PLAIN_TYPE).build())
                .orElseGet(() -> ErrorResponse.of(Response.Status.NOT_FOUND, "PLAN_NOT_READY",
                        "the plan is stored when the run ends"));
    }

    /**
     * A definition (cohort JSON, as {@code "definition"} of a run request or alone) as an i2b2
     * {@code query_definition}, e.g. to show it before it runs; nothing is stored, so any cohort user may ask.
     */
    @POST
    @Path("definitions/i2b2")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_XML)
    public Response definitionAsI2b2(String body) {
        JsonObject request = jsonObject(body);
        JsonValue wrapped = request.get("definition");
        QueryDefinition definition = QueryJson.read(wrapped instanceof JsonObject ? wrapped.toString() : body);
        return Response.ok(I2b2QueryWriter.write(definition), CohortQueryResource.XML_UTF8).build();
    }

    /** Members of a patient set with their SMART record ids: only for roles that may see exact counts. */
    @GET
    @Path("patient-sets/{resultId}")
    public CohortViews.PatientSetPage patientSet(@PathParam("resultId") long resultId,
                                                 @QueryParam("offset") @DefaultValue("0") int offset,
                                                 @QueryParam("limit") @DefaultValue("1000") int limit) {
        // the page is checked after the owner and the role, so that another user's set answers as an absent one
        CohortService.PatientSet set = cohorts.patientSet(caller.researcher(), resultId);
        if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
            throw new CodedException(ErrorKind.INVALID_INPUT, "BAD_PAGE", "offset must be ≥ 0 and limit between 1 and "
                    + MAX_PAGE);
        }
        return new CohortViews.PatientSetPage(resultId, offset, set.members(offset, limit).stream()
                .map(m -> new CohortViews.Member(m.patientNum(), m.recordId().orElse(null))).toList());
    }

    /** Cohort mode: the set's members that have a SMART record, in set order, with their positions from 1. */
    @GET
    @Path("patient-sets/{resultId}/records")
    public CohortViews.RecordPage records(@PathParam("resultId") long resultId,
                                          @QueryParam("offset") @DefaultValue("0") int offset,
                                          @QueryParam("limit") @DefaultValue("100") int limit) {
        return CohortViews.of(cohortMode.records(caller.researcher(), resultId, offset, limit));
    }

    /** Cohort mode: where the caller stopped in the set. */
    @GET
    @Path("patient-sets/{resultId}/position")
    public CohortViews.Position position(@PathParam("resultId") long resultId) {
        return CohortViews.of(cohortMode.position(caller.researcher(), resultId));
    }

    /** Cohort mode: the caller moved to {@code position} (with {@code app_id}, the app they page with). */
    @PUT
    @Path("patient-sets/{resultId}/position")
    @Consumes(MediaType.APPLICATION_JSON)
    public CohortViews.Position moveTo(@PathParam("resultId") long resultId, String body) {
        Researcher researcher = caller.researcher();
        JsonObject request;
        try {
            request = Jsonp.JSON.createReader(new StringReader(body)).readObject();
        } catch (JsonParsingException | ClassCastException e) {
            throw new CodedException(ErrorKind.INVALID_INPUT, "POSITION_INVALID", "send {\"position\": n, \"app_id\":"
                    + " \"...\"}");
        }
        if (!(request.get("position") instanceof JsonNumber position) || !position.isIntegral()
                || position.bigIntegerValue().bitLength() > 31) {
            throw new CodedException(ErrorKind.INVALID_INPUT, "POSITION_INVALID", "position must be a whole number");
        }
        JsonValue app = request.get("app_id");
        if (app != null && app != JsonValue.NULL && !(app instanceof JsonString)) {
            throw new CodedException(ErrorKind.INVALID_INPUT, "POSITION_INVALID", "app_id must be a string or null");
        }
        Optional<String> appId = app instanceof JsonString id ? Optional.of(id.getString()) : Optional.empty();
        return CohortViews.of(cohortMode.moveTo(researcher, resultId, position.intValue(), appId));
    }

    /** The top-level concepts, or the children of {@code parent}, with their protected patient counts. */
    @GET
    @Path("concepts")
    public List<CohortViews.Concept> concepts(@QueryParam("parent") String parent) {
        return concepts.children(caller.researcher(), Optional.ofNullable(parent)).stream().map(CohortViews::of)
                .toList();
    }

    /** Concepts whose name or code contains {@code q}, ignoring case. */
    @GET
    @Path("concepts/search")
    public List<CohortViews.Concept> searchConcepts(@QueryParam("q") @DefaultValue("") String text,
                                                    @QueryParam("limit") @DefaultValue("50") int limit) {
        return concepts.search(caller.researcher(), text, limit).stream().map(CohortViews::of).toList();
    }

    private Response accepted(Researcher researcher, QueryDefinition definition, List<String> results,
                              Optional<Duration> timeout, UriInfo uri) {
        List<ResultType> types = new ArrayList<>();
        for (String name : results) {
            types.add(ResultType.named(name, "results"));
        }
        QueryRun run = cohorts.submit(researcher, definition, types, timeout);
        return Response.accepted(CohortViews.of(run))
                .location(uri.getBaseUriBuilder().path("cohort/runs/{id}").build(run.instanceId())).build();
    }

    private static QueryDefinition i2b2(String xml) {
        return I2b2QueryParser.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
