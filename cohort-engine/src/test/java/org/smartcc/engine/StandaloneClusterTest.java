package org.smartcc.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
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
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.smartcc.engine.query.QueryDefinition;
import org.smartcc.engine.query.i2b2.I2b2QueryParser;
import org.smartcc.engine.query.spark.PatientSetPlanner;
import org.smartcc.store.application.RecordLoader;
import org.smartcc.store.infrastructure.jdbc.Database;
import org.smartcc.store.infrastructure.jdbc.JdbcClinicalStore;
import org.smartcc.store.infrastructure.rdf.SmartOntology;
import org.smartcc.store.infrastructure.rdf.SmartRecordMapper;

/**
 * The cluster path of issue #4: the engine, configured only by {@code spark.*} keys, drives a real Spark standalone
 * master and worker (child JVMs on loopback); the snapshot is read from the store over JDBC by the executor, and
 * query answers equal plain SQL on the store. Tagged {@value #TAG}: it runs in a surefire execution of its own,
 * because a JVM holds one SparkContext and the other tests share a local one.
 */
@Tag(StandaloneClusterTest.TAG)
class StandaloneClusterTest {

    static final String TAG = "spark-cluster";
    private static final String MEDICATIONS = "\\SMART\\Statement types\\Medication [SMART:Medication]\\";
    private static final String PROBLEMS = "\\SMART\\Statement types\\Problem [SMART:Problem]\\";

    /** Kept when a test fails: it holds the master's, the worker's and (under work/) the executor's logs. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path directory;

    static CompletableFuture<LoopbackSparkCluster> clusterStart;
    static LoopbackSparkCluster cluster;
    static Server h2;
    static Database store;
    static CohortEngine engine;
    static Snapshot snapshot;

    @BeforeAll
    static void startClusterAndSnapshotTheStore() throws Exception {
        // the master and worker take a while to start in their own JVMs: meanwhile the sample records are loaded
        clusterStart = CompletableFuture.supplyAsync(() -> LoopbackSparkCluster.start(directory.resolve("cluster")));
        Path databaseFile = directory.resolve("h2").resolve("store");
        h2 = Server.createTcpServer("-tcpPort", "0", "-baseDir", databaseFile.getParent().toString(), "-ifNotExists")
                .start();
        // loading through an embedded connection is three times faster than over TCP; it is the same database
        store = Database.open(Database.h2FileUrl(databaseFile), "sa", "");
        new RecordLoader(new SmartRecordMapper(SmartOntology.shared()), new JdbcClinicalStore(store))
                .loadPath(SharedSpark.sharedData().resolve("smart-data/patients/generated"));
        cluster = clusterStart.join();
        engine = CohortEngine.builder()
                .config("spark.master", cluster.masterUrl())
                .config("spark.executor.extraClassPath", cluster.executorClassPath())
                .config("spark.executor.memory", "512m")
                .config("spark.cores.max", "1")
                // a short-lived executor: the quick JIT alone does its work with less than half the CPU time
                .config("spark.executor.extraJavaOptions", "-XX:TieredStopAtLevel=1")
                .snapshotDirectory(directory.resolve("snapshots"))
                .build();
        // the executor is another JVM: it reads the tables from the database server, as from PostgreSQL in production
        try (Database server = Database.open("jdbc:h2:tcp://127.0.0.1:" + h2.getPort() + "/"
                + databaseFile.getFileName(), "sa", "")) {
            snapshot = engine.writeSnapshot(server);
        }
    }

    @AfterAll
    static void stopEverything() {
        if (engine != null) {
            engine.close();
        }
        if (store != null) {
            store.close();
        }
        if (h2 != null) {
            h2.stop();
        }
        if (clusterStart != null) {
            // also waits for a start still under way (the load failed first), so that no child JVM outlives the test
            clusterStart.handle((started, failure) -> {
                if (started != null) {
                    started.close();
                }
                return null;
            }).join();
        }
    }

    @Test
    void tasksRunInAnExecutorThatTheWorkerStarted() {
        SparkSession spark = engine.spark();
        assertEquals(cluster.masterUrl(), spark.sparkContext().master());
        List<Long> taskProcesses = spark.range(0, 4, 1, 4)
                .map((MapFunction<Long, Long>) i -> ProcessHandle.current().pid(), Encoders.LONG())
                .collectAsList();
        Set<Long> executors = cluster.workerProcess().descendants().map(ProcessHandle::pid)
                .collect(Collectors.toSet());
        assertFalse(taskProcesses.contains(ProcessHandle.current().pid()), "a task ran in the driver");
        assertTrue(executors.containsAll(taskProcesses),
                "tasks ran in " + taskProcesses + ", the worker's child processes are " + executors);

        JsonNode master = cluster.masterState();
        assertEquals(1, master.path("activeapps").size(), master.toPrettyString());
        JsonNode application = master.path("activeapps").get(0);
        assertEquals("RUNNING", application.path("state").asText(), application.toPrettyString());
        assertEquals(1, application.path("cores").asInt(), application.toPrettyString());
        assertEquals(1, master.path("coresused").asInt(), master.toPrettyString());
    }

    @Test
    void snapshotHoldsWhatTheStoreHolds() throws SQLException {
        assertEquals(count("SELECT COUNT(*) FROM patient_dimension"), snapshot.patientCount());
        assertEquals(count("SELECT COUNT(*) FROM observation_fact"), snapshot.factCount());
        assertTrue(snapshot.patientCount() >= 50, "the sample patients were not loaded: " + snapshot);
    }

    @Test
    void queryAnswersEqualSqlOnTheStore() throws SQLException {
        PatientSetPlanner planner = new PatientSetPlanner(engine.spark(), snapshot);
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
        try (Connection c = store.dataSource().getConnection();
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
        try (Connection c = store.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
