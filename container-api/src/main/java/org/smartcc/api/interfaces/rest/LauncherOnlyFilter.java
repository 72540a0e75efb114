package org.smartcc.api.interfaces.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import org.smartcc.api.infrastructure.ContainerSettings;

/** {@link LauncherOnly}: HTTP Basic as {@code launcher}; 403 {@code LAUNCHER_DISABLED} while no secret is set. */
@LauncherOnly
@Priority(Priorities.AUTHENTICATION)
public class LauncherOnlyFilter extends BasicAuthFilter {

    public LauncherOnlyFilter() {
        super(new BasicAuth("launcher", "LAUNCHER", "smartcc-launcher"), ContainerSettings::launcherSecret,
                "the launcher services are off; set smartcc.launcher.secret in the API server and the launcher");
    }
}
