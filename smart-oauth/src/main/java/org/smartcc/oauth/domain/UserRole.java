package org.smartcc.oauth.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a signed-in user of the launcher may do; the names are those of the launcher's groups. */
public enum UserRole {
    RESEARCHER, CLINICIAN, ADMIN;

    /** The name in the API and the database: {@code researcher}, {@code clinician}, {@code admin}. */
    public String roleName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws OAuthException USER_INVALID naming the valid roles */
    public static UserRole ofName(String name) {
        return Arrays.stream(values()).filter(r -> r.roleName().equals(name)).findFirst()
                .orElseThrow(() -> new OAuthException(OAuthError.USER_INVALID, "'" + name + "' is not a role; the roles"
                        + " are " + Arrays.stream(values()).map(UserRole::roleName).collect(Collectors.joining(", "))));
    }
}
