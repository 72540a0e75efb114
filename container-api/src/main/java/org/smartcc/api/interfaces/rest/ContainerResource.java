package org.smartcc.api.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.smartcc.api.infrastructure.ContainerSettings;
import org.smartcc.records.domain.ApiCall;
import org.smartcc.records.domain.ApiCallTable;
import org.smartcc.store.SmartOntology;
import org.smartcc.store.Vocab;

/**
 * What the container says about itself (smart-classic §5.2, §2.6, §10): {@code /manifest} with capabilities derived
 * from the ontology's calls, the ontology itself, and the 0.4 endpoints {@code /capabilities/} and {@code /version}.
 * None needs OAuth, as in the reference container.
 */
@Path("")
@RequestScoped
public class ContainerResource {

    static final String SMART_VERSION = "0.6.1";

    @Inject
    ContainerSettings settings;
    @Inject
    ApiCallTable table;
    @Inject
    ApiBases apiBases;
    @Context
    UriInfo uri;

    @GET
    @Path("manifest")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject manifest() {
        String apiBase = apiBases.of(uri);
        String launcher = settings.launcherUrl();
        ContainerSettings.ContainerIdentity identity = settings.identity();
        return Jsonp.JSON.createObjectBuilder()
                .add("smart_version", SMART_VERSION)
                .add("api_base", apiBase)
                .add("name", identity.name())
                .add("description", identity.description())
                .add("admin", identity.admin())
                .add("launch_urls", Jsonp.JSON.createObjectBuilder()
                        .add("app_launch", launcher + "/apps/{{app_id}}/launch")
                        .add("request_token", apiBase + "/oauth/request_token")
                        .add("authorize_token", launcher + "/oauth/authorize")
                        .add("exchange_token", apiBase + "/oauth/access_token"))
                .add("capabilities", capabilities())
                .build();
    }

    /** SMART 0.4: the manifest's capabilities alone. */
    @GET
    @Path("capabilities/")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject capabilities() {
        Map<String, Set<String>> methods = new TreeMap<>();
        for (ApiCall call : table.calls()) {
            methods.computeIfAbsent(Vocab.SP + call.targetClass(), k -> new TreeSet<>()).add(call.httpMethod());
        }
        JsonObjectBuilder capabilities = Jsonp.JSON.createObjectBuilder();
        methods.forEach((type, list) -> {
            JsonArrayBuilder array = Jsonp.JSON.createArrayBuilder();
            list.forEach(array::add);
            capabilities.add(type, Jsonp.JSON.createObjectBuilder().add("methods", array));
        });
        return capabilities.build();
    }

    /** SMART 0.4: the API version as plain text. */
    @GET
    @Path("version")
    @Produces(MediaType.TEXT_PLAIN)
    public String version() {
        return SMART_VERSION;
    }

    /** The ontology the routes come from, as shipped (the API Playground and Verifier read their calls from it). */
    @GET
    @Path("ontology")
    public Response ontology() {
        return Response.ok(SmartOntology.readOwl(SmartOntology.DEV_2014_RESOURCE), "application/rdf+xml").build();
    }
}
