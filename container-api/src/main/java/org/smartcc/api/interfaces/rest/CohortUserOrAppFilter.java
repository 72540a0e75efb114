package org.smartcc.api.interfaces.rest;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.IOException;
import java.util.Locale;

/**
 * {@link CohortUserOrApp}: an {@code Authorization: OAuth ...} header is an app's signature, verified as
 * {@link SignedByAppFilter} does; anything else (Basic, none) is a cohort user's login, as {@link CohortUserFilter}
 * does it, with the same refusals. Signatures are only taken from the header here, so that a request without one
 * asks for a login rather than a signature.
 */
@CohortUserOrApp
@Priority(Priorities.AUTHENTICATION)
public class CohortUserOrAppFilter implements ContainerRequestFilter {

    @Inject
    RequestAuthenticator authenticator;
    @Inject
    Caller caller;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.toLowerCase(Locale.ROOT).startsWith("oauth ")) {
            caller.signedBy(authenticator.app(request));
        } else {
            caller.loggedIn(authenticator.researcher(request));
        }
    }
}
