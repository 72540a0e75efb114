package org.smartcc.api.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.smartcc.oauth.application.BackgroundTokenLoop;

/** Background and helper apps walk every record with per-record tokens, 2-legged (smart-classic §4.6); 404 ends it. */
@Path("apps/{app_id}/tokens/records")
@RequestScoped
@SignedTokenRequest
public class BackgroundTokenResource {

    @Inject
    BackgroundTokenLoop backgroundTokens;
    @Context
    UriInfo uri;
    @Context
    HttpHeaders headers;

    @POST
    @Path("first")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_FORM_URLENCODED)
    public String first(@PathParam("app_id") String appId, String body) {
        return backgroundTokens
                .first(OAuthRequests.of("POST", uri, headers, body), appId).formEncoded();
    }

    @POST
    @Path("{record_id}/next")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_FORM_URLENCODED)
    public String next(@PathParam("app_id") String appId, @PathParam("record_id") String recordId, String body) {
        return backgroundTokens
                .next(OAuthRequests.of("POST", uri, headers, body), appId, recordId).formEncoded();
    }

    @GET
    @Path("{record_id}")
    @Produces(MediaType.APPLICATION_FORM_URLENCODED)
    public String forRecord(@PathParam("app_id") String appId, @PathParam("record_id") String recordId) {
        return backgroundTokens
                .forRecord(OAuthRequests.of("GET", uri, headers), appId, recordId).formEncoded();
    }
}
