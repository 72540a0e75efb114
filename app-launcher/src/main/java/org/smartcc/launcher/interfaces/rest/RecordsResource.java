package org.smartcc.launcher.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.smartcc.launcher.infrastructure.api.ApiClient;

/** Record search and the patient banner, as the API server answers them. */
@Path("records")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RecordsResource {

    @Inject
    ApiClient api;

    /** {@code q} matches given or family name by prefix; the API server bounds {@code limit}. */
    @GET
    public JsonObject search(@QueryParam("q") String q, @QueryParam("birthday") String birthday,
                             @QueryParam("mrn") String mrn, @QueryParam("offset") String offset,
                             @QueryParam("limit") String limit) {
        List<Map.Entry<String, String>> query = new ArrayList<>();
        add(query, "q", q);
        add(query, "birthday", birthday);
        add(query, "mrn", mrn);
        add(query, "offset", offset);
        add(query, "limit", limit);
        return api.records(query);
    }

    @GET
    @Path("{record_id}")
    public JsonObject banner(@PathParam("record_id") String recordId) {
        return api.record(recordId);
    }

    private static void add(List<Map.Entry<String, String>> query, String name, String value) {
        if (value != null && !value.isBlank()) {
            query.add(Map.entry(name, value.trim()));
        }
    }
}
