package org.smartcc.api.application;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.smartcc.api.domain.Researcher;
import org.smartcc.api.infrastructure.CohortUsers;
import org.smartcc.oauth.application.UserAccounts;
import org.smartcc.oauth.domain.DataRole;
import org.smartcc.oauth.domain.OAuthException;
import org.smartcc.oauth.domain.UserAccount;
import org.smartcc.oauth.domain.UserRole;

/**
 * Who logs in with a password at the i2b2 cells: a cohort user ({@code cohort_user}, and i2b2's demo user while its
 * login is on), else a launcher user who may use the cohort calls, as the launcher's {@code /ui/cohort} needs (role
 * researcher or admin), with the data roles kept with them. A name that is a cohort user's logs in as that cohort user
 * only, the launcher user of the same name is not tried: one name never has two passwords, and runs, queries and sets,
 * which belong to a user id whichever kind of user made them, stay with the one who holds the cohort user's password.
 */
public final class ResearcherLogins {

    /** Audit outcome of a wrong user or password, as for every refused cohort login. */
    public static final String CREDENTIALS_WRONG = "COHORT_CREDENTIALS_WRONG";
    /** Audit outcome of a launcher user's right password without a role that may use the cohort calls. */
    public static final String NOT_RESEARCHER = "FORBIDDEN_NOT_RESEARCHER";

    private final CohortUsers cohortUsers;
    private final UserAccounts accounts;
    private final LoginAudit audit;
    private final LoginThrottle throttle;

    public ResearcherLogins(CohortUsers cohortUsers, UserAccounts accounts, LoginAudit audit, LoginThrottle throttle) {
        this.cohortUsers = cohortUsers;
        this.accounts = accounts;
        this.audit = audit;
        this.throttle = throttle;
    }

    /**
     * A launcher user as the researcher the cohort calls see: their id and data roles, when they have the researcher or
     * admin role; else empty.
     */
    public static Optional<Researcher> ofLauncherUser(UserAccount account) {
        if (!(account.has(UserRole.RESEARCHER) || account.has(UserRole.ADMIN))) {
            return Optional.empty();
        }
        Set<String> dataRoles = new LinkedHashSet<>();
        account.dataRoles().stream().map(DataRole::name).sorted().forEach(dataRoles::add);
        return Optional.of(new Researcher(account.id(), dataRoles));
    }

    /**
     * The researcher whose password it is. A refusal is audited (a launcher user's name is kept, as a refused
     * sign-in to the launcher keeps it) and answers empty, whatever was wrong. The password is hashed once whether
     * the name is a cohort user's, a launcher user's or nobody's (launcher users by smart-oauth's own check, which
     * takes as long for an unknown name), so that the time taken does not tell which names exist. Too many wrong
     * passwords for the name are refused by the {@link LoginThrottle} before any check (429 {@code LOGIN_THROTTLED}).
     *
     * @param where what was logged in to, for the audit trail ({@code i2b2})
     */
    public Optional<Researcher> byPassword(String user, String password, String where) {
        throttle.check(user);
        CohortUsers.Check cohortUser = cohortUsers.check(user, password);
        if (cohortUser.known()) {
            Optional<Researcher> researcher = cohortUser.roles().map(roles -> new Researcher(user, roles));
            if (researcher.isEmpty()) {
                throttle.failed(user);
                audit.refused(null, where, CREDENTIALS_WRONG);
            } else {
                throttle.succeeded(user);
            }
            return researcher;
        }
        UserAccount account;
        try {
            account = accounts.signIn(user, password);
        } catch (OAuthException refused) {
            throttle.failed(user);
            audit.refused(accounts.find(user).map(UserAccount::id).orElse(null), where, CREDENTIALS_WRONG);
            return Optional.empty();
        }
        throttle.succeeded(user);
        Optional<Researcher> researcher = ofLauncherUser(account);
        if (researcher.isEmpty()) {
            audit.refused(account.id(), where, NOT_RESEARCHER);
        }
        return researcher;
    }
}
