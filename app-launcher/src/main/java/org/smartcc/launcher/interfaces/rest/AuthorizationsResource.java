package org.smartcc.launcher.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.smartcc.launcher.infrastructure.api.ApiClient;
import org.smartcc.launcher.infrastructure.security.CurrentCaller;

/** {@code GET /ui/authorizations/{request_token}}: what the approval page shows about a request token. */
@Path("authorizations/{request_token}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuthorizationsResource {

    @Inject
    ApiClient api;
    @Inject
    CurrentCaller caller;

    @GET
    public JsonObject info(@PathParam("request_token") String requestToken) {
        JsonObject info = api.requestTokenInfo(requestToken, caller.get().id());
        JsonObjectBuilder answer = Json.createObjectBuilder()
                .add("app_id", info.getString("app_id"))
                .add("app_name", info.getString("app_name", info.getString("app_id")))
                .add("app_description", info.getString("app_description", ""))
                .add("approved", info.getBoolean("approved", false));
        String recordId = info.getString("record_id", null);
        if (recordId != null) {
            answer.add("record_id", recordId).add("record", api.record(recordId));
        }
        return answer.build();
    }
}
