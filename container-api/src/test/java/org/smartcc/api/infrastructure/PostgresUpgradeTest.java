package org.smartcc.api.infrastructure;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;

/**
 * {@link UpgradeTest} on PostgreSQL: each database is a schema of its own in the build's throwaway server
 * ({@code -Ppostgresql}, as {@code .ci/run} does, starts it and sets {@code smartcc.test.pg.url}).
 */
class PostgresUpgradeTest extends UpgradeTest {

    private static final String SERVER = System.getProperty("smartcc.test.pg.url", "");

    @BeforeEach
    void server() {
        assumeTrue(!SERVER.isBlank(), "no PostgreSQL server for this build (-Ppostgresql starts one)");
    }

    @Override
    String newDatabase(String name) throws Exception {
        String schema = "upgrade_" + name;
        try (Connection c = DriverManager.getConnection(SERVER, user(), password()); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            s.execute("CREATE SCHEMA " + schema);
        }
        return SERVER + "?currentSchema=" + schema;
    }

    @Override
    String user() {
        return "smartcc";
    }

    @Override
    String password() {
        return "smartcc";
    }
}
