package org.smartcc.api.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.logging.Logger;
import org.smartcc.engine.warehouse.I2b2DemoData;
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

    /**
     * Loads i2b2's demo data ({@code smartcc.warehouse.i2b2-demo-dir}) into the warehouse when it has no
     * {@code table_access} yet, the one case the container writes there: a warehouse it was asked to create.
     *
     * @return whether it loaded the demo data now
     */
    public synchronized boolean loadDemoDataIfEmpty() throws SQLException, IOException {
        Optional<ContainerSettings.WarehouseLogin> login = settings.warehouse();
        Optional<Path> demo = settings.i2b2DemoDirectory();
        if (login.isEmpty() || demo.isEmpty()) {
            return false;
        }
        try (Connection c = DriverManager.getConnection(login.get().url(), login.get().user(),
                login.get().password())) {
            if (hasTableAccess(c.getMetaData())) {
                return false;
            }
            LOG.info(() -> "loading i2b2's demo data into the empty i2b2 warehouse from " + demo.get());
            long start = System.nanoTime();
            I2b2DemoData.load(c, demo.get());
            LOG.info(() -> "i2b2's demo data loaded in " + (System.nanoTime() - start) / 1_000_000_000 + " s");
            return true;
        }
    }

    private static boolean hasTableAccess(DatabaseMetaData meta) throws SQLException {
        for (String name : new String[] {"table_access", "TABLE_ACCESS"}) {
            try (ResultSet rs = meta.getTables(null, null, name, new String[] {"TABLE"})) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
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
