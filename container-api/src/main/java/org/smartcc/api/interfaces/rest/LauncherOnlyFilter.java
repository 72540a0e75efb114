package org.smartcc.api.interfaces.rest;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.smartcc.api.infrastructure.ContainerSettings;

/** {@link LauncherOnly}: HTTP Basic as {@code launcher}; 403 {@code LAUNCHER_DISABLED} while no secret is set. */
@LauncherOnly
@Priority(Priorities.AUTHENTICATION)
public class LauncherOnlyFilter implements ContainerRequestFilter {

    private static final BasicAuth LAUNCHER = new BasicAuth("launcher", "LAUNCHER", "smartcc-launcher");

    @Inject
    ContainerSettings settings;

    @Override
    public void filter(ContainerRequestContext request) {
        Response denied = LAUNCHER.check(request.getHeaderString(HttpHeaders.AUTHORIZATION),
                settings.launcherSecret(), "the launcher services are off; set smartcc.launcher.secret in the API "
                        + "server and the launcher");
        if (denied != null) {
            request.abortWith(denied);
        }
    }
}
