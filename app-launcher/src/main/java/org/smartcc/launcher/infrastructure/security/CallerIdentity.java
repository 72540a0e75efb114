package org.smartcc.launcher.infrastructure.security;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.smartcc.launcher.domain.Caller;
import org.smartcc.launcher.domain.Roles;

/**
 * The mapping between the API server's user ({@code {"user_id", "full_name", "roles"}} of session_create) and the
 * Jakarta Security identity: the user id is the caller, the roles the launcher knows are its groups. Kept apart from
 * the FORM mechanism so that another mechanism (OIDC) can map its own identity the same way.
 */
public final class CallerIdentity {

    private CallerIdentity() {
    }

    public static Caller fromApiUser(JsonObject user) {
        List<String> roles = user.getJsonArray("roles") == null ? List.of() : user.getJsonArray("roles").stream()
                .filter(v -> v.getValueType() == JsonValue.ValueType.STRING)
                .map(v -> ((JsonString) v).getString())
                .filter(Roles.ALL::contains)
                .distinct()
                .toList();
        String id = user.getString("user_id");
        return new Caller(id, user.getString("full_name", id), roles);
    }

    public static CredentialValidationResult validationResult(Caller caller) {
        Set<String> groups = new LinkedHashSet<>(caller.roles());
        return new CredentialValidationResult(caller.id(), groups);
    }
}
