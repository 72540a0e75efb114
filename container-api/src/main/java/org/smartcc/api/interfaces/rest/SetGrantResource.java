package org.smartcc.api.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.smartcc.api.application.SetGrantService;
import org.smartcc.api.domain.Granter;

/**
 * A researcher grants background and helper apps their own patient sets (HTTP Basic as a cohort user, like the rest
 * of the cohort API): the app's token loop then walks only the records of its granted sets.
 */
@Path("cohort/patient-sets/{id}/grants")
@CohortUser
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SetGrantResource {

    @Inject
    SetGrantService grants;
    @Inject
    Caller caller;

    @GET
    public List<CohortViews.Grant> list(@PathParam("id") long resultId) {
        return grants.grantsOf(granter(), resultId).stream().map(CohortViews::of).toList();
    }

    @PUT
    @Path("{app_id}")
    @Consumes(MediaType.WILDCARD)
    public CohortViews.Grant grant(@PathParam("id") long resultId, @PathParam("app_id") String appId) {
        return CohortViews.of(grants.grant(granter(), resultId, appId));
    }

    @DELETE
    @Path("{app_id}")
    public Response revoke(@PathParam("id") long resultId, @PathParam("app_id") String appId) {
        grants.revoke(granter(), resultId, appId);
        return Response.noContent().build();
    }

    private Granter granter() {
        return Granter.researcher(caller.researcher());
    }
}
