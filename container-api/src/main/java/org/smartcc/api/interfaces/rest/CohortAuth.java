package org.smartcc.api.interfaces.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.smartcc.api.domain.Researcher;
import org.smartcc.api.infrastructure.CohortUsers;

/** HTTP Basic credentials of a cohort user (a researcher); codes {@code COHORT_CREDENTIALS_MISSING}, {@code _WRONG}. */
final class CohortAuth {

    private CohortAuth() {
    }

    static Researcher researcher(String authorization, CohortUsers users) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw unauthorized("COHORT_CREDENTIALS_MISSING", "send HTTP Basic credentials of a cohort user");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw unauthorized("COHORT_CREDENTIALS_MALFORMED", "the Basic credentials are not valid base64");
        }
        int colon = decoded.indexOf(':');
        if (colon < 1) {
            throw unauthorized("COHORT_CREDENTIALS_MALFORMED", "the Basic credentials are not user:password");
        }
        return login(decoded.substring(0, colon), decoded.substring(colon + 1), users);
    }

    static Researcher login(String user, String password, CohortUsers users) {
        return users.authenticate(user, password).map(roles -> new Researcher(user, roles))
                .orElseThrow(() -> unauthorized("COHORT_CREDENTIALS_WRONG", "wrong user or password"));
    }

    private static WebApplicationException unauthorized(String code, String message) {
        return new WebApplicationException(Response.status(Response.Status.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"smartcc-cohort\"")
                .type(MediaType.APPLICATION_JSON_TYPE).entity(new ErrorResponse(code, message)).build());
    }
}
