package org.smartcc.api.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
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
import java.util.Optional;
import org.apache.jena.rdf.model.Model;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartcc.records.RecordApi;
import org.smartcc.records.domain.ApiCallTable;
import org.smartcc.store.ClinicalStore;
import org.smartcc.store.Database;
import org.smartcc.store.SmartOntology;
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
    private static final List<String> RECORD_CALLS = List.of("/records/1134281/demographics",
            "/records/1134281/medications/", "/records/1134281/fulfillments/", "/records/1134281/problems/",
            "/records/1134281/lab_results/");
    private static final String PROCESSING_TIME = "http://smartplatforms.org/terms/api#processingTimeMs";

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
        List<Model> loadedStatements;
        try (Database loaded = Database.open(loadedUrl, user(), password())) {
            ClinicalStore store = ClinicalStore.of(loaded);
            assertEquals(List.of(), store.loadPath(samplePatients()).rejected());
            loadedSummary = store.summary();
            loadedStatements = statementsOf(loaded);
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
            List<Model> statements = statementsOf(upgraded);
            for (int i = 0; i < RECORD_CALLS.size(); i++) {
                assertFalse(statements.get(i).isEmpty(), RECORD_CALLS.get(i));
                assertTrue(loadedStatements.get(i).isIsomorphicWith(statements.get(i)), RECORD_CALLS.get(i) + ": "
                        + ntriples(loadedStatements.get(i).difference(statements.get(i))) + " became "
                        + ntriples(statements.get(i).difference(loadedStatements.get(i))));
            }
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

    /** What the SMART API answers for the record's calls, without the time each answer took. */
    private static List<Model> statementsOf(Database db) {
        RecordApi api = RecordApi.open(db, SmartOntology.shared(), Optional.empty());
        ApiCallTable calls = RecordApi.callTable(SmartOntology.shared());
        return RECORD_CALLS.stream().map(path -> {
            Model model = api.reader().read(calls.match("GET", path).orElseThrow(), Map.of(), "http://localhost:8080")
                    .model();
            return model.removeAll(null, model.createProperty(PROCESSING_TIME), null);
        }).toList();
    }

    private static String ntriples(Model model) {
        StringWriter out = new StringWriter();
        model.write(out, "N-TRIPLES");
        return out.toString();
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
