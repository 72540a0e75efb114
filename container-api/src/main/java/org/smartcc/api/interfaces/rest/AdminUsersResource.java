package org.smartcc.api.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.smartcc.oauth.application.UserAccounts;
import org.smartcc.oauth.domain.OAuthError;
import org.smartcc.oauth.domain.OAuthException;
import org.smartcc.oauth.domain.UserAccount;

/** The launcher's users: list, create, and set names, roles and password ({@link AdminOnly}). */
@Path("admin/users")
@AdminOnly
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AdminUsersResource {

    @Inject
    UserAccounts accounts;

    @GET
    public JsonArray list() {
        JsonArrayBuilder list = Jsonp.JSON.createArrayBuilder();
        for (UserAccount account : accounts.all()) {
            JsonArrayBuilder roles = Jsonp.JSON.createArrayBuilder();
            account.roles().stream().sorted().forEach(r -> roles.add(r.roleName()));
            JsonArrayBuilder dataRoles = Jsonp.JSON.createArrayBuilder();
            account.dataRoles().stream().sorted().forEach(r -> dataRoles.add(r.name()));
            list.add(Jsonp.JSON.createObjectBuilder().add("user_id", account.id())
                    .add("full_name", account.fullName())
                    .add("given_name", nullable(account.user().givenName()))
                    .add("family_name", nullable(account.user().familyName()))
                    .add("roles", roles)
                    .add("data_roles", dataRoles));
        }
        return list.build();
    }

    /**
     * {@code {"given_name", "family_name", "password", "roles", "data_roles"}}; the password and the data roles may be
     * left out for a known user (they stay).
     */
    @PUT
    @Path("{user_id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response put(@PathParam("user_id") String userId, String body) {
        JsonObject user = object(body);
        List<String> roles = names(user, "roles");
        accounts.put(userId, text(user, "given_name"), text(user, "family_name"), text(user, "password"),
                roles == null ? List.of() : roles, names(user, "data_roles"));
        return Response.noContent().build();
    }

    /** A list of names, or null when the field is absent or null. */
    private static List<String> names(JsonObject user, String field) {
        JsonValue list = user.get(field);
        if (list == null || list == JsonValue.NULL) {
            return null;
        }
        if (!(list instanceof JsonArray array)) {
            throw invalid(field + " must be a list of role names");
        }
        List<String> names = new ArrayList<>();
        for (JsonValue role : array) {
            if (!(role instanceof JsonString name)) {
                throw invalid(field + " must be a list of role names");
            }
            names.add(name.getString());
        }
        return names;
    }

    private static JsonValue nullable(String value) {
        return value == null ? JsonValue.NULL : Jsonp.JSON.createValue(value);
    }

    private static JsonObject object(String body) {
        try {
            return Jsonp.JSON.createReader(new StringReader(body == null ? "" : body)).readObject();
        } catch (JsonException | IllegalStateException e) {
            throw invalid("the body is not a JSON object");
        }
    }

    private static String text(JsonObject user, String field) {
        JsonValue value = user.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonString string)) {
            throw invalid(field + " must be a string");
        }
        return string.getString();
    }

    private static OAuthException invalid(String message) {
        return new OAuthException(OAuthError.USER_INVALID, message);
    }
}
