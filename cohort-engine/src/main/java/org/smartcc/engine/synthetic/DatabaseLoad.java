package org.smartcc.engine.synthetic;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.smartcc.engine.internal.spark.StarSchemaTables;
import org.smartcc.store.Database;

/**
 * Writes a synthetic patient range into the star schema: refuses a range that is already in use, adds the missing
 * concepts, drops the fact and visit indexes, loads from every Spark task in parallel, rebuilds the indexes and checks
 * the row counts. On any failure it deletes the range again and restores the indexes before rethrowing.
 */
final class DatabaseLoad {

    /** Tables whose indexes are dropped during the load: the big ones (about 1,000 and 50 rows per patient). */
    private static final List<String> INDEXED_TABLES = List.of(StarSchemaTables.OBSERVATION_FACT,
            SyntheticSchema.VISIT_DIMENSION, SyntheticSchema.ENCOUNTER_MAPPING);

    private final Database db;
    private final int firstPatientNum;
    private final int lastPatientNum;
    private final Consumer<String> progress;

    DatabaseLoad(Database db, int firstPatientNum, int lastPatientNum, Consumer<String> progress) {
        this.db = db;
        this.firstPatientNum = firstPatientNum;
        this.lastPatientNum = lastPatientNum;
        this.progress = progress;
    }

    /**
     * What a load wrote ({@code written}: rows per table in {@link PartitionLoader#TABLES} order) and what the store
     * holds after it, this range and any other patients.
     */
    record Loaded(long[] written, long storeFacts, long storePatients) {
    }

    /** Loads every table and checks that the database holds what was written. */
    Loaded load(SparkSession spark, SyntheticTables tables) {
        try (Connection c = db.dataSource().getConnection()) {
            requireFreeRange(c);
            insertConcepts(c);
            BulkLoadIndexes indexes = BulkLoadIndexes.of(c, INDEXED_TABLES, db.dialect() == Database.Dialect.POSTGRESQL);
            indexes.drop(c);
            progress.accept("dropped " + indexes.indexes().size() + " indexes for the bulk load");
            long[] counts;
            try {
                PartitionLoader loader = new PartitionLoader(tables, db.jdbcUrl(), db.credentials(), db.dialect(),
                        Timestamp.valueOf(LocalDateTime.now()));
                counts = tables.indices(spark).javaRDD().mapPartitions(loader).reduce(DatabaseLoad::sum);
                progress.accept("wrote " + counts[4] + " facts; building indexes");
                rebuild(c, indexes);
            } catch (Exception e) { // SQL errors, and Spark's SparkException, which Scala throws unchecked
                undo(c, indexes);
                throw new SyntheticDataException("the database load of patients " + firstPatientNum + "-"
                        + lastPatientNum + " failed and was rolled back: " + rootMessage(e), e);
            }
            return verify(c, counts);
        } catch (SQLException e) {
            throw new SyntheticDataException("database error: " + e.getMessage(), e);
        }
    }

    private void requireFreeRange(Connection c) throws SQLException {
        for (String table : List.of(SyntheticSchema.PATIENT_DIMENSION, SyntheticSchema.PATIENT_MAPPING,
                StarSchemaTables.OBSERVATION_FACT, SyntheticSchema.RECORD_SOURCE)) {
            if (countInRange(c, table) > 0) {
                throw new SyntheticDataException("patient_num " + firstPatientNum + "-" + lastPatientNum
                        + " is already in use in " + table + "; choose another first patient number"
                        + " (--first-patient-num) or an empty database");
            }
        }
    }

    /** Concepts are shared with loaded records: add the missing paths, never change existing ones. */
    private void insertConcepts(Connection c) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO concept_dimension (concept_path, concept_cd,"
                + " name_char, import_date, sourcesystem_cd) SELECT ?, ?, ?, ?, ?"
                + " WHERE NOT EXISTS (SELECT 1 FROM concept_dimension WHERE concept_path = ?)")) {
            Timestamp now = Timestamp.valueOf(LocalDateTime.now());
            for (Row concept : SyntheticTables.conceptRows()) {
                ps.setString(1, concept.getString(0));
                ps.setString(2, concept.getString(1));
                ps.setString(3, concept.getString(2));
                ps.setTimestamp(4, now);
                ps.setString(5, concept.getString(3));
                ps.setString(6, concept.getString(0));
                ps.addBatch();
            }
            ps.executeBatch();
            c.commit();
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private void rebuild(Connection c, BulkLoadIndexes indexes) throws SQLException {
        if (db.dialect() != Database.Dialect.POSTGRESQL) {
            indexes.restore(c);
            return;
        }
        // two builds at a time with one parallel worker each, sorting in memory (measured: docs/benchmarks.md)
        indexes.restoreConcurrently(db.dataSource(), 2, List.of("SET LOCAL maintenance_work_mem = '1GB'",
                "SET LOCAL max_parallel_maintenance_workers = 1"));
        try (Statement s = c.createStatement()) {
            for (String table : PartitionLoader.TABLES) {
                s.execute("ANALYZE " + table);
            }
        }
    }

    private void undo(Connection c, BulkLoadIndexes indexes) {
        try {
            for (String table : PartitionLoader.TABLES) {
                String column = table.equals(SyntheticSchema.ENCOUNTER_MAPPING) ? "encounter_num" : "patient_num";
                long low = table.equals(SyntheticSchema.ENCOUNTER_MAPPING)
                        ? (long) firstPatientNum * SyntheticPatient.MAX_VISITS : firstPatientNum;
                long high = table.equals(SyntheticSchema.ENCOUNTER_MAPPING)
                        ? (long) (lastPatientNum + 1) * SyntheticPatient.MAX_VISITS - 1 : lastPatientNum;
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE " + column
                        + " BETWEEN ? AND ?")) {
                    ps.setLong(1, low);
                    ps.setLong(2, high);
                    ps.executeUpdate();
                }
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
            indexes.restore(c);
        } catch (SQLException e) {
            throw new SyntheticDataException("the database load failed and could not be rolled back (" + e.getMessage()
                    + "); delete patient_num " + firstPatientNum + "-" + lastPatientNum + " by hand", e);
        }
    }

    /** One scan per table gives both the range's rows and the store's (the snapshot is checked against those). */
    private Loaded verify(Connection c, long[] written) throws SQLException {
        long[] facts = countAllAndInRange(c, StarSchemaTables.OBSERVATION_FACT);
        long[] patients = countAllAndInRange(c, SyntheticSchema.PATIENT_DIMENSION);
        if (facts[1] != written[4] || patients[1] != written[0]) {
            throw new SyntheticDataException("the database holds " + patients[1] + " patients and " + facts[1]
                    + " facts of the synthetic range, but " + written[0] + " and " + written[4] + " were written");
        }
        long records = countInRange(c, SyntheticSchema.RECORD_SOURCE);
        if (records != written[5]) {
            throw new SyntheticDataException("the database holds " + records + " record_source rows of the synthetic"
                    + " range, but " + written[5] + " were written");
        }
        return new Loaded(written, facts[0], patients[0]);
    }

    private long[] countAllAndInRange(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*), SUM(CASE WHEN patient_num BETWEEN ? AND ?"
                + " THEN 1 ELSE 0 END) FROM " + table)) {
            ps.setInt(1, firstPatientNum);
            ps.setInt(2, lastPatientNum);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        }
    }

    private long countInRange(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table
                + " WHERE patient_num BETWEEN ? AND ?")) {
            ps.setInt(1, firstPatientNum);
            ps.setInt(2, lastPatientNum);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long[] sum(long[] a, long[] b) {
        long[] s = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            s[i] = a[i] + b[i];
        }
        return s;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
