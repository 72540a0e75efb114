package org.smartcc.api.interfaces.rest;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import org.smartcc.api.infrastructure.CohortUsers;

/**
 * {@link CohortUser}: logs the researcher in with HTTP Basic, before the body is read, and hands them to the method
 * through {@link Caller}; a failed login answers 401 {@code COHORT_CREDENTIALS_*} ({@link CohortAuth}).
 */
@CohortUser
@Priority(Priorities.AUTHENTICATION)
public class CohortUserFilter implements ContainerRequestFilter {

    /** Through a provider: JAX-RS creates its filters as it starts, before start-up has opened the store. */
    @Inject
    Provider<CohortUsers> users;
    @Inject
    Caller caller;

    @Override
    public void filter(ContainerRequestContext request) {
        caller.loggedIn(CohortAuth.researcher(request.getHeaderString(HttpHeaders.AUTHORIZATION), users.get()));
    }
}
