package org.smartcc.api.interfaces.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import org.smartcc.api.infrastructure.ContainerSettings;

/** {@link AdminOnly}: HTTP Basic as {@code admin}; 403 {@code ADMIN_DISABLED} while no admin password is set. */
@AdminOnly
@Priority(Priorities.AUTHENTICATION)
public class AdminOnlyFilter extends BasicAuthFilter {

    public AdminOnlyFilter() {
        super(new BasicAuth("admin", "ADMIN", "smartcc-admin"), ContainerSettings::adminPassword,
                "the admin API is off; set smartcc.admin.password to turn it on");
    }
}
