package org.smartcc.api.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.smartcc.records.application.RecordSearch;
import org.smartcc.records.domain.ErrorCode;
import org.smartcc.records.domain.RecordsException;
import org.smartcc.store.domain.CodedException;
import org.smartcc.store.domain.ErrorKind;

/**
 * The launcher's record list and patient banner, read from the records' demographics through {@link RecordSearch}:
 * the launcher holds no database connection of its own. Launcher only ({@link LauncherOnly}).
 */
@Path("oauth/internal/records")
@LauncherOnly
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class LauncherRecordsResource {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    @Inject
    RecordSearch search;

    /** One page of the matching records' banners, ordered by family then given name, and how many match in all. */
    @GET
    public JsonObject records(@QueryParam("q") String q, @QueryParam("birthday") String birthday,
                              @QueryParam("mrn") String mrn, @QueryParam("offset") String offset,
                              @QueryParam("limit") String limit) {
        int from = count("offset", offset, 0, Integer.MAX_VALUE, 0);
        int size = count("limit", limit, 1, MAX_LIMIT, DEFAULT_LIMIT);
        List<RecordSearch.Banner> found = search.banners(RecordSearch.Criteria.launcher(q, birthday, mrn));
        JsonArrayBuilder page = Jsonp.JSON.createArrayBuilder();
        found.stream().skip(from).limit(size).forEach(b -> page.add(banner(b)));
        return Jsonp.JSON.createObjectBuilder().add("records", page).add("total", found.size()).build();
    }

    @GET
    @Path("{record_id}")
    public JsonObject record(@PathParam("record_id") String recordId) {
        return search.banner(recordId).map(LauncherRecordsResource::banner).orElseThrow(() -> new RecordsException(
                ErrorCode.RECORD_NOT_FOUND, "record '" + recordId + "' not found"));
    }

    static JsonObject banner(RecordSearch.Banner banner) {
        JsonObjectBuilder json = Jsonp.JSON.createObjectBuilder().add("record_id", banner.recordId())
                .add("full_name", banner.fullName());
        addOrNull(json, "given_name", banner.givenName());
        addOrNull(json, "family_name", banner.familyName());
        addOrNull(json, "gender", banner.gender());
        addOrNull(json, "birthday", banner.birthday());
        addOrNull(json, "mrn", banner.medicalRecordNumber());
        return json.build();
    }

    private static void addOrNull(JsonObjectBuilder json, String name, String value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value);
        }
    }

    private static int count(String name, String value, int min, int max, int absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below like any other value out of range
        }
        throw new CodedException(ErrorKind.INVALID_INPUT, "BAD_PAGING", "parameter '" + name + "' must be an integer"
                + " from " + min + " to " + max);
    }
}
