package org.smartcc.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.smartcc.engine.internal.jdbc.JdbcQueryRunStore;
import org.smartcc.engine.internal.spark.SparkJobs;
import org.smartcc.engine.internal.spark.SparkSettings;
import org.smartcc.engine.privacy.PrivacySettings;
import org.smartcc.engine.query.QueryDefinition;
import org.smartcc.engine.query.i2b2.I2b2QueryParser;
import org.smartcc.engine.query.json.QueryJson;
import org.smartcc.engine.query.spark.PatientSetPlanner;
import org.smartcc.engine.run.CohortRuns;
import org.smartcc.engine.run.QueryRun;
import org.smartcc.engine.run.QueryStatus;
import org.smartcc.engine.run.ResultType;
import org.smartcc.engine.run.RunRequest;
import org.smartcc.engine.run.RunResult;
import org.smartcc.engine.run.RunSettings;
import org.smartcc.store.Database;

/**
 * The Spark Connect path of issue #4: with {@code spark.master=sc://…} alone the engine is a Connect client of a real
 * Spark Connect server (a child JVM on loopback), which writes the snapshot, answers queries as SQL on the store
 * does, runs cohort runs with their plan, and stops a job when the engine cancels it. Tagged like
 * {@link StandaloneClusterTest}, with which it shares a JVM and the store.
 */
@Tag(StandaloneClusterTest.TAG)
class SparkConnectTest extends RemoteSparkContract {

    /** Kept when a test fails: it holds the server's log. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path directory;

    static CompletableFuture<LoopbackSparkConnectServer> serverStart;
    static CohortEngine engine;
    static Snapshot snapshot;

    @BeforeAll
    static void startServerAndSnapshotTheStore() {
        serverStart = CompletableFuture.supplyAsync(
                () -> LoopbackSparkConnectServer.start(directory.resolve("server")));
        ClusterTestStore.embedded();
        engine = CohortEngine.builder()
                .config("spark.master", serverStart.join().url())
                .config("spark.sql.shuffle.partitions", "3")
                .config("spark.executor.memory", "512m") // the server's setting: ignored, and logged as such
                .snapshotDirectory(directory.resolve("snapshots"))
                .build();
        try (Database server = ClusterTestStore.overTcp()) {
            snapshot = engine.writeSnapshot(server);
        }
    }

    @Override
    CohortEngine engine() {
        return engine;
    }

    @Override
    Snapshot snapshot() {
        return snapshot;
    }

    @AfterAll
    static void stopEverything() {
        if (engine != null) {
            engine.close();
        }
        ChildJvm.closeOnceStarted(serverStart);
    }

    @Test
    void theEngineIsAClientAndTheServerDoesTheWork() {
        SparkSession spark = engine.spark();
        assertInstanceOf(org.apache.spark.sql.connect.SparkSession.class, spark);
        assertEquals("3", spark.conf().get("spark.sql.shuffle.partitions"), "spark.sql.* settings reach the session");
        assertEquals("UTC", spark.conf().get("spark.sql.session.timeZone"), "the engine's default for its sessions");
        assertNull(System.getProperty(LoopbackSparkConnectServer.ROLE_PROPERTY));
        String ranIn = spark.sql("SELECT reflect('java.lang.System', 'getProperty', '"
                + LoopbackSparkConnectServer.ROLE_PROPERTY + "')").first().getString(0);
        assertEquals(LoopbackSparkConnectServer.ROLE, ranIn);
    }


    @Test
    void aRunProducesItsCountPatientSetBreakdownAndPlan() throws Exception {
        QueryDefinition query = I2b2QueryParser.parse(new ByteArrayInputStream(("<query_definition><query_name>m"
                + "</query_name><panel><item><item_key>\\\\i2b2" + ClusterTestStore.MEDICATIONS
                + "</item_key></item></panel></query_definition>").getBytes(StandardCharsets.UTF_8)));
        JdbcQueryRunStore runStore = new JdbcQueryRunStore(ClusterTestStore.embedded());
        try (CohortRuns runs = new CohortRuns(engine.spark(), runStore, PrivacySettings.from(Map.of()),
                        new RunSettings(1, Duration.ofMinutes(5), true), () -> Optional.of(snapshot),
                        Clock.systemUTC())) {
            QueryRun queued = runs.submit(new RunRequest(query, QueryJson.write(query), "connect", Set.of("DATA_AGG"),
                    List.of(ResultType.PATIENT_COUNT_XML, ResultType.PATIENTSET, ResultType.PATIENT_GENDER_COUNT_XML),
                    Optional.empty()));
            QueryRun done = runs.await(queued.instanceId(), Duration.ofMinutes(2));
            assertEquals(QueryStatus.FINISHED, done.status(), done.message().orElse(""));

            Set<Integer> expected = new TreeSet<>();
            new PatientSetPlanner(engine.spark(), snapshot).patients(query).collectAsList()
                    .forEach(row -> expected.add(row.getInt(0)));
            assertTrue(expected.size() > 10, "too few medicated patients to compare: " + expected);
            RunResult set = result(done, ResultType.PATIENTSET);
            assertEquals(expected.size(), set.setSize().orElseThrow().value());
            assertEquals(expected, new TreeSet<>(runStore.patientSet(set.resultInstanceId(), 0, 10_000)));
            assertEquals(expected.size(), result(done, ResultType.PATIENT_GENDER_COUNT_XML).breakdown().values()
                    .stream().mapToLong(c -> c.value()).sum());
            String plan = runStore.plan(done.instanceId()).orElseThrow();
            assertTrue(plan.contains("Scan parquet"), plan);
        }
    }

    @Test
    void aSettingTheServerRefusesIsNamed() {
        // a static setting: the server fixes it at start
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> SparkSettings
                .connectSession(serverStart.join().url(), Map.of("spark.sql.warehouse.dir", "/elsewhere")));
        assertTrue(refused.getMessage().contains("refused the setting spark.sql.warehouse.dir"), refused.getMessage());
    }

    @Test
    void aCancelStopsTheServersJob() throws Exception {
        // task counts are the server's: a Connect client sees none
        assertEquals(SparkJobs.TaskProgress.UNKNOWN, EndlessQuery.assertACancelStopsIt(engine.spark()));
    }

    private static RunResult result(QueryRun run, ResultType type) {
        return run.results().stream().filter(r -> r.type() == type).findFirst().orElseThrow();
    }
}
