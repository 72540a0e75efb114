package org.smartcc.oauth.internal.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.eclipse.persistence.jpa.PersistenceProvider;

/**
 * The container's own RESOURCE_LOCAL persistence unit over the clinical store's DataSource. It is bootstrapped
 * programmatically from {@code META-INF/smartcc-container-persistence.xml}: a {@code META-INF/persistence.xml} in a
 * WEB-INF/lib jar would be deployed by Payara as a container-managed unit. The schema comes from Flyway (V2).
 */
public final class ContainerPersistence implements AutoCloseable {

    static final String UNIT = "smartcc-container";
    static final String PERSISTENCE_XML = "META-INF/smartcc-container-persistence.xml";

    private final EntityManagerFactory factory;

    private ContainerPersistence(EntityManagerFactory factory) {
        this.factory = factory;
    }

    public static ContainerPersistence open(DataSource dataSource) {
        Map<String, Object> properties = Map.of(
                "eclipselink.persistencexml", PERSISTENCE_XML,
                "jakarta.persistence.nonJtaDataSource", dataSource,
                // an own session per factory: EclipseLink would otherwise share one session between factories of
                // the same unit name, i.e. between databases in one JVM
                "eclipselink.session-name", UNIT + "-" + UUID.randomUUID(),
                "eclipselink.classloader", ContainerPersistence.class.getClassLoader());
        EntityManagerFactory factory = new PersistenceProvider().createEntityManagerFactory(UNIT, properties);
        if (factory == null) {
            throw new IllegalStateException("EclipseLink found no unit " + UNIT + " in " + PERSISTENCE_XML);
        }
        return new ContainerPersistence(factory);
    }

    /** Runs the work in its own entity manager and transaction, committed on return, rolled back on exception. */
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

    void runInTransaction(Consumer<EntityManager> work) {
        inTransaction(em -> {
            work.accept(em);
            return null;
        });
    }

    /** Reads without a transaction. */
    <T> T read(Function<EntityManager, T> work) {
        EntityManager em = factory.createEntityManager();
        try {
            return work.apply(em);
        } finally {
            em.close();
        }
    }

    @Override
    public void close() {
        factory.close();
    }
}
