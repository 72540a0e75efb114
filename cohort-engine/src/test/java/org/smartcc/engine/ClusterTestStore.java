package org.smartcc.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.h2.tools.Server;
import org.smartcc.engine.query.QueryDefinition;
import org.smartcc.engine.query.i2b2.I2b2QueryParser;
import org.smartcc.engine.query.spark.PatientSetPlanner;
import org.smartcc.store.ClinicalStore;
import org.smartcc.store.Database;

/**
 * The sample records in an H2 store behind an H2 TCP server, loaded once per JVM for the tests whose Spark runs in
 * other JVMs (a standalone cluster, a Spark Connect server): those read the tables over TCP, as they would read
 * PostgreSQL. Also the reference queries those tests compare the engine with, in SQL on the store.
 */
public final class ClusterTestStore {

    public static final String MEDICATIONS = "\\SMART\\Statement types\\Medication [SMART:Medication]\\";
    private static final String PROBLEMS = "\\SMART\\Statement types\\Problem [SMART:Problem]\\";

    private static Database embedded;
    private static String serverUrl;

    private ClusterTestStore() {
    }

    /** The store through an embedded connection: three times faster than TCP for the load and the checks. */
    public static synchronized Database embedded() {
        load();
        return embedded;
    }

    /** Opens a connection pool to the store through its TCP server, for a snapshot written by another JVM. */
    public static Database overTcp() {
        load();
        return Database.open(serverUrl, "sa", "");
    }

    private static synchronized void load() {
        if (embedded != null) {
            return;
        }
        try {
            Path databaseFile = Files.createTempDirectory("smartcc-cluster-store").resolve("store");
            Server h2 = Server.createTcpServer("-tcpPort", "0", "-baseDir", databaseFile.getParent().toString(),
                    "-ifNotExists").start();
            serverUrl = "jdbc:h2:tcp://127.0.0.1:" + h2.getPort() + "/" + databaseFile.getFileName();
            embedded = Database.open(Database.h2FileUrl(databaseFile), "sa", "");
            ClinicalStore.of(embedded).loadPath(SharedSpark.sharedData().resolve("smart-data/patients/generated"));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                embedded.close();
                h2.stop();
            }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("the H2 TCP server did not start", e);
        }
    }

    /** The patients the planner finds for the given i2b2 panels. */
    private static Set<Integer> patients(PatientSetPlanner planner, String panels) {
        String xml = "<query_definition><query_name>cluster</query_name>" + panels + "</query_definition>";
        QueryDefinition query = I2b2QueryParser.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Set<Integer> result = new TreeSet<>();
        for (Row row : planner.patients(query).collectAsList()) {
            result.add(row.getInt(0));
        }
        return result;
    }

    /** An i2b2 panel: at least one fact under the folder, optionally within the given years. */
    private static String panel(String folder, boolean invert, Integer fromYear, Integer toYear) {
        return "<panel><panel_timing>ANY</panel_timing><invert>" + (invert ? 1 : 0) + "</invert>"
                + "<total_item_occurrences operator=\"GE\">1</total_item_occurrences>"
                + (fromYear == null ? "" : "<panel_date_from>" + fromYear + "-01-01T00:00:00Z</panel_date_from>")
                + (toYear == null ? "" : "<panel_date_to>" + toYear + "-12-31T00:00:00Z</panel_date_to>")
                + "<item><item_key>\\\\i2b2" + folder + "</item_key></item></panel>";
    }

    /** The reference answer for {@link #panel}, in SQL on the store. */
    private static Set<Integer> patientsWithFactsUnder(String folder, Integer fromYear, Integer toYear)
            throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT DISTINCT patient_num FROM observation_fact"
                + " WHERE modifier_cd = '@' AND concept_cd IN"
                + " (SELECT concept_cd FROM concept_dimension WHERE concept_path LIKE ? ESCAPE '!')");
        List<Object> arguments = new ArrayList<>();
        arguments.add(folder.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        if (fromYear != null) {
            sql.append(" AND start_date >= ?");
            arguments.add(Timestamp.valueOf(LocalDateTime.of(fromYear, 1, 1, 0, 0)));
        }
        if (toYear != null) {
            sql.append(" AND start_date <= ?");
            arguments.add(Timestamp.valueOf(LocalDateTime.of(toYear, 12, 31, 0, 0)));
        }
        Set<Integer> result = new TreeSet<>();
        try (Connection c = embedded().dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < arguments.size(); i++) {
                ps.setObject(i + 1, arguments.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(rs.getInt(1));
                }
            }
        }
        return result;
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = embedded().dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The snapshot holds every patient and fact of the store, and the store holds the sample records. */
    public static void assertSnapshotHoldsTheStore(Snapshot snapshot) throws SQLException {
        assertEquals(count("SELECT COUNT(*) FROM patient_dimension"), snapshot.patientCount());
        assertEquals(count("SELECT COUNT(*) FROM observation_fact"), snapshot.factCount());
        assertTrue(snapshot.patientCount() >= 50, "the sample patients were not loaded: " + snapshot);
    }

    /** The checks both remote paths must pass: three reference queries, answered as SQL on the store answers them. */
    public static void assertQueriesMatchTheStore(PatientSetPlanner planner) throws SQLException {
        Set<Integer> medicated = patientsWithFactsUnder(MEDICATIONS, null, null);
        Set<Integer> withProblems = patientsWithFactsUnder(PROBLEMS, null, null);
        Set<Integer> problemsWithoutMedications = new TreeSet<>(withProblems);
        problemsWithoutMedications.removeAll(medicated);
        Set<Integer> problemsFrom2005To2012 = patientsWithFactsUnder(PROBLEMS, 2005, 2012);

        assertEquals(medicated, patients(planner, panel(MEDICATIONS, false, null, null)));
        assertEquals(problemsWithoutMedications,
                patients(planner, panel(PROBLEMS, false, null, null) + panel(MEDICATIONS, true, null, null)));
        assertEquals(problemsFrom2005To2012, patients(planner, panel(PROBLEMS, false, 2005, 2012)));
        // otherwise equal answers could be equally empty
        assertFalse(medicated.isEmpty() || problemsWithoutMedications.isEmpty() || problemsFrom2005To2012.isEmpty(),
                "a reference query found no patients");
        assertTrue(problemsFrom2005To2012.size() < withProblems.size(), "the date bounds excluded nobody");
    }
}
