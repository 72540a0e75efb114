package org.smartcc.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartcc.store.ClinicalStore;
import org.smartcc.store.Database;

class SnapshotWriterTest {

    @TempDir
    static Path dir;
    static Database db;
    static Snapshot snapshot;

    @BeforeAll
    static void loadSamplesAndSnapshot() throws Exception {
        db = Database.open(Database.h2FileUrl(dir.resolve("store")), "sa", "");
        ClinicalStore.of(db).loadPath(SharedSpark.sharedData().resolve("smart-data/patients/generated"));
        snapshot = SharedSpark.engine().writeSnapshot(db);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void snapshotHoldsEveryPatientAndFact() throws Exception {
        assertEquals(60, snapshot.patientCount());
        assertEquals(count("SELECT COUNT(*) FROM observation_fact"), snapshot.factCount());
        assertTrue(snapshot.factCount() > 1000, "sample records give thousands of facts");
        for (String table : List.of("observation_fact", "patient_dimension", "visit_dimension",
                "concept_dimension", "modifier_dimension", "provider_dimension", "patient_mapping")) {
            long parquet = SharedSpark.engine().spark().read().parquet(snapshot.table(table).toString()).count();
            assertEquals(count("SELECT COUNT(*) FROM " + table), parquet, table);
        }
    }

    @Test
    void factsAreSortedByConceptThenPatient() {
        List<Row> rows = SharedSpark.engine().spark().read()
                .parquet(snapshot.table("observation_fact").toString())
                .select("concept_cd", "patient_num").collectAsList();
        for (int i = 1; i < rows.size(); i++) {
            Row a = rows.get(i - 1);
            Row b = rows.get(i);
            int byConcept = a.getString(0).compareTo(b.getString(0));
            assertTrue(byConcept < 0 || byConcept == 0 && a.getInt(1) <= b.getInt(1),
                    "row " + i + " out of order: " + a + " then " + b);
        }
    }

    @Test
    void blobsStayInTheDatabase() {
        Dataset<Row> facts = SharedSpark.engine().spark().read().parquet(snapshot.table("observation_fact").toString());
        assertTrue(List.of(facts.columns()).stream().noneMatch(c -> c.endsWith("_blob")));
    }

    @Test
    void theNewSnapshotIsRegisteredAsTheLatest() {
        assertEquals(snapshot.id(), SharedSpark.engine().latestSnapshot(db).orElseThrow().id());
        assertTrue(Files.isDirectory(snapshot.location()));
    }

    @Test
    void aFailedWriteLeavesNoSnapshotBehind() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("occupied"), "a file where the snapshots should go");
        CohortEngine blocked = CohortEngine.builder().snapshotDirectory(notAFolder).build();
        // same JVM, same Spark session: getOrCreate returns the shared one
        SnapshotException e = assertThrows(SnapshotException.class,
                () -> new org.smartcc.engine.internal.spark.ParquetSnapshotWriter(
                        SharedSpark.engine().spark(), blocked.snapshotDirectory()).writeFromDatabase(db));
        assertTrue(e.getMessage().contains("could not be written"), e.getMessage());
        assertEquals(snapshot.id(), SharedSpark.engine().latestSnapshot(db).orElseThrow().id());
    }

    @Test
    void builderAcceptsOnlySparkKeys() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CohortEngine.builder().config(Map.of("master", "local")));
        assertTrue(e.getMessage().contains("master"));
        assertThrows(IllegalStateException.class, () -> CohortEngine.builder().build());
    }

    @Test
    void demographicAgesCountOnTheBuildersDayElseOnTheDayAsked() {
        assertEquals(LocalDate.of(2025, 7, 1), CohortEngine.builder().snapshotDirectory(dir)
                .ageAsOf(LocalDate.of(2025, 7, 1)).build().ageAsOf());
        LocalDate before = LocalDate.now();
        LocalDate asked = CohortEngine.builder().snapshotDirectory(dir).build().ageAsOf();
        assertTrue(!asked.isBefore(before) && !asked.isAfter(LocalDate.now()), asked.toString());
    }

    private static long count(String sql) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
