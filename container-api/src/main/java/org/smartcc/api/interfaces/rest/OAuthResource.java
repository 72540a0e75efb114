package org.smartcc.api.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.smartcc.oauth.application.AuthorizationFlow;
import org.smartcc.oauth.application.OAuthProvider;

/** OAuth 1.0a token endpoints of the API server (smart-classic §4.4, §2.7); the authorize page is the launcher's. */
@Path("oauth")
@RequestScoped
public class OAuthResource {

    @Inject
    AuthorizationFlow authorization;
    @Inject
    OAuthProvider provider;
    @Context
    UriInfo uri;
    @Context
    HttpHeaders headers;

    /** Step 1, signed 2-legged; {@code smart_record_id} binds the token to a record, {@code oauth_callback=oob}. */
    @POST
    @Path("request_token")
    @SignedTokenRequest
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_FORM_URLENCODED)
    public String requestToken(String body) {
        return authorization
                .issueRequestToken(OAuthRequests.of("POST", uri, headers, body)).formEncoded();
    }

    /** Step 3, signed with the approved request token and its verifier; answers {@code record_id} and {@code user_id}. */
    @POST
    @Path("access_token")
    @SignedTokenRequest
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_FORM_URLENCODED)
    public String accessToken(String body) {
        return authorization
                .exchangeAccessToken(OAuthRequests.of("POST", uri, headers, body)).formEncoded();
    }

    /** Developer aid (only with {@code smartcc.oauth.debug=true}): the signature base string the server computes. */
    @GET
    @Path("debug")
    @Produces(MediaType.TEXT_PLAIN)
    public String debugGet() {
        return provider.debugBaseString(OAuthRequests.of("GET", uri, headers));
    }

    @POST
    @Path("debug")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.TEXT_PLAIN)
    public String debugPost(String body) {
        return provider.debugBaseString(OAuthRequests.of("POST", uri, headers, body));
    }
}
