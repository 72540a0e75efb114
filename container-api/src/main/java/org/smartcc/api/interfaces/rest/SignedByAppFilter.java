package org.smartcc.api.interfaces.rest;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.io.IOException;

/**
 * {@link SignedByApp}: verifies the OAuth 1.0a signature ({@link RequestAuthenticator#app}) and hands the app and
 * token to the method through {@link Caller}; failures answer 401 {@code OAUTH_*}.
 */
@SignedByApp
@Priority(Priorities.AUTHENTICATION)
public class SignedByAppFilter implements ContainerRequestFilter {

    @Inject
    RequestAuthenticator authenticator;
    @Inject
    Caller caller;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        caller.signedBy(authenticator.app(request));
    }
}
