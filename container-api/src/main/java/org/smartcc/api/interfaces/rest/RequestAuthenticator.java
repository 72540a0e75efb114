package org.smartcc.api.interfaces.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.smartcc.api.application.LoginAudit;
import org.smartcc.api.application.LoginThrottle;
import org.smartcc.api.application.ResearcherLogins;
import org.smartcc.api.domain.Researcher;
import org.smartcc.api.infrastructure.CohortUsers;
import org.smartcc.api.infrastructure.ContainerSettings;
import org.smartcc.oauth.application.OAuthProvider;
import org.smartcc.oauth.application.UserAccounts;
import org.smartcc.oauth.domain.OAuthPrincipal;
import org.smartcc.oauth.domain.UserAccount;
import org.smartcc.store.domain.CodedException;
import org.smartcc.store.domain.ErrorKind;

/**
 * Who a request proves to be, for the authentication filters ({@link SignedByAppFilter}, {@link CohortUserFilter}
 * and {@link CohortUserOrAppFilter}, which picks one of the two by the header): an app by its OAuth 1.0a signature, or
 * a researcher by a cohort user's login or the launcher acting for a user. Failures throw the refusal.
 */
@ApplicationScoped
public class RequestAuthenticator {

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
    Provider<LoginThrottle> throttle;
    @Inject
    ContainerSettings settings;

    /**
     * The app (and token) whose signature the request carries, or 401 {@code OAUTH_*}; verifying spends the nonce. A
     * form-encoded body of a POST or PUT is signed too (RFC 5849 §3.4.1.3): it is read here, under the body's size
     * limit, and put back for the method.
     */
    OAuthPrincipal app(ContainerRequestContext request) throws IOException {
        return provider.get().verify(OAuthRequests.of(request, formBody(request)));
    }

    /**
     * The researcher a request logs in as: a cohort user with HTTP Basic (401 {@code COHORT_CREDENTIALS_*} when that
     * fails, {@link CohortAuth}), or the launcher, logged in as {@code launcher}, acting for the launcher user named in
     * the header {@value AdminOnlyFilter#ACTING_USER}, who needs the researcher or admin role (403
     * {@code FORBIDDEN_NOT_RESEARCHER}) and brings their data roles.
     */
    Researcher researcher(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (!LauncherOnlyFilter.AUTH.isUserOf(authorization)) {
            return CohortAuth.researcher(authorization, users.get(), logins.get(), throttle.get());
        }
        LauncherOnlyFilter.AUTH.check(authorization, settings.launcherSecret(), LauncherOnlyFilter.OFF_HINT);
        String acting = request.getHeaderString(AdminOnlyFilter.ACTING_USER);
        return (acting == null ? Optional.<UserAccount>empty() : accounts.get().find(acting))
                .flatMap(ResearcherLogins::ofLauncherUser)
                .orElseThrow(() -> new CodedException(ErrorKind.FORBIDDEN, ResearcherLogins.NOT_RESEARCHER,
                        "the launcher may call the cohort API only for a user with the researcher or admin role,"
                        + " named in the header " + AdminOnlyFilter.ACTING_USER));
    }

    /** The body when it holds signed parameters, else null; GET and DELETE bodies never counted. */
    private static String formBody(ContainerRequestContext request) throws IOException {
        String method = OAuthRequests.servedMethod(request);
        MediaType type = request.getMediaType();
        if (!("POST".equals(method) || "PUT".equals(method)) || !request.hasEntity() || type == null
                || !type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
            return null;
        }
        byte[] body = BodySizeLimit.limited(request).readAllBytes();
        request.setEntityStream(new ByteArrayInputStream(body));
        return new String(body, StandardCharsets.UTF_8);
    }
}
