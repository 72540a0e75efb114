package org.smartcc.api.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.smartcc.store.ClinicalStore;
import org.smartcc.store.Database;

/**
 * The clinical store's database and what the container keeps in it itself: the server's data source named by
 * {@code smartcc.db.jndi}, else a pool of the store's own. Opening the database migrates its schema.
 * The producers are {@code @Singleton}, one instance for the application without a client proxy, as the libraries'
 * classes are final.
 */
@ApplicationScoped
public class StoreProducers {

    private static final Logger LOG = Logger.getLogger(StoreProducers.class.getName());

    @Produces
    @Singleton
    Database database(ContainerSettings settings, OpenResources resources) {
        Optional<String> jndiName = settings.databaseJndiName();
        if (jndiName.isPresent()) {
            LOG.info(() -> "opening the clinical store in the server's data source " + jndiName.get());
            Database database = Database.ofContainerPool(containerDataSource(jndiName.get()));
            LOG.info(() -> "the clinical store is " + database.dialect());
            return database;
        }
        String url = settings.databaseUrl();
        LOG.info(() -> "opening the clinical store (" + Database.Dialect.ofUrl(url) + ")");
        return resources.closeOnStop(Database.open(url, settings.databaseUser(), settings.databasePassword()));
    }

    private static DataSource containerDataSource(String jndiName) {
        try {
            return InitialContext.doLookup(jndiName);
        } catch (NamingException e) {
            throw new IllegalStateException("smartcc.db.jndi: the server has no data source " + jndiName
                    + " (asadmin create-jdbc-resource, see bin/payara-server-setup): " + e.getMessage(), e);
        }
    }

    /** Records loaded into the star schema, and what it holds. */
    @Produces
    @Singleton
    ClinicalStore store(Database database) {
        return ClinicalStore.of(database);
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

    /** Apps' grants on patient sets, and the record scopes they give the background token loop. */
    @Produces
    @Singleton
    JdbcSetGrants setGrants(Database database) {
        return new JdbcSetGrants(database);
    }

    /** Patient sets' records in set order and each user's position in them (cohort mode). */
    @Produces
    @Singleton
    JdbcCohortMode cohortMode(Database database) {
        return new JdbcCohortMode(database);
    }
}
