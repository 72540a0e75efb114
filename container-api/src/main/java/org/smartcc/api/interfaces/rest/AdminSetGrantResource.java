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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.smartcc.api.application.SetGrantService;
import org.smartcc.api.domain.Granter;

/**
 * An administrator grants apps any patient set, or revokes their grants ({@link AdminOnly}); audited under the
 * launcher's acting administrator, or {@code admin} for HTTP Basic as admin.
 */
@Path("admin/patient-sets/{id}/grants")
@AdminOnly
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AdminSetGrantResource {

    @Inject
    SetGrantService grants;
    @Context
    HttpHeaders headers;

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

    /** The filter let the launcher through only for an acting user with the admin role. */
    private Granter granter() {
        if (LauncherOnlyFilter.AUTH.isUserOf(headers.getHeaderString(HttpHeaders.AUTHORIZATION))) {
            return new Granter(headers.getHeaderString(AdminOnlyFilter.ACTING_USER), true);
        }
        return Granter.ADMIN;
    }
}
