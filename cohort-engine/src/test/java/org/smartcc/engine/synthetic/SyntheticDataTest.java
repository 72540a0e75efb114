package org.smartcc.engine.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.smartcc.engine.SharedSpark;
import org.smartcc.engine.internal.spark.FactKey;
import org.smartcc.engine.internal.spark.StarSchemaTables;

/** The generated rows alone, without a database: determinism and distributions. */
class SyntheticDataTest {

    private static final SparkSession SPARK = SharedSpark.engine().spark();

    @Test
    void theSameSeedGivesTheSameFactsWhateverThePartitioning() {
        SyntheticTables tables = new SyntheticTables(60, 42, 1_000_001, 200);
        Dataset<Row> onePartition = tables.facts(SPARK.range(0, 60, 1, 1));
        Dataset<Row> sevenPartitions = tables.facts(SPARK.range(0, 60, 1, 7));
        assertEquals(onePartition.count(), sevenPartitions.count());
        assertEquals(0, onePartition.exceptAll(sevenPartitions).count());
        assertEquals(0, sevenPartitions.exceptAll(onePartition).count());
        Dataset<Row> patientsA = generator(60, 42).tables(SPARK).get("patient_dimension");
        Dataset<Row> patientsB = generator(60, 42).tables(SPARK).get("patient_dimension").repartition(3);
        assertEquals(0, patientsA.exceptAll(patientsB).count());
    }

    @Test
    void anotherSeedGivesOtherFacts() {
        Dataset<Row> a = new SyntheticTables(30, 1, 1_000_001, 200).facts(SPARK.range(30));
        Dataset<Row> b = new SyntheticTables(30, 2, 1_000_001, 200).facts(SPARK.range(30));
        assertTrue(a.exceptAll(b).count() > a.count() / 2, "most facts differ");
    }

    @Test
    void patientsHaveAboutTheRequestedFactsOnAverage() {
        long facts = generator(200, 3).countFacts(SPARK);
        double perPatient = facts / 200.0;
        assertTrue(perPatient > 400 * 0.85 && perPatient < 400 * 1.15, "facts per patient: " + perPatient);
    }

    /** The snapshot's fact files, placed by these bounds without Spark's sampling, come out about equally big. */
    @Test
    void factBoundsSplitTheFactsEvenly() {
        SyntheticTables tables = new SyntheticTables(2000, 5, 1_000_001, 200);
        List<FactKey> bounds = tables.factBounds(8);
        assertEquals(7, bounds.size());
        assertEquals(bounds.stream().sorted().distinct().toList(), bounds, "ascending and distinct");
        long[] perFile = new long[8];
        for (long i = 0; i < 2000; i++) {
            SyntheticPatient patient = tables.patient(i);
            patient.facts(patient.visits(), fact -> {
                FactKey key = new FactKey((String) fact[2], patient.patientNum());
                int file = 0;
                while (file < bounds.size() && key.compareTo(bounds.get(file)) >= 0) {
                    file++;
                }
                perFile[file]++;
            });
        }
        long total = java.util.Arrays.stream(perFile).sum();
        for (long facts : perFile) {
            assertTrue(Math.abs(facts - total / 8.0) < total / 8.0 * 0.25, java.util.Arrays.toString(perFile));
        }
    }

    @Test
    void tablesHaveTheSnapshotColumnsAndTypes() {
        Map<String, Dataset<Row>> tables = generator(5, 1).tables(SPARK);
        assertEquals(StarSchemaTables.COLUMNS.keySet(), tables.keySet());
        StarSchemaTables.COLUMNS.forEach((table, columns) -> assertEquals(
                List.of(columns.split(",\\s*")), List.of(tables.get(table).columns()), table));
        assertEquals("decimal(18,5)", tables.get("observation_fact").schema().apply("nval_num").dataType().simpleString());
        assertEquals("timestamp", tables.get("visit_dimension").schema().apply("start_date").dataType().simpleString());
    }

    @Test
    void valuesLookLikeClinicalData() {
        Dataset<Row> facts = generator(100, 9).tables(SPARK).get("observation_fact").cache();
        List<String> prefixes = facts.select(functions.substring_index(functions.col("concept_cd"), ":", 1))
                .distinct().as(Encoders.STRING()).collectAsList();
        assertTrue(prefixes.containsAll(List.of("LOINC", "RXNORM", "SNOMED", "CVX", "SMART", "EncounterType")),
                prefixes.toString());
        Row glucose = facts.where("concept_cd = 'LOINC:2345-7'")
                .agg(functions.avg("nval_num"), functions.min("units_cd"), functions.count("valueflag_cd")).first();
        double mean = glucose.getDecimal(0).doubleValue();
        assertTrue(mean > 80 && mean < 140, "mean glucose " + mean);
        assertEquals("mg/dL", glucose.getString(1));
        assertTrue(glucose.getLong(2) > 0, "some glucose values are flagged");
        assertEquals(Set.of("N", "T", "B", "@"), Set.copyOf(facts.select("valtype_cd").distinct()
                .as(Encoders.STRING()).collectAsList()));
        Row years = facts.agg(functions.min(functions.year(functions.col("start_date"))),
                functions.max(functions.year(functions.col("start_date")))).first();
        assertTrue(years.getInt(0) <= 2016 && years.getInt(1) >= 2023, "dates span the years: " + years);
        facts.unpersist();
    }

    @Test
    void theBuilderRefusesSettingsItCannotHonour() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SyntheticGenerator.builder()
                .patients(10).firstPatientNum(SyntheticGenerator.MAX_PATIENT_NUM).build());
        assertTrue(e.getMessage().contains("does not fit"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SyntheticGenerator.builder().patients(0).build());
        assertTrue(e.getMessage().contains("at least 1"), e.getMessage());
    }

    private static SyntheticGenerator generator(long patients, long seed) {
        return SyntheticGenerator.builder().patients(patients).seed(seed).factsPerPatient(400).build();
    }
}
