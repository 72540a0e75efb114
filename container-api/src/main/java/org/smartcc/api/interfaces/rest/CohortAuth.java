package org.smartcc.api.interfaces.rest;

import java.util.Optional;
import org.smartcc.api.application.LoginAudit;
import org.smartcc.api.application.LoginThrottle;
import org.smartcc.api.domain.Researcher;
import org.smartcc.api.infrastructure.CohortUsers;

/**
 * HTTP Basic credentials of a cohort user (a researcher); a failed login is a {@link LoginRefused}, codes
 * {@code COHORT_CREDENTIALS_MISSING}, {@code _MALFORMED}, {@code _WRONG}; too many wrong passwords for a name are 429
 * {@code LOGIN_THROTTLED} ({@link LoginThrottle}). Launcher users reach the cohort calls through
 * the launcher, which acts for them ({@link RequestAuthenticator}), not with a password here.
 */
final class CohortAuth {

    private static final String PREFIX = "COHORT";
    private static final String REALM = "smartcc-cohort";

    private CohortAuth() {
    }

    static Researcher researcher(String authorization, CohortUsers users, LoginAudit audit, LoginThrottle throttle) {
        String decoded = BasicAuth.credentials(authorization, PREFIX, REALM, "a cohort user");
        int colon = decoded.indexOf(':');
        if (colon < 1) {
            throw refused("_CREDENTIALS_MALFORMED", "the Basic credentials are not user:password");
        }
        String user = decoded.substring(0, colon);
        throttle.check(user);
        Optional<Researcher> researcher = users.authenticate(user, decoded.substring(colon + 1))
                .map(roles -> new Researcher(user, roles));
        if (researcher.isEmpty()) {
            // whether the user exists is not told (nor kept)
            LoginRefused refused = refused("_CREDENTIALS_WRONG", "wrong user or password");
            throttle.failed(user);
            audit.refused(null, "cohort API", refused.code());
            throw refused;
        }
        throttle.succeeded(user);
        return researcher.get();
    }

    /** A failed cohort login, e.g. {@code refused("_CREDENTIALS_MISSING", ...)} for COHORT_CREDENTIALS_MISSING. */
    static LoginRefused refused(String codeSuffix, String message) {
        return new LoginRefused(REALM, PREFIX + codeSuffix, message);
    }
}
