package org.smartcc.api.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.util.List;
import org.smartcc.api.application.CohortService;
import org.smartcc.engine.query.i2b2.I2b2QueryWriter;
import org.smartcc.engine.run.RunException;
import org.smartcc.engine.run.SavedQueries;

/**
 * A researcher's saved queries (i2b2's query master list; HTTP Basic as a cohort user, like the rest of the cohort
 * API): list them with their last runs, read one as cohort JSON or i2b2 XML, rename or delete one, list its runs.
 * {@link SavedQueries} keeps the ownership rule: another user's query answers as an absent one.
 */
@Path("cohort/queries")
@CohortUser
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CohortQueryResource {

    static final String XML_UTF8 = MediaType.APPLICATION_XML + ";charset=UTF-8";

    @Inject
    SavedQueries saved;
    @Inject
    CohortService cohorts;
    @Inject
    Caller caller;

    @GET
    public CohortViews.SavedQueryPage list(@QueryParam("offset") @DefaultValue("0") int offset,
                                           @QueryParam("limit") @DefaultValue("50") int limit) {
        return CohortViews.of(saved.list(caller.researcher().user(), offset, limit));
    }

    @GET
    @Path("{id}")
    public CohortViews.SavedQueryDetail get(@PathParam("id") long id) {
        return CohortViews.of(saved.get(caller.researcher().user(), id));
    }

    /** The query as an i2b2 {@code query_definition}, to be copied into an i2b2 client. */
    @GET
    @Path("{id}/i2b2")
    @Produces(MediaType.APPLICATION_XML)
    public Response i2b2(@PathParam("id") long id) {
        String xml = I2b2QueryWriter.write(saved.get(caller.researcher().user(), id).definition());
        return Response.ok(xml, XML_UTF8).build();
    }

    /** Renames the query: the body is {@code {"name": "..."}}. */
    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public CohortViews.SavedQueryDetail rename(@PathParam("id") long id, String body) {
        return CohortViews.of(saved.rename(caller.researcher().user(), id, name(body)));
    }

    /** Takes the query off the list; its runs and patient sets stay readable by their ids. */
    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id) {
        saved.delete(caller.researcher().user(), id);
        return Response.noContent().build();
    }

    /** The runs of the query, oldest first; a deleted query's runs too, as they stay readable. */
    @GET
    @Path("{masterId}/runs")
    public List<CohortViews.Run> runsOfQuery(@PathParam("masterId") long masterId) {
        return cohorts.runsOfQuery(caller.researcher(), masterId).stream().map(CohortViews::of).toList();
    }

    /** The name of a rename request; anything else than a JSON object with a string name is no valid name. */
    private static String name(String body) {
        try {
            JsonObject request = Jsonp.JSON.createReader(new StringReader(body)).readObject();
            if (request.get("name") instanceof JsonString name) {
                return name.getString();
            }
        } catch (JsonException | ClassCastException e) {
            // answered below, as a body without a name
        }
        throw new RunException(RunException.Code.QUERY_NAME_INVALID, "send the new name as {\"name\": \"...\"}");
    }
}
