package org.smartcc.api.interfaces.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.UriInfo;
import org.smartcc.api.infrastructure.ContainerSettings;

/** The {@code api_base} of a request: the configured one, else the base URI the client used (no trailing slash). */
@ApplicationScoped
public class ApiBases {

    @Inject
    ContainerSettings settings;

    public String of(UriInfo uri) {
        return settings.apiBase().orElseGet(() -> {
            String base = uri.getBaseUri().toString();
            return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        });
    }
}
