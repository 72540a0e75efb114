package org.smartcc.api.interfaces.rest;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.IOException;
import java.util.Locale;
import org.smartcc.api.application.LoginAudit;
import org.smartcc.api.infrastructure.CohortUsers;
import org.smartcc.api.infrastructure.ContainerSettings;
import org.smartcc.oauth.application.OAuthProvider;
import org.smartcc.oauth.application.UserAccounts;

/**
 * {@link CohortUserOrApp}: an {@code Authorization: OAuth ...} header is an app's signature, verified as
 * {@link SignedByAppFilter} does; anything else (Basic, none) is a cohort user's login, as {@link CohortUserFilter}
 * does it, with the same refusals. Signatures are only taken from the header here, so that a request without one
 * asks for a login rather than a signature.
 */
@CohortUserOrApp
@Priority(Priorities.AUTHENTICATION)
public class CohortUserOrAppFilter implements ContainerRequestFilter {

    /** Through providers: JAX-RS creates its filters as it starts, before start-up has opened the store. */
    @Inject
    Provider<OAuthProvider> provider;
    @Inject
    Provider<CohortUsers> users;
    @Inject
    Provider<UserAccounts> accounts;
    @Inject
    Provider<LoginAudit> logins;
    @Inject
    ContainerSettings settings;
    @Inject
    Caller caller;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.toLowerCase(Locale.ROOT).startsWith("oauth ")) {
            caller.signedBy(SignedByAppFilter.verified(request, provider.get()));
        } else {
            caller.loggedIn(CohortUserFilter.researcher(request, users.get(), accounts.get(), settings,
                    logins.get()));
        }
    }
}
