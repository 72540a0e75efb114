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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.smartcc.api.infrastructure.JdbcRecordIds;
import org.smartcc.api.infrastructure.StoreResources;
import org.smartcc.engine.query.QueryDefinition;
import org.smartcc.engine.query.QueryDefinitionException;
import org.smartcc.engine.query.i2b2.I2b2QueryParser;
import org.smartcc.engine.query.json.QueryJson;
import org.smartcc.engine.run.CohortRuns;
import org.smartcc.engine.run.QueryRun;
import org.smartcc.engine.run.ResultType;
import org.smartcc.engine.run.RunException;
import org.smartcc.engine.run.RunRequest;

/**
 * The cohort API for researchers (HTTP Basic as a cohort user): submit a query definition (JSON, or i2b2 XML) and get
 * 202 with the run's location; follow its status and progress, cancel it, read its generated plan, list the runs of a
 * query, and page through a patient set. Users see only their own runs and sets; {@link CohortUser} logs them in.
 */
@Path("cohort")
@CohortUser
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CohortResource {

    /** The most patients one page of a patient set returns. */
    static final int MAX_PAGE = 10_000;

    @Inject
    StoreResources resources;
    @Inject
    Caller caller;

    @POST
    @Path("runs")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submitJson(String body, @jakarta.ws.rs.core.Context UriInfo uri) {
        CohortAuth.Researcher researcher = caller.researcher();
        JsonObject request;
        try {
            request = Jsonp.JSON.createReader(new StringReader(body)).readObject();
        } catch (JsonParsingException | ClassCastException e) {
            throw new QueryDefinitionException("/", "the body is not a JSON object: " + e.getMessage());
        }
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
        CohortAuth.Researcher researcher = caller.researcher();
        return accepted(researcher, i2b2(body), results, Optional.empty(), uri);
    }

    @GET
    @Path("runs/{id}")
    public CohortViews.Run run(@PathParam("id") long id) {
        CohortAuth.Researcher researcher = caller.researcher();
        return CohortViews.of(own(researcher, id));
    }

    @DELETE
    @Path("runs/{id}")
    public CohortViews.Run cancel(@PathParam("id") long id) {
        CohortAuth.Researcher researcher = caller.researcher();
        own(researcher, id);
        return CohortViews.of(resources.cohortRuns().cancel(id));
    }

    /**
     * The Spark plan the run executed (EXPLAIN FORMATTED), once the run has ended: only for roles that see exact
     * counts, since the plan's statistics carry the exact row counts and its filters the literal values of the query.
     */
    @GET
    @Path("runs/{id}/plan")
    @Produces(MediaType.TEXT_PLAIN)
    public Response plan(@PathParam("id") long id) {
        CohortAuth.Researcher researcher = caller.researcher();
        own(researcher, id);
        if (!resources.cohortPrivacy().seesExactCounts(researcher.roles())) {
            return ErrorResponse.of(Response.Status.FORBIDDEN, "PLAN_NEEDS_EXACT_COUNTS", "a plan reveals exact"
                    + " counts: your roles " + researcher.roles() + " do not allow them");
        }
        return resources.cohortRuns().store().plan(id).map(p -> Response.ok(p, MediaType.TEXT_PLAIN_TYPE).build())
                .orElseGet(() -> ErrorResponse.of(Response.Status.NOT_FOUND, "PLAN_NOT_READY",
                        "the plan is stored when the run ends"));
    }

    @GET
    @Path("queries/{masterId}/runs")
    public List<CohortViews.Run> runsOfQuery(@PathParam("masterId") long masterId) {
        CohortAuth.Researcher researcher = caller.researcher();
        CohortRuns runs = resources.cohortRuns();
        if (!runs.store().ownerOfMaster(masterId).map(researcher.user()::equals).orElse(false)) {
            throw new RunException(RunException.Code.RUN_NOT_FOUND, "no query " + masterId + " of yours");
        }
        return runs.store().runsOfMaster(masterId).stream().map(CohortViews::of).toList();
    }

    /** Members of a patient set with their SMART record ids: only for roles that may see exact counts. */
    @GET
    @Path("patient-sets/{resultId}")
    public CohortViews.PatientSetPage patientSet(@PathParam("resultId") long resultId,
                                                 @QueryParam("offset") @DefaultValue("0") int offset,
                                                 @QueryParam("limit") @DefaultValue("1000") int limit) {
        CohortAuth.Researcher researcher = caller.researcher();
        CohortRuns runs = resources.cohortRuns();
        if (!runs.store().ownerOfResult(resultId).map(researcher.user()::equals).orElse(false)) {
            throw new RunException(RunException.Code.SET_NOT_FOUND, "no patient set " + resultId + " of yours");
        }
        if (!resources.cohortPrivacy().seesExactCounts(researcher.roles())) {
            throw new RunException(RunException.Code.NOT_YOURS, "patient lists reveal exact counts: your roles "
                    + researcher.roles() + " do not allow them");
        }
        if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
            throw new jakarta.ws.rs.BadRequestException(ErrorResponse.of(Response.Status.BAD_REQUEST, "BAD_PAGE",
                    "offset must be ≥ 0 and limit between 1 and " + MAX_PAGE));
        }
        List<Integer> members = runs.store().patientSet(resultId, offset, limit);
        Map<Integer, String> recordIds = new JdbcRecordIds(resources.database()).recordIdsOf(members);
        return new CohortViews.PatientSetPage(resultId, offset, members.stream()
                .map(n -> new CohortViews.Member(n, recordIds.get(n))).toList());
    }

    private Response accepted(CohortAuth.Researcher researcher, QueryDefinition definition, List<String> results,
                              Optional<Duration> timeout, UriInfo uri) {
        List<ResultType> types = new ArrayList<>();
        for (String name : results) {
            try {
                types.add(ResultType.valueOf(name.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new QueryDefinitionException("results", "'" + name + "' is not one of "
                        + java.util.Arrays.toString(ResultType.values()));
            }
        }
        QueryRun run = resources.cohortRuns().submit(new RunRequest(definition, QueryJson.write(definition),
                researcher.user(), researcher.roles(), types, timeout));
        return Response.accepted(CohortViews.of(run))
                .location(uri.getBaseUriBuilder().path("cohort/runs/{id}").build(run.instanceId())).build();
    }

    private QueryRun own(CohortAuth.Researcher researcher, long id) {
        return resources.cohortRuns().find(id).filter(r -> r.user().equals(researcher.user()))
                .orElseThrow(() -> new RunException(RunException.Code.RUN_NOT_FOUND, "no run " + id + " of yours"));
    }

    private static QueryDefinition i2b2(String xml) {
        return I2b2QueryParser.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
