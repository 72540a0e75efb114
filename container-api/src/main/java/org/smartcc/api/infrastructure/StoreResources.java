package org.smartcc.api.infrastructure;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.logging.Logger;
import org.smartcc.engine.CohortEngine;
import org.smartcc.oauth.OAuthModule;
import org.smartcc.store.ClinicalStore;
import org.smartcc.store.Database;

/**
 * Owns the database pool and the cohort engine for the life of the application: opened on first use (which migrates
 * the schema), closed on undeploy.
 */
@ApplicationScoped
public class StoreResources {

    private static final Logger LOG = Logger.getLogger(StoreResources.class.getName());

    @Inject
    ContainerSettings settings;

    private Database database;
    private ClinicalStore store;
    private CohortEngine engine;
    private OAuthModule oauth;
    private JdbcAppData appData;
    private org.smartcc.engine.run.CohortRuns cohortRuns;
    private CohortUsers cohortUsers;

    public synchronized Database database() {
        if (database == null) {
            String url = settings.databaseUrl();
            LOG.info(() -> "opening the clinical store (" + Database.Dialect.ofUrl(url) + ")");
            database = Database.open(url, settings.databaseUser(), settings.databasePassword());
        }
        return database;
    }

    public synchronized ClinicalStore store() {
        if (store == null) {
            store = ClinicalStore.of(database());
        }
        return store;
    }

    public synchronized CohortEngine engine() {
        if (engine == null) {
            engine = CohortEngine.builder()
                    .config(settings.sparkConfig())
                    .snapshotDirectory(settings.snapshotDirectory())
                    .build();
        }
        return engine;
    }

    /** OAuth provider, app registry and users; their tables come with the store's schema. */
    public synchronized OAuthModule oauth() {
        if (oauth == null) {
            oauth = OAuthModule.open(database(), settings.oauthSettings(), Clock.systemUTC(),
                    new JdbcRecordIds(database()));
        }
        return oauth;
    }

    /** Preferences and scratchpads. */
    public synchronized JdbcAppData appData() {
        if (appData == null) {
            appData = new JdbcAppData(database());
        }
        return appData;
    }

    /**
     * Cohort runs over the latest snapshot. The first call marks runs an earlier process left unfinished as
     * INCOMPLETE; start-up makes it once the store is open.
     */
    public synchronized org.smartcc.engine.run.CohortRuns cohortRuns() {
        if (cohortRuns == null) {
            cohortRuns = engine().runs(database(), settings.privacySettings(), settings.runSettings(),
                    Clock.systemUTC());
        }
        return cohortRuns;
    }

    public org.smartcc.engine.privacy.PrivacySettings cohortPrivacy() {
        return settings.privacySettings();
    }

    /** Researchers who may run cohort queries. */
    public synchronized CohortUsers cohortUsers() {
        if (cohortUsers == null) {
            cohortUsers = new CohortUsers(database(), settings.cohortDemoLogin());
        }
        return cohortUsers;
    }

    @PreDestroy
    synchronized void close() {
        if (cohortRuns != null) {
            cohortRuns.close();
        }
        if (engine != null) {
            engine.close();
        }
        if (database != null) {
            database.close();
        }
    }
}
