package org.smartcc.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.smartcc.engine.warehouse.I2b2DemoData;
import org.smartcc.store.Database;

/**
 * i2b2's demo data loaded by i2b2's own insert scripts ({@link I2b2DemoData}) into the schema {@value #SCHEMA} of the
 * build's PostgreSQL server ({@code -Ppostgresql}), apart from the other tests' tables; loaded once per server (the
 * build starts a fresh one), then opened read-only, as the container opens an i2b2 warehouse.
 */
public final class I2b2DemoWarehouse {

    static final String SCHEMA = "i2b2demo";

    private static Database warehouse;

    private I2b2DemoWarehouse() {
    }

    /** The warehouse, or empty when this build has no PostgreSQL server. */
    public static synchronized Optional<Database> database() {
        String url = System.getProperty("smartcc.test.pg.url", "");
        if (url.isBlank()) {
            return Optional.empty();
        }
        if (warehouse == null) {
            String schemaUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
            try (Connection c = DriverManager.getConnection(schemaUrl, "smartcc", "smartcc")) {
                if (!loaded(c)) {
                    long start = System.nanoTime();
                    try (Statement s = c.createStatement()) {
                        s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
                        s.execute("CREATE SCHEMA " + SCHEMA);
                    }
                    I2b2DemoData.load(c, SharedSpark.sharedData().resolve("cohort-data/i2b2-demodata"));
                    System.out.printf("i2b2 demo data loaded in %d s%n", (System.nanoTime() - start) / 1_000_000_000);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("i2b2 demo data could not be loaded: " + e.getMessage(), e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            warehouse = Database.openReadOnly(schemaUrl, "smartcc", "smartcc");
            Runtime.getRuntime().addShutdownHook(new Thread(warehouse::close));
        }
        return Optional.of(warehouse);
    }

    private static boolean loaded(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM"
                + " information_schema.tables WHERE table_schema = '" + SCHEMA + "' AND table_name = 'table_access'")) {
            rs.next();
            return rs.getInt(1) > 0;
        }
    }
}
