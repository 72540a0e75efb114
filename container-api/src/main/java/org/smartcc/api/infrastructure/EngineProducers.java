package org.smartcc.api.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.smartcc.api.application.CohortRunAudit;
import org.smartcc.engine.CohortEngine;
import org.smartcc.engine.privacy.PrivacySettings;
import org.smartcc.engine.run.CohortRuns;
import org.smartcc.engine.run.SavedQueries;
import org.smartcc.store.Database;

/** The cohort engine (its Spark session), the cohort runs over its latest snapshot and the saved queries. */
@ApplicationScoped
public class EngineProducers {

    @Produces
    @Singleton
    CohortEngine engine(ContainerSettings settings, OpenResources resources) {
        CohortEngine.Builder builder = CohortEngine.builder()
                .config(settings.sparkConfig())
                .snapshotDirectory(settings.snapshotDirectory());
        settings.cohortAgeAsOf().ifPresent(builder::ageAsOf);
        return resources.closeOnStop(builder.build());
    }

    /**
     * Opening them marks the runs an earlier process left unfinished as INCOMPLETE; each run's end goes to the audit
     * trail.
     */
    @Produces
    @Singleton
    CohortRuns cohortRuns(CohortEngine engine, Database database, PrivacySettings privacy, ContainerSettings settings,
                          OpenResources resources, CohortRunAudit audit) {
        return resources.closeOnStop(engine.runs(database, privacy, settings.runSettings(), Clock.systemUTC(),
                audit));
    }

    /** Each listed query shows its last run as the runs show it, with live progress. */
    @Produces
    @Singleton
    SavedQueries savedQueries(CohortEngine engine, Database database, Provider<CohortRuns> runs) {
        return engine.savedQueries(database, id -> runs.get().find(id), Clock.systemUTC());
    }

    /** Read once: the runs and the cohort service apply the same rules. */
    @Produces
    @Singleton
    PrivacySettings privacy(ContainerSettings settings) {
        return settings.privacySettings();
    }
}
