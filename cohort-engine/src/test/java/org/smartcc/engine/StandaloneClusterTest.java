package org.smartcc.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.smartcc.engine.batch.ExportChecks;
import org.smartcc.store.Database;

/**
 * The cluster path of issue #4: the engine, configured only by {@code spark.*} keys, drives a real Spark standalone
 * master and worker (child JVMs on loopback); the snapshot is read from the store over JDBC by the executor, and
 * query answers equal plain SQL on the store, and the batch export of a patient set writes what SQL on the store
 * counts (issue #15). Tagged {@value #TAG}: it runs in a surefire execution of its own,
 * because a JVM holds one SparkContext and the other tests share a local one.
 */
@Tag(StandaloneClusterTest.TAG)
class StandaloneClusterTest extends RemoteSparkContract {

    static final String TAG = "spark-cluster";
    /** Kept when a test fails: it holds the master's, the worker's and (under work/) the executor's logs. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path directory;

    static CompletableFuture<LoopbackSparkCluster> clusterStart;
    static LoopbackSparkCluster cluster;
    static CohortEngine engine;
    static Snapshot snapshot;

    @BeforeAll
    static void startClusterAndSnapshotTheStore() throws Exception {
        // the master and worker take a while to start in their own JVMs: meanwhile the sample records are loaded
        clusterStart = CompletableFuture.supplyAsync(() -> LoopbackSparkCluster.start(directory.resolve("cluster")));
        ClusterTestStore.embedded();
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
        ChildJvm.closeOnceStarted(clusterStart);
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

    /** The spark-submit export on the cluster: executors read the snapshot and the set's members, and write. */
    @Test
    void exportsAPatientSetAsSqlOnTheStoreCountsIt() throws Exception {
        try (Database server = ClusterTestStore.overTcp()) {
            long setId = ExportChecks.patientSet(engine.spark(), server, snapshot, ExportChecks.MEDICATIONS)[1];
            Path out = directory.resolve("export");
            ExportChecks.Outcome outcome = ExportChecks.export(engine::spark, "--set", Long.toString(setId),
                    "--db", server.jdbcUrl(), "--out", out.toString());
            assertEquals(0, outcome.code(), outcome.err());
            JsonNode manifest = ExportChecks.assertOutputMatchesTheStore(engine.spark(), ClusterTestStore.embedded(),
                    setId, out);
            assertEquals(snapshot.id(), manifest.path("snapshot_id").asText());
            assertTrue(Files.isDirectory(out.resolve("statements/statement_type=Problem")), out.toString());
        }
    }
}
