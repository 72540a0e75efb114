package org.smartcc.api.interfaces.rest;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import org.smartcc.api.application.LoginAudit;
import org.smartcc.api.application.LoginThrottle;
import org.smartcc.api.infrastructure.ContainerSettings;
import org.smartcc.oauth.application.UserAccounts;
import org.smartcc.oauth.domain.UserRole;
import org.smartcc.store.domain.CodedException;
import org.smartcc.store.domain.ErrorKind;

/**
 * {@link AdminOnly}: HTTP Basic as {@code admin} (403 {@code ADMIN_DISABLED} while no admin password is set), or as
 * {@code launcher} with the header {@value #ACTING_USER} naming a user who has the admin role (403
 * {@code FORBIDDEN_NOT_ADMIN} otherwise): the launcher's admin pages act for the signed-in administrator.
 */
@AdminOnly
@Priority(Priorities.AUTHENTICATION)
public class AdminOnlyFilter implements ContainerRequestFilter {

    static final String ACTING_USER = "X-SmartCC-Acting-User";
    private static final String ADMIN_USER = "admin";
    private static final BasicAuth ADMIN = new BasicAuth(ADMIN_USER, "ADMIN", "smartcc-admin");

    @Inject
    ContainerSettings settings;
    /** Through a provider: JAX-RS creates its filters as it starts, before start-up has opened the store. */
    @Inject
    Provider<UserAccounts> accounts;
    @Inject
    Provider<LoginAudit> logins;
    @Inject
    Provider<LoginThrottle> throttle;

    @Override
    public void filter(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (!LauncherOnlyFilter.AUTH.isUserOf(authorization)) {
            throttle.get().check(ADMIN_USER);
            try {
                ADMIN.check(authorization, settings.adminPassword(),
                        "the admin API is off; set smartcc.admin.password to turn it on");
            } catch (LoginRefused refused) {
                if (refused.code().endsWith("_CREDENTIALS_WRONG")) {
                    throttle.get().failed(ADMIN_USER);
                    logins.get().refused(ADMIN_USER, "admin API", refused.code());
                }
                throw refused;
            }
            throttle.get().succeeded(ADMIN_USER);
            request.setProperty(AdminChangeAudit.ADMIN, ADMIN_USER);
            return;
        }
        LauncherOnlyFilter.AUTH.check(authorization, settings.launcherSecret(), LauncherOnlyFilter.OFF_HINT);
        String acting = request.getHeaderString(ACTING_USER);
        boolean admin = acting != null && accounts.get().find(acting).map(a -> a.has(UserRole.ADMIN)).orElse(false);
        if (!admin) {
            throw new CodedException(ErrorKind.FORBIDDEN, "FORBIDDEN_NOT_ADMIN", "the launcher may call the admin API"
                    + " only for a user with the admin role, named in the header " + ACTING_USER);
        }
        request.setProperty(AdminChangeAudit.ADMIN, acting);
    }
}
