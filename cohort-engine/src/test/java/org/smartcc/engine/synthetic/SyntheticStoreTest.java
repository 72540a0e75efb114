package org.smartcc.engine.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartcc.engine.CohortEngine;
import org.smartcc.engine.SharedSpark;
import org.smartcc.engine.Snapshot;
import org.smartcc.engine.infrastructure.spark.StarSchemaTables;
import org.smartcc.store.infrastructure.jdbc.Database;

/** Two synthetic ranges loaded one after the other into an H2 store, each with its snapshot. */
class SyntheticStoreTest {

    @TempDir
    static Path dir;
    static Database db;
    static Database fresh;
    static SyntheticGenerator.Result second;
    static String latestAfterLoad;

    @BeforeAll
    static void loadTwoRanges() {
        db = Database.open(Database.h2FileUrl(dir.resolve("store")), "sa", "");
        fresh = Database.open(Database.h2FileUrl(dir.resolve("fresh")), "sa", "");
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
        assertTrue(indexes(db).contains("OBSERVATION_FACT OF_IDX_CONCEPT_CD INDEX [CONCEPT_CD]"));
    }

    @Test
    void theSnapshotReadsLikeOneCopiedFromTheDatabase() {
        Snapshot copied = SharedSpark.engine().writeSnapshot(db);
        for (String table : StarSchemaTables.COLUMNS.keySet()) {
            assertEquals(types(copied, table), types(second.snapshot(), table), table);
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

    /** Each index as "TABLE NAME TYPE [COLUMNS]"; primary keys by type only, their index names are generated. */
    private static List<String> indexes(Database database) throws Exception {
        String sql = "SELECT i.TABLE_NAME, i.INDEX_NAME, i.INDEX_TYPE_NAME, c.COLUMN_NAME FROM INFORMATION_SCHEMA.INDEXES i"
                + " JOIN INFORMATION_SCHEMA.INDEX_COLUMNS c ON c.INDEX_SCHEMA = i.INDEX_SCHEMA AND c.INDEX_NAME = i.INDEX_NAME"
                + " WHERE i.TABLE_SCHEMA = 'PUBLIC' ORDER BY i.TABLE_NAME, i.INDEX_NAME, c.ORDINAL_POSITION";
        List<String> rows = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            String current = null;
            List<String> columns = new ArrayList<>();
            while (rs.next()) {
                String type = rs.getString(3);
                String key = rs.getString(1) + " " + (type.equals("PRIMARY KEY") ? "" : rs.getString(2) + " ") + type;
                if (!key.equals(current) && current != null) {
                    rows.add(current + " " + columns);
                    columns = new ArrayList<>();
                }
                current = key;
                columns.add(rs.getString(4));
            }
            rows.add(current + " " + columns);
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
