package org.smartcc.api.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.smartcc.api.application.ContainerState;
import org.smartcc.api.application.StartupLoad;
import org.smartcc.api.infrastructure.CohortUsers;
import org.smartcc.oauth.application.OAuthProvider;
import org.smartcc.store.ClinicalStore;
import org.smartcc.store.domain.LoadResult;

/**
 * Administration: load or replace one record from SMART RDF/XML, write a new Parquet snapshot, manage cohort users,
 * revoke OAuth tokens ({@link AdminAppsResource} and {@link AdminUsersResource} have the apps and the launcher's
 * users). The administrator or the launcher acting for one ({@link AdminOnly}).
 */
@Path("admin")
@AdminOnly
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    /** The largest record accepted in one request; the biggest sample patient is under 2 MB. */
    static final int MAX_RECORD_BYTES = 50 * 1024 * 1024;

    @Inject
    ClinicalStore store;
    @Inject
    CohortUsers cohortUsers;
    @Inject
    OAuthProvider provider;
    @Inject
    StartupLoad startup;

    /** The outcome of a load: {@code loaded}, {@code unchanged} (same content as stored). */
    public record RecordLoad(String recordId, String outcome) {
    }

    @PUT
    @Path("records/{recordId}")
    @Consumes({"application/rdf+xml", MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    public Response putRecord(@PathParam("recordId") String recordId, byte[] body) {
        if (startup.state() != ContainerState.READY) {
            return ErrorResponse.of(Response.Status.SERVICE_UNAVAILABLE, "NOT_READY",
                    "the store is " + startup.state().name().toLowerCase(java.util.Locale.ROOT) + "; try again shortly");
        }
        if (body == null || body.length == 0) {
            return ErrorResponse.of(Response.Status.BAD_REQUEST, "EMPTY_BODY", "send the record as RDF/XML in the body");
        }
        if (body.length > MAX_RECORD_BYTES) {
            return ErrorResponse.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, "TOO_LARGE",
                    "a record may be at most " + MAX_RECORD_BYTES + " bytes");
        }
        LoadResult result = store.load(recordId, "record " + recordId, body);
        if (result.hasRejections()) {
            LoadResult.Rejection r = result.rejected().get(0);
            Response.Status status = "STORE_FAILED".equals(r.code())
                    ? Response.Status.INTERNAL_SERVER_ERROR : Response.Status.BAD_REQUEST;
            return ErrorResponse.of(status, r.code(), r.message());
        }
        return Response.ok(new RecordLoad(recordId, result.loaded().isEmpty() ? "unchanged" : "loaded")).build();
    }

    /** Writes a snapshot now and answers with the snapshot status (DONE with the snapshot, or FAILED with why). */
    @POST
    @Path("snapshots")
    public Response writeSnapshot() {
        startup.writeSnapshot();
        StartupLoad.SnapshotStatus status = startup.snapshot();
        return Response.status("DONE".equals(status.state()) ? Response.Status.CREATED : Response.Status.INTERNAL_SERVER_ERROR)
                .entity(status).build();
    }

    /** Creates a cohort user or replaces their password and roles: {@code {"password": "...", "roles": [...]}}. */
    @PUT
    @Path("cohort-users/{userId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response putCohortUser(@PathParam("userId") String userId, String body) {
        jakarta.json.JsonObject user;
        try {
            user = Jsonp.JSON.createReader(new java.io.StringReader(body)).readObject();
        } catch (jakarta.json.JsonException | ClassCastException e) {
            return ErrorResponse.of(Response.Status.BAD_REQUEST, "COHORT_USER_INVALID", "the body is not a JSON object");
        }
        String password = user.getString("password", "");
        if (password.length() < 8 || userId.isBlank() || userId.length() > 255) {
            return ErrorResponse.of(Response.Status.BAD_REQUEST, "COHORT_USER_INVALID",
                    "a cohort user needs an id and a password of at least 8 characters");
        }
        java.util.Set<String> roles = new java.util.LinkedHashSet<>();
        if (user.get("roles") instanceof jakarta.json.JsonArray array) {
            array.getValuesAs(jakarta.json.JsonString.class).forEach(r -> roles.add(r.getString()));
        }
        cohortUsers.put(userId, password, roles);
        return Response.noContent().build();
    }

    /** What a revocation took back: one token (with its binding), or every token of an app. */
    public record Revocation(int revoked, String appId, String kind, String userId, String recordId) {
    }

    /** Revokes one token of any kind; every data endpoint refuses it from the next request on. */
    @DELETE
    @Path("tokens/{token}")
    public Response revokeToken(@PathParam("token") String token) {
        return provider.revokeAndDescribe(token)
                .map(t -> Response.ok(new Revocation(1, t.appId(), t.kind().name(), t.userId().orElse(null),
                        t.recordId().orElse(null))).build())
                .orElseGet(() -> ErrorResponse.of(Response.Status.NOT_FOUND, "TOKEN_NOT_FOUND",
                        "no such token, or it is already revoked"));
    }
}
