package org.smartcc.api.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.logging.Logger;
import org.smartcc.store.application.RecordLoader;
import org.smartcc.store.infrastructure.jdbc.Database;
import org.smartcc.store.infrastructure.jdbc.JdbcClinicalStore;
import org.smartcc.store.infrastructure.rdf.SmartOntology;
import org.smartcc.store.infrastructure.rdf.SmartRecordMapper;

/**
 * The clinical store's database and what the container keeps in it itself. Opening the database migrates its schema.
 * The producers are {@code @Singleton}, one instance for the application without a client proxy, as the libraries'
 * classes are final.
 */
@ApplicationScoped
public class StoreProducers {

    private static final Logger LOG = Logger.getLogger(StoreProducers.class.getName());

    @Produces
    @Singleton
    Database database(ContainerSettings settings, OpenResources resources) {
        String url = settings.databaseUrl();
        LOG.info(() -> "opening the clinical store (" + Database.Dialect.ofUrl(url) + ")");
        return resources.closeOnStop(Database.open(url, settings.databaseUser(), settings.databasePassword()));
    }

    @Produces
    @Singleton
    JdbcClinicalStore store(Database database) {
        return new JdbcClinicalStore(database);
    }

    @Produces
    @Singleton
    RecordLoader loader(JdbcClinicalStore store) {
        return new RecordLoader(new SmartRecordMapper(SmartOntology.shared()), store);
    }

    /** Preferences and scratchpads. */
    @Produces
    @Singleton
    JdbcAppData appData(Database database) {
        return new JdbcAppData(database);
    }

    /** Researchers who may run cohort queries. */
    @Produces
    @Singleton
    CohortUsers cohortUsers(Database database, ContainerSettings settings) {
        return new CohortUsers(database, settings.cohortDemoLogin());
    }

    @Produces
    @Singleton
    JdbcRecordIds recordIds(Database database) {
        return new JdbcRecordIds(database);
    }
}
