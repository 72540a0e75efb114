package org.smartcc.api.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Optional;
import java.util.function.Function;
import org.smartcc.api.infrastructure.ContainerSettings;

/** What the filters of the container's own service users share: one {@link BasicAuth} check, which throws a refusal. */
abstract class BasicAuthFilter implements ContainerRequestFilter {

    private final BasicAuth auth;
    private final Function<ContainerSettings, Optional<String>> password;
    private final String offHint;

    @Inject
    ContainerSettings settings;

    BasicAuthFilter(BasicAuth auth, Function<ContainerSettings, Optional<String>> password, String offHint) {
        this.auth = auth;
        this.password = password;
        this.offHint = offHint;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        auth.check(request.getHeaderString(HttpHeaders.AUTHORIZATION), password.apply(settings), offHint);
    }
}
