package org.smartcc.engine.synthetic;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.smartcc.store.infrastructure.jdbc.Database;

/**
 * {@link SyntheticStoreTest} on PostgreSQL, where the load takes the other path: binary COPY, primary keys dropped too,
 * indexes rebuilt two at a time. Each database is a schema of its own in the build's server ({@code -Ppostgresql}, as
 * {@code .ci/run} does, sets {@code smartcc.test.pg.url}), so the other tests' store stays as it is.
 */
class PostgresSyntheticStoreTest extends SyntheticStoreTest {

    @BeforeAll
    static void loadTwoRanges() throws Exception {
        String url = System.getProperty("smartcc.test.pg.url", "");
        assumeTrue(!url.isBlank(), "no PostgreSQL server for this build (-Ppostgresql starts one)");
        loadTwoRanges(schema(url, "synthetic_store"), schema(url, "synthetic_fresh"));
    }

    private static Database schema(String url, String schema) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "smartcc", "smartcc"); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            s.execute("CREATE SCHEMA " + schema);
        }
        return Database.open(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, "smartcc", "smartcc");
    }
}
