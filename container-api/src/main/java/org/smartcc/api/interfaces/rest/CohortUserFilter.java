package org.smartcc.api.interfaces.rest;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;

/**
 * {@link CohortUser}: logs the researcher in ({@link RequestAuthenticator#researcher}: a cohort user with HTTP Basic,
 * or the launcher acting for a user with the researcher or admin role), before the body is read, and hands them to
 * the method through {@link Caller}.
 */
@CohortUser
@Priority(Priorities.AUTHENTICATION)
public class CohortUserFilter implements ContainerRequestFilter {

    @Inject
    RequestAuthenticator authenticator;
    @Inject
    Caller caller;

    @Override
    public void filter(ContainerRequestContext request) {
        caller.loggedIn(authenticator.researcher(request));
    }
}
