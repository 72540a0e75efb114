package org.smartcc.api.interfaces.rest;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.smartcc.api.infrastructure.ContainerSettings;

/** {@link AdminOnly}: HTTP Basic as {@code admin}; 403 {@code ADMIN_DISABLED} while no admin password is set. */
@AdminOnly
@Priority(Priorities.AUTHENTICATION)
public class AdminOnlyFilter implements ContainerRequestFilter {

    private static final BasicAuth ADMIN = new BasicAuth("admin", "ADMIN", "smartcc-admin");

    @Inject
    ContainerSettings settings;

    @Override
    public void filter(ContainerRequestContext request) {
        Response denied = ADMIN.check(request.getHeaderString(HttpHeaders.AUTHORIZATION), settings.adminPassword(),
                "the admin API is off; set smartcc.admin.password to turn it on");
        if (denied != null) {
            request.abortWith(denied);
        }
    }
}
