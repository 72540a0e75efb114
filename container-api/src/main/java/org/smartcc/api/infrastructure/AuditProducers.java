package org.smartcc.api.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.smartcc.api.application.AuditTrail;
import org.smartcc.api.application.Auditor;
import org.smartcc.api.application.CohortRunAudit;
import org.smartcc.api.application.LoginAudit;
import org.smartcc.api.application.LoginThrottle;
import org.smartcc.store.Database;

/** The audit trail in the database (issue 16) and what writes to it; the login throttle beside the login events. */
@ApplicationScoped
public class AuditProducers {

    @Produces
    @Singleton
    AuditTrail trail(Database database) {
        return new JdbcAuditTrail(database);
    }

    @Produces
    @Singleton
    Auditor auditor(AuditTrail trail) {
        return new Auditor(trail, Clock.systemUTC());
    }

    @Produces
    @Singleton
    CohortRunAudit cohortRuns(Auditor auditor) {
        return new CohortRunAudit(auditor);
    }

    @Produces
    @Singleton
    LoginThrottle loginThrottle(ContainerSettings settings) {
        return settings.loginThrottle();
    }

    @Produces
    @Singleton
    LoginAudit logins(Auditor auditor) {
        return new LoginAudit(auditor);
    }
}
