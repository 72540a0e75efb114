package org.smartcc.engine.synthetic;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.smartcc.engine.CohortEngine;
import org.smartcc.engine.Snapshot;
import org.smartcc.engine.internal.jdbc.SnapshotRegistry;
import org.smartcc.engine.internal.spark.FactKey;
import org.smartcc.engine.internal.spark.ParquetSnapshotWriter;
import org.smartcc.engine.internal.spark.SparkJdbc;
import org.smartcc.engine.internal.spark.StarSchemaTables;
import org.smartcc.store.Database;

/**
 * Deterministic synthetic patients (docs/synthetic-data.md): the same builder settings give the same rows, whatever
 * the Spark partitioning. Writes them into the star schema and into a new Parquet snapshot that is registered only
 * once both are complete and agree.
 */
public final class SyntheticGenerator {

    public static final int DEFAULT_FACTS_PER_PATIENT = 1000;
    /** Above the sample records' patient_num (a sequence from 1), so both fit in one store. */
    public static final int DEFAULT_FIRST_PATIENT_NUM = 1_000_001;
    /** encounter_num is patient_num * 128 + visit, which must fit an INTEGER. */
    public static final int MAX_PATIENT_NUM = Integer.MAX_VALUE / SyntheticPatient.MAX_VISITS - 1;
    private static final Set<String> SHARED_DIMENSIONS = Set.of(SyntheticSchema.CONCEPT_DIMENSION,
            SyntheticSchema.MODIFIER_DIMENSION, SyntheticSchema.PROVIDER_DIMENSION);

    /** What a database run wrote. */
    public record Result(long patients, long visits, long facts, Snapshot snapshot) {
    }

    private final long patients;
    private final long seed;
    private final int factsPerPatient;
    private final int firstPatientNum;
    private final boolean smartRecords;
    private final Consumer<String> progress;
    private final SyntheticTables tables;

    private SyntheticGenerator(Builder b) {
        this.patients = b.patients;
        this.seed = b.seed;
        this.factsPerPatient = b.factsPerPatient;
        this.firstPatientNum = b.firstPatientNum;
        this.smartRecords = b.smartRecords;
        this.progress = b.progress;
        this.tables = new SyntheticTables(patients, seed, firstPatientNum, factsPerPatient, smartRecords);
    }

    public static Builder builder() {
        return new Builder();
    }

    public long patients() {
        return patients;
    }

    public int lastPatientNum() {
        return (int) (firstPatientNum + patients - 1);
    }

    /** The generated tables, computed lazily by Spark: every table of {@link StarSchemaTables#COLUMNS}. */
    public Map<String, Dataset<Row>> tables(SparkSession spark) {
        return tables.all(spark);
    }

    /** Generates every fact and counts them, writing nothing: the benchmark's baseline. */
    public long countFacts(SparkSession spark) {
        return tables.facts(tables.indices(spark)).count();
    }

    /** Writes the generated tables as a snapshot, without a database; the snapshot is not registered anywhere. */
    public Snapshot writeSnapshotOnly(CohortEngine engine) {
        progress.accept("writing the Parquet snapshot");
        long facts = patients * factsPerPatient;
        return new ParquetSnapshotWriter(engine.spark(), engine.snapshotDirectory())
                .write(tables(engine.spark()), facts, tables.factBounds(factFiles(engine.spark(), facts)));
    }

    /**
     * Loads the patients into the database, then writes a snapshot of the whole store (these patients and any it
     * already held) and registers it as the latest. A failed load is rolled back; a failed snapshot leaves the loaded
     * patients in the database and the previous snapshot registered.
     */
    public Result writeDatabaseAndSnapshot(CohortEngine engine, Database db) {
        SparkSession spark = engine.spark();
        progress.accept("loading patient_num " + firstPatientNum + "-" + lastPatientNum() + " into the database");
        DatabaseLoad.Loaded loaded = new DatabaseLoad(db, firstPatientNum, lastPatientNum(), progress)
                .load(spark, tables);
        long[] counts = loaded.written();
        progress.accept("database loaded; writing the Parquet snapshot");
        long storeFacts = loaded.storeFacts();
        long storePatients = loaded.storePatients();
        // the generator knows how its facts spread; facts of other patients would need Spark's sampling
        List<FactKey> bounds = storeFacts == counts[4] ? tables.factBounds(factFiles(spark, storeFacts)) : null;
        Snapshot snapshot = new ParquetSnapshotWriter(spark, engine.snapshotDirectory())
                .write(snapshotTables(spark, db), storeFacts, bounds);
        if (snapshot.factCount() != storeFacts || snapshot.patientCount() != storePatients) {
            deleteQuietly(snapshot);
            throw new SyntheticDataException("snapshot " + snapshot.id() + " holds " + snapshot.patientCount()
                    + " patients and " + snapshot.factCount() + " facts but the database " + storePatients + " and "
                    + storeFacts + "; it was deleted and not registered (the patients stay in the database)");
        }
        new SnapshotRegistry(db).register(snapshot);
        return new Result(counts[0], counts[2], counts[4], snapshot);
    }

    /** The writer's number of fact files, rounded up to whole waves of tasks so that no core idles at the end. */
    private static int factFiles(SparkSession spark, long facts) {
        int cores = spark.sparkContext().defaultParallelism();
        return (ParquetSnapshotWriter.factFiles(facts) + cores - 1) / cores * cores;
    }

    /** The generated rows plus what the store held before (other patients, shared dimensions), read over JDBC. */
    private Map<String, Dataset<Row>> snapshotTables(SparkSession spark, Database db) {
        Map<String, Dataset<Row>> generated = tables(spark);
        Properties properties = SparkJdbc.properties(db);
        properties.setProperty("fetchsize", "10000");
        Map<String, Dataset<Row>> result = new LinkedHashMap<>();
        StarSchemaTables.COLUMNS.forEach((table, columns) -> {
            boolean shared = SHARED_DIMENSIONS.contains(table);
            String query = "(SELECT " + columns + " FROM " + table + (shared ? "" : " WHERE patient_num NOT BETWEEN "
                    + firstPatientNum + " AND " + lastPatientNum()) + ") t";
            Dataset<Row> stored = spark.read().jdbc(db.jdbcUrl(), query, properties)
                    .toDF(SyntheticSchema.columns(table));
            result.put(table, shared ? stored : generated.get(table).union(stored));
        });
        return result;
    }

    private static void deleteQuietly(Snapshot snapshot) {
        try (var paths = Files.walk(snapshot.location())) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // an unregistered snapshot is never read; the message already tells the user
        }
    }

    /** Settings of a run; only the patient count is required. */
    public static final class Builder {

        private long patients = -1;
        private long seed = 1;
        private int factsPerPatient = DEFAULT_FACTS_PER_PATIENT;
        private int firstPatientNum = DEFAULT_FIRST_PATIENT_NUM;
        private boolean smartRecords;
        private Consumer<String> progress = message -> { };

        private Builder() {
        }

        public Builder patients(long count) {
            this.patients = count;
            return this;
        }

        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /** Average facts per patient; each patient gets between about a third and three times as many. */
        public Builder factsPerPatient(int count) {
            this.factsPerPatient = count;
            return this;
        }

        public Builder firstPatientNum(int patientNum) {
            this.firstPatientNum = patientNum;
            return this;
        }

        /**
         * Every patient is also a SMART record {@code S<patient_num>} that the record API serves: mapped as the
         * SMART loader maps records, statement facts with their RDF, a record_source row (docs/synthetic-data.md).
         * Off by default: the statements' RDF makes the database about three times as large and the load slower.
         */
        public Builder smartRecords(boolean on) {
            this.smartRecords = on;
            return this;
        }

        public Builder progress(Consumer<String> listener) {
            this.progress = listener;
            return this;
        }

        public SyntheticGenerator build() {
            if (patients < 1) {
                throw new IllegalArgumentException("the number of patients must be at least 1, not " + patients);
            }
            if (factsPerPatient < 50 || factsPerPatient > 100_000) {
                throw new IllegalArgumentException("facts per patient must be between 50 and 100000, not "
                        + factsPerPatient);
            }
            if (firstPatientNum < 1 || firstPatientNum + patients - 1 > MAX_PATIENT_NUM) {
                throw new IllegalArgumentException("patient_num " + firstPatientNum + " to "
                        + (firstPatientNum + patients - 1) + " does not fit: patient numbers must lie in 1-"
                        + MAX_PATIENT_NUM);
            }
            return new SyntheticGenerator(this);
        }
    }
}
