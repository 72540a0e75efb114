package org.smartcc.api.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.smartcc.store.Database;

/**
 * The i2b2 warehouse the snapshots are written from, when {@code smartcc.warehouse.url} names one: an existing i2b2
 * CRC and metadata database, opened read-only on first use and never migrated. Unset, the snapshots come from the
 * container's own clinical store.
 */
@ApplicationScoped
public class I2b2Warehouse {

    private static final Logger LOG = Logger.getLogger(I2b2Warehouse.class.getName());

    @Inject
    ContainerSettings settings;
    @Inject
    OpenResources resources;

    private Database database;

    /** Whether the snapshots come from a warehouse rather than from the clinical store. */
    public boolean configured() {
        return settings.warehouse().isPresent();
    }

    /** The warehouse, opened read-only the first time; empty when none is configured. */
    public synchronized Optional<Database> database() {
        if (database == null) {
            settings.warehouse().ifPresent(w -> {
                // the dialect only: the URL may name hosts and credentials
                LOG.info(() -> "opening the i2b2 warehouse read-only (" + Database.Dialect.ofUrl(w.url()) + ")");
                database = resources.closeOnStop(Database.openReadOnly(w.url(), w.user(), w.password()));
            });
        }
        return Optional.ofNullable(database);
    }
}
