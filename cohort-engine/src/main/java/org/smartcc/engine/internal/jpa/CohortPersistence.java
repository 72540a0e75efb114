package org.smartcc.engine.internal.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;
import org.eclipse.persistence.jpa.PersistenceProvider;

/**
 * The cohort engine's RESOURCE_LOCAL persistence unit over the clinical store's DataSource, bootstrapped from
 * {@code META-INF/smartcc-cohort-persistence.xml} (see that file for why it is not a persistence.xml).
 */
final class CohortPersistence implements AutoCloseable {

    private static final String UNIT = "smartcc-cohort";

    private final EntityManagerFactory factory;

    CohortPersistence(DataSource dataSource) {
        Map<String, Object> properties = Map.of(
                "eclipselink.persistencexml", "META-INF/smartcc-cohort-persistence.xml",
                "jakarta.persistence.nonJtaDataSource", dataSource,
                // one session per factory: EclipseLink would otherwise share it between databases in one JVM
                "eclipselink.session-name", UNIT + "-" + UUID.randomUUID(),
                "eclipselink.classloader", CohortPersistence.class.getClassLoader());
        this.factory = new PersistenceProvider().createEntityManagerFactory(UNIT, properties);
        if (factory == null) {
            throw new IllegalStateException("EclipseLink found no unit " + UNIT);
        }
    }

    /** Runs the work in its own transaction, committed on return, rolled back on exception. */
    <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager em = factory.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            T result = work.apply(em);
            tx.commit();
            return result;
        } finally {
            if (tx.isActive()) {
                tx.rollback();
            }
            em.close();
        }
    }

    @Override
    public void close() {
        factory.close();
    }
}
