package org.smartcc.api.interfaces.rest;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.LinkedHashSet;
import java.util.Set;
import org.smartcc.api.application.LoginAudit;
import org.smartcc.api.domain.Researcher;
import org.smartcc.api.infrastructure.CohortUsers;
import org.smartcc.api.infrastructure.ContainerSettings;
import org.smartcc.oauth.application.UserAccounts;
import org.smartcc.oauth.domain.DataRole;
import org.smartcc.oauth.domain.UserAccount;
import org.smartcc.oauth.domain.UserRole;
import org.smartcc.store.domain.CodedException;
import org.smartcc.store.domain.ErrorKind;

/**
 * {@link CohortUser}: logs the researcher in, before the body is read, and hands them to the method through
 * {@link Caller}. A cohort user logs in with HTTP Basic (401 {@code COHORT_CREDENTIALS_*} when that fails,
 * {@link CohortAuth}); the launcher, logged in as {@code launcher}, acts for the launcher user named in the header
 * {@value AdminOnlyFilter#ACTING_USER}, who needs the researcher or admin role (403 {@code FORBIDDEN_NOT_RESEARCHER})
 * and brings their data roles.
 */
@CohortUser
@Priority(Priorities.AUTHENTICATION)
public class CohortUserFilter implements ContainerRequestFilter {

    /** Through providers: JAX-RS creates its filters as it starts, before start-up has opened the store. */
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
    public void filter(ContainerRequestContext request) {
        caller.loggedIn(researcher(request, users.get(), accounts.get(), settings, logins.get()));
    }

    /** The researcher a request logs in as, or the refusal; shared with {@link CohortUserOrAppFilter}. */
    static Researcher researcher(ContainerRequestContext request, CohortUsers users, UserAccounts accounts,
                                 ContainerSettings settings, LoginAudit logins) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (!LauncherOnlyFilter.AUTH.isUserOf(authorization)) {
            return CohortAuth.researcher(authorization, users, logins);
        }
        LauncherOnlyFilter.AUTH.check(authorization, settings.launcherSecret(), LauncherOnlyFilter.OFF_HINT);
        String acting = request.getHeaderString(AdminOnlyFilter.ACTING_USER);
        UserAccount account = (acting == null ? null : accounts.find(acting).orElse(null));
        if (account == null || !(account.has(UserRole.RESEARCHER) || account.has(UserRole.ADMIN))) {
            throw new CodedException(ErrorKind.FORBIDDEN, "FORBIDDEN_NOT_RESEARCHER", "the launcher may call the"
                    + " cohort API only for a user with the researcher or admin role, named in the header "
                    + AdminOnlyFilter.ACTING_USER);
        }
        Set<String> dataRoles = new LinkedHashSet<>();
        account.dataRoles().stream().map(DataRole::name).sorted().forEach(dataRoles::add);
        return new Researcher(account.id(), dataRoles);
    }
}
