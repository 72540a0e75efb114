package org.smartcc.api.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartcc.records.application.StoredStatement;
import org.smartcc.records.internal.JdbcStatementRepository;
import org.smartcc.store.ClinicalStore;
import org.smartcc.store.Database;
import org.smartcc.store.domain.StoreSummary;

/**
 * The upgrade of docs/operations.md: a database at the previous release's schema (every migration but the newest),
 * holding the sample records, is opened by the current code, which migrates it to the newest version and serves the
 * same records. Both versions come from the migration folders, so the next migration moves the test along with it.
 * The records are loaded by the current loader and copied row by row into the older schema: the store's tables are
 * those of V1 in every release so far, and a column the older schema lacks fails the copy. This class runs on H2,
 * {@link PostgresUpgradeTest} on PostgreSQL.
 */
class UpgradeTest {

    /** p1134281.xml: 7 medications, 2 fulfillments, 12 problems and 68 lab results (INDEX.csv). */
    private static final String RECORD = "1134281";

    @TempDir
    Path dir;

    /** The JDBC URL of a new, empty database for this test. */
    String newDatabase(String name) throws Exception {
        return Database.h2FileUrl(dir.resolve(name));
    }

    String user() {
        return "sa";
    }

    String password() {
        return "";
    }

    @Test
    void theCurrentCodeReadsThePreviousReleasesRecords() throws Exception {
        String loadedUrl = newDatabase("loaded");
        StoreSummary loadedSummary;
        List<StoredStatement> loadedStatements;
        try (Database loaded = Database.open(loadedUrl, user(), password())) {
            ClinicalStore store = ClinicalStore.of(loaded);
            assertEquals(List.of(), store.loadPath(samplePatients()).rejected());
            loadedSummary = store.summary();
            loadedStatements = statementsOf(loaded, loadedSummary);
        }

        String url = newDatabase("previous");
        List<MigrationVersion> versions = migrationVersions(url);
        MigrationVersion previous = versions.get(versions.size() - 2);
        MigrationVersion newest = versions.get(versions.size() - 1);
        flyway(url).target(previous).load().migrate();
        try (Database loaded = Database.open(loadedUrl, user(), password());
             Connection from = loaded.dataSource().getConnection();
             Connection to = DriverManager.getConnection(url, user(), password())) {
            assertEquals(previous, appliedVersion(to));
            copyRows(from, to);
        }

        try (Database upgraded = Database.open(url, user(), password())) {
            try (Connection c = upgraded.dataSource().getConnection()) {
                assertEquals(newest, appliedVersion(c));
            }
            StoreSummary summary = ClinicalStore.of(upgraded).summary();
            assertEquals(60, summary.records());
            assertEquals(loadedSummary, summary);
            List<StoredStatement> statements = statementsOf(upgraded, summary);
            assertFalse(statements.isEmpty());
            assertEquals(loadedStatements, statements);
        }
    }

    /** Every version in the migration folders, oldest first; at least two, or there is no previous release. */
    private List<MigrationVersion> migrationVersions(String url) {
        List<MigrationVersion> versions = new ArrayList<>(Arrays.stream(flyway(url).load().info().all())
                .map(MigrationInfo::getVersion).toList());
        Collections.sort(versions);
        assertTrue(versions.size() >= 2, "migrations found: " + versions);
        return versions;
    }

    /** Flyway as {@code Database} runs it, with the dialect's column types. */
    private FluentConfiguration flyway(String url) {
        Map<String, String> types = Database.Dialect.ofUrl(url) == Database.Dialect.H2
                ? Map.of("clob", "CLOB", "blob", "BLOB") : Map.of("clob", "TEXT", "blob", "BYTEA");
        return Flyway.configure().dataSource(url, user(), password()).locations("classpath:db/migration")
                .placeholders(types);
    }

    private static MigrationVersion appliedVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" AND \"version\" IS NOT NULL")) {
            MigrationVersion highest = MigrationVersion.EMPTY;
            while (rs.next()) {
                MigrationVersion version = MigrationVersion.fromVersion(rs.getString(1));
                highest = version.compareTo(highest) > 0 ? version : highest;
            }
            return highest;
        }
    }

    /** Every statement of the record, in the repository's order, for every type the store holds. */
    private static List<StoredStatement> statementsOf(Database db, StoreSummary summary) {
        JdbcStatementRepository repository = new JdbcStatementRepository(db);
        int patientNum = repository.patientNum(RECORD).orElseThrow();
        return repository.statements(patientNum, summary.statementsByType().keySet().stream().sorted().toList());
    }

    /**
     * The rows of the loader's tables into the same tables of the older schema: those its migrations left empty (the
     * others hold rows the migrations wrote, in both databases). Table and column names come from the metadata.
     */
    private static void copyRows(Connection from, Connection to) throws SQLException {
        to.setAutoCommit(false);
        for (String table : tables(to)) {
            if (hasRows(to, table)) {
                continue;
            }
            try (Statement s = from.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                ResultSetMetaData meta = rs.getMetaData();
                List<String> columns = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    columns.add(meta.getColumnName(i));
                }
                String insert = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                        + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
                try (PreparedStatement ps = to.prepareStatement(insert)) {
                    while (rs.next()) {
                        for (int i = 1; i <= columns.size(); i++) {
                            ps.setObject(i, rs.getObject(i));
                        }
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
        }
        to.commit();
    }

    private static boolean hasRows(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1 FROM " + table + " LIMIT 1")) {
            return rs.next();
        }
    }

    /** The older schema's tables without Flyway's own. */
    private static List<String> tables(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
        }
        tables.removeIf(t -> t.equalsIgnoreCase("flyway_schema_history"));
        return tables;
    }

    private static Path samplePatients() {
        return Path.of(System.getProperty("smartcc.shared.dir", "../../shared"), "smart-data", "patients", "generated");
    }
}
