package org.smartcc.engine.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartcc.engine.CohortEngine;
import org.smartcc.engine.SharedSpark;
import org.smartcc.engine.Snapshot;
import org.smartcc.engine.internal.spark.StarSchemaTables;
import org.smartcc.store.Database;

/**
 * Two synthetic ranges loaded one after the other into an H2 store, each with its snapshot
 * ({@link PostgresSyntheticStoreTest}: the same on PostgreSQL).
 */
class SyntheticStoreTest {

    @TempDir
    static Path dir;
    static Database db;
    static Database fresh;
    static SyntheticGenerator.Result second;
    static String latestAfterLoad;

    @BeforeAll
    static void loadTwoRanges() throws Exception {
        loadTwoRanges(Database.open(Database.h2FileUrl(dir.resolve("store")), "sa", ""),
                Database.open(Database.h2FileUrl(dir.resolve("fresh")), "sa", ""));
    }

    /** Loads two ranges into {@code store}; {@code empty} is a database with only the migrations. */
    static void loadTwoRanges(Database store, Database empty) {
        db = store;
        fresh = empty;
        CohortEngine engine = SharedSpark.engine();
        range(20, 1_000_001).writeDatabaseAndSnapshot(engine, db);
        second = range(30, 2_000_001).writeDatabaseAndSnapshot(engine, db);
        latestAfterLoad = engine.latestSnapshot(db).orElseThrow().id();
    }

    @AfterAll
    static void close() {
        db.close();
        fresh.close();
    }

    @Test
    void databaseParquetAndSnapshotCountsAgree() throws Exception {
        Snapshot snapshot = second.snapshot();
        assertEquals(50, snapshot.patientCount(), "the snapshot holds both ranges");
        assertEquals(count(db, "SELECT COUNT(*) FROM observation_fact"), snapshot.factCount());
        assertEquals(count(db, "SELECT COUNT(*) FROM observation_fact WHERE patient_num >= 2000001"), second.facts());
        for (String table : StarSchemaTables.COLUMNS.keySet()) {
            long parquet = SharedSpark.engine().spark().read().parquet(snapshot.table(table).toString()).count();
            assertEquals(count(db, "SELECT COUNT(*) FROM " + table), parquet, table);
        }
        assertEquals(count(db, "SELECT COUNT(*) FROM visit_dimension"),
                count(db, "SELECT COUNT(*) FROM encounter_mapping"));
        assertEquals(snapshot.id(), latestAfterLoad, "registered as the latest");
    }

    @Test
    void everyCodeHasAConceptAndEveryFactAVisit() throws Exception {
        assertEquals(0, count(db, "SELECT COUNT(*) FROM observation_fact f WHERE NOT EXISTS"
                + " (SELECT 1 FROM concept_dimension c WHERE c.concept_cd = f.concept_cd)"));
        assertEquals(0, count(db, "SELECT COUNT(*) FROM observation_fact f WHERE NOT EXISTS (SELECT 1 FROM"
                + " visit_dimension v WHERE v.encounter_num = f.encounter_num AND v.patient_num = f.patient_num)"));
        assertTrue(count(db, "SELECT COUNT(*) FROM concept_dimension WHERE concept_path LIKE"
                + " '\\SMART\\Lab results\\Serum or plasma\\%' ESCAPE '!'") > 10, "labs sit in their folder");
    }

    @Test
    void theIndexesAreThoseFlywayCreated() throws Exception {
        assertEquals(indexes(fresh), indexes(db));
        assertTrue(indexes(db).contains("observation_fact of_idx_concept_cd [concept_cd]"), indexes(db).toString());
        assertTrue(indexes(db).contains("observation_fact PRIMARY KEY [patient_num, concept_cd, modifier_cd,"
                + " start_date, encounter_num, instance_num, provider_id]"), indexes(db).toString());
    }

    /** Same types and same rows: what went into the database (COPY on PostgreSQL) is what the snapshot holds. */
    @Test
    void theSnapshotReadsLikeOneCopiedFromTheDatabase() {
        Snapshot copied = SharedSpark.engine().writeSnapshot(db);
        SparkSession spark = SharedSpark.engine().spark();
        for (String table : StarSchemaTables.COLUMNS.keySet()) {
            assertEquals(types(copied, table), types(second.snapshot(), table), table);
            Dataset<Row> fromDatabase = spark.read().parquet(copied.table(table).toString());
            Dataset<Row> generated = spark.read().parquet(second.snapshot().table(table).toString());
            assertEquals(0, fromDatabase.exceptAll(generated).count(), table);
            assertEquals(0, generated.exceptAll(fromDatabase).count(), table);
        }
    }

    @Test
    void aRangeInUseIsRefusedAndNothingChanges() throws Exception {
        long facts = count(db, "SELECT COUNT(*) FROM observation_fact");
        SyntheticDataException e = assertThrows(SyntheticDataException.class,
                () -> range(5, 2_000_010).writeDatabaseAndSnapshot(SharedSpark.engine(), db));
        assertTrue(e.getMessage().contains("already in use"), e.getMessage());
        assertEquals(facts, count(db, "SELECT COUNT(*) FROM observation_fact"));
        assertEquals(indexes(fresh), indexes(db));
    }

    private static SyntheticGenerator range(int patients, int first) {
        return SyntheticGenerator.builder().patients(patients).seed(5).factsPerPatient(200).firstPatientNum(first)
                .build();
    }

    private static List<String> types(Snapshot snapshot, String table) {
        StructType schema = SharedSpark.engine().spark().read().parquet(snapshot.table(table).toString()).schema();
        List<String> types = new ArrayList<>();
        for (StructField f : schema.fields()) {
            types.add(f.name().toLowerCase(Locale.ROOT) + " " + f.dataType().simpleString());
        }
        return types;
    }

    /**
     * Each index of the star schema's bulk-loaded tables as "table name [columns]", primary keys as
     * "table PRIMARY KEY [columns]" (their index names are generated), from the JDBC metadata of either database.
     */
    private static List<String> indexes(Database database) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            for (String name : List.of("observation_fact", "visit_dimension", "encounter_mapping", "patient_dimension",
                    "patient_mapping", "concept_dimension")) {
                String table = meta.storesUpperCaseIdentifiers() ? name.toUpperCase(Locale.ROOT) : name;
                Map<Short, String> key = new TreeMap<>();
                try (ResultSet rs = meta.getPrimaryKeys(null, c.getSchema(), table)) {
                    while (rs.next()) {
                        key.put(rs.getShort("KEY_SEQ"), rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                    }
                }
                rows.add(name + " PRIMARY KEY " + key.values());
                Map<String, Map<Short, String>> indexes = new TreeMap<>();
                try (ResultSet rs = meta.getIndexInfo(null, c.getSchema(), table, false, false)) {
                    while (rs.next()) {
                        if (rs.getBoolean("NON_UNIQUE") && rs.getString("INDEX_NAME") != null) {
                            indexes.computeIfAbsent(rs.getString("INDEX_NAME").toLowerCase(Locale.ROOT),
                                    k -> new TreeMap<>()).put(rs.getShort("ORDINAL_POSITION"),
                                    rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                        }
                    }
                }
                indexes.forEach((index, columns) -> rows.add(name + " " + index + " " + columns.values()));
            }
        }
        rows.sort(null);
        return rows;
    }

    private static long count(Database database, String sql) throws Exception {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
