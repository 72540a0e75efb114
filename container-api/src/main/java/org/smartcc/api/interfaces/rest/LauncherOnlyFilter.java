package org.smartcc.api.interfaces.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import org.smartcc.api.infrastructure.ContainerSettings;

/** {@link LauncherOnly}: HTTP Basic as {@code launcher}; 403 {@code LAUNCHER_DISABLED} while no secret is set. */
@LauncherOnly
@Priority(Priorities.AUTHENTICATION)
public class LauncherOnlyFilter extends BasicAuthFilter {

    static final BasicAuth AUTH = new BasicAuth("launcher", "LAUNCHER", "smartcc-launcher");
    static final String OFF_HINT = "the launcher services are off; set smartcc.launcher.secret in the API server and"
            + " the launcher";

    public LauncherOnlyFilter() {
        super(AUTH, ContainerSettings::launcherSecret, OFF_HINT);
    }
}
