package org.smartcc.api.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.smartcc.api.application.Auditor;
import org.smartcc.api.application.LoginAudit;
import org.smartcc.api.application.LoginThrottle;
import org.smartcc.api.application.ResearcherLogins;
import org.smartcc.api.application.TokenAudit;
import org.smartcc.oauth.OAuthModule;
import org.smartcc.oauth.application.AppInstaller;
import org.smartcc.oauth.application.AppLaunch;
import org.smartcc.oauth.application.AppRepository;
import org.smartcc.oauth.application.AuthorizationFlow;
import org.smartcc.oauth.application.BackgroundTokenLoop;
import org.smartcc.oauth.application.OAuthProvider;
import org.smartcc.oauth.application.UserAccounts;
import org.smartcc.oauth.application.UserRepository;
import org.smartcc.store.Database;

/** The OAuth provider, app registry and users, whose tables come with the store's schema, and their use cases. */
@ApplicationScoped
public class OAuthProducers {

    @Produces
    @Singleton
    OAuthModule oauth(Database database, JdbcRecordIds recordIds, JdbcSetGrants grants, ContainerSettings settings,
                      Auditor auditor, OperationMetrics metrics) {
        return OAuthModule.open(database, settings.oauthSettings(), Clock.systemUTC(), recordIds, grants,
                new TokenAudit(auditor).andThen(new TokenMetrics(metrics)));
    }

    @Produces
    @Singleton
    OAuthProvider provider(OAuthModule oauth) {
        return oauth.provider();
    }

    @Produces
    @Singleton
    AppRepository apps(OAuthModule oauth) {
        return oauth.apps();
    }

    @Produces
    @Singleton
    UserRepository users(OAuthModule oauth) {
        return oauth.users();
    }

    @Produces
    @Singleton
    AppInstaller installer(OAuthModule oauth) {
        return oauth.installer();
    }

    @Produces
    @Singleton
    UserAccounts accounts(OAuthModule oauth) {
        return oauth.accounts();
    }

    /** The password logins of the i2b2 cells: cohort users, then launcher users. */
    @Produces
    @Singleton
    ResearcherLogins researcherLogins(CohortUsers cohortUsers, UserAccounts accounts, LoginAudit logins,
                                      LoginThrottle throttle) {
        return new ResearcherLogins(cohortUsers, accounts, logins, throttle);
    }

    @Produces
    @Singleton
    AuthorizationFlow authorization(OAuthModule oauth) {
        return oauth.authorization();
    }

    @Produces
    @Singleton
    AppLaunch launch(OAuthModule oauth) {
        return oauth.launch();
    }

    @Produces
    @Singleton
    BackgroundTokenLoop backgroundTokens(OAuthModule oauth) {
        return oauth.backgroundTokens();
    }
}
