package org.smartcc.engine.batch;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_extract_all;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.substring_index;

import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.smartcc.engine.batch.ExportSources.PatientSet;
import org.smartcc.engine.batch.ExportSources.SnapshotFolder;
import org.smartcc.engine.internal.jdbc.JdbcQueryRunStore;
import org.smartcc.engine.internal.spark.ParquetSnapshotWriter;
import org.smartcc.engine.internal.spark.SparkJdbc;
import org.smartcc.engine.internal.spark.StarSchemaTables;
import org.smartcc.store.ClinicalStore;
import org.smartcc.store.Database;

/**
 * Writes one patient set's facts, patients and SMART statements as Parquet, then the manifest. The members come from
 * the database; everything else from the snapshot (the statements from the database only when the snapshot has no
 * {@code observation_text}, as a snapshot of generated data has not). The members are broadcast to the tasks, so the
 * snapshot's facts are filtered where they lie and never shuffled by patient.
 */
final class PatientSetExport {

    static final String FACTS = "facts";
    static final String PATIENTS = "patients";
    static final String STATEMENTS = "statements";
    /** The partition column of {@link #FACTS}: a code's system, before its first colon: {@code RXNORM}, ... */
    static final String CONCEPT_PREFIX = "concept_prefix";
    /** The partition column of {@link #STATEMENTS}: {@code Medication}, {@code Problem}, ... */
    static final String STATEMENT_TYPE = "statement_type";
    /** Every statement URI the store holds starts with this base; the API serves it with its own base instead. */
    static final String STORED_URI_BASE = "urn:smartcc:api";
    private static final String STATEMENT_CONCEPT = "SMART:";

    private final SparkSession spark;
    private final Database database;
    private final PatientSet set;
    private final SnapshotFolder snapshot;
    private final String out;

    PatientSetExport(SparkSession spark, Database database, PatientSet set, SnapshotFolder snapshot, String out) {
        this.spark = spark;
        this.database = database;
        this.set = set;
        this.snapshot = snapshot;
        this.out = out;
    }

    /** Writes the three tables and, once all are complete, the manifest; returns the manifest. */
    ExportManifest write() {
        Dataset<Row> members = broadcast(new JdbcQueryRunStore(database).setMembers(spark, set.id(), false)
                .select("patient_num").distinct());
        int files = files();
        writeFacts(members, files);
        writePatients(members);
        boolean statementsFromSnapshot = ExportSources.exists(snapshot.table(StarSchemaTables.OBSERVATION_TEXT),
                spark.sparkContext().hadoopConfiguration());
        writeStatements(members, statementsFromSnapshot, files);
        ExportManifest manifest = ExportManifest.of(spark, set, snapshot, out,
                statementsFromSnapshot ? "snapshot" : "database");
        manifest.writeTo(out, spark.sparkContext().hadoopConfiguration());
        return manifest;
    }

    /** The snapshot's observation_fact columns, partitioned by concept prefix, sorted by patient and date in each. */
    private void writeFacts(Dataset<Row> members, int files) {
        Dataset<Row> facts = spark.read().parquet(snapshot.table(StarSchemaTables.OBSERVATION_FACT));
        Column[] columns = columns(StarSchemaTables.COLUMNS.get(StarSchemaTables.OBSERVATION_FACT));
        Dataset<Row> ofSet = facts.join(members, "patient_num").select(columns)
                .withColumn(CONCEPT_PREFIX, substring_index(col("concept_cd"), ":", 1));
        ofSet.repartitionByRange(files, col(CONCEPT_PREFIX), col("patient_num"))
                .sortWithinPartitions(CONCEPT_PREFIX, "patient_num", "start_date")
                .write().mode(SaveMode.ErrorIfExists).partitionBy(CONCEPT_PREFIX).parquet(path(FACTS));
    }

    /** The snapshot's patient_dimension columns and the SMART record id, one row per patient of the set. */
    private void writePatients(Dataset<Row> members) {
        Dataset<Row> patients = spark.read().parquet(snapshot.table("patient_dimension"));
        Column[] columns = columns(StarSchemaTables.COLUMNS.get("patient_dimension"));
        patients.join(members, "patient_num").select(columns).join(recordIds(), "patient_num", "left")
                .coalesce(1).sortWithinPartitions("patient_num")
                .write().mode(SaveMode.ErrorIfExists).parquet(path(PATIENTS));
    }

    /**
     * One row per SMART statement: its record, type, id, URI (the subject of its own triples), dates, and its RDF as
     * N-Triples with the number of triples, partitioned by statement type.
     */
    private void writeStatements(Dataset<Row> members, boolean fromSnapshot, int files) {
        Dataset<Row> text = fromSnapshot ? spark.read().parquet(snapshot.table(StarSchemaTables.OBSERVATION_TEXT))
                : statementFactsInTheDatabase();
        Column statementId = col("tval_char");
        Column uris = regexp_extract_all(col("observation_blob"),
                lit("<(" + STORED_URI_BASE + "/records/[^>]+)>"), lit(1));
        // the statement's own URI is the one that ends with its id; others are statements it links to
        Column subject = element_at(filter(uris, uri -> uri.endsWith(concat(lit("/"), statementId))), 1);
        Column triples = size(filter(split(col("observation_blob"), "\n"), line -> line.notEqual(lit(""))));
        text.filter(col("concept_cd").startsWith(STATEMENT_CONCEPT).and(col("modifier_cd").equalTo("@"))
                        .and(col("observation_blob").isNotNull()))
                .join(members, "patient_num")
                .join(recordIds(), "patient_num", "left")
                .select(col("record_id"), col("patient_num"),
                        substring_index(col("concept_cd"), ":", -1).as(STATEMENT_TYPE),
                        statementId.as("statement_id"), subject.as("subject"), col("encounter_num"),
                        col("instance_num"), col("start_date"), col("end_date"), triples.as("triples"),
                        col("observation_blob").as("ntriples"))
                .repartitionByRange(files, col(STATEMENT_TYPE), col("record_id"))
                .sortWithinPartitions("record_id", "start_date", "statement_id")
                .write().mode(SaveMode.ErrorIfExists).partitionBy(STATEMENT_TYPE).parquet(path(STATEMENTS));
    }

    /** The statement facts with their blobs, read over JDBC for a snapshot that lacks them (a constant query). */
    private Dataset<Row> statementFactsInTheDatabase() {
        Properties properties = SparkJdbc.properties(database);
        properties.setProperty("fetchsize", "1000");
        return spark.read().jdbc(database.jdbcUrl(), "(" + StarSchemaTables.OBSERVATION_TEXT_QUERY + ") t",
                properties);
    }

    /** patient_num to the SMART record id, for the patients that have one. */
    private Dataset<Row> recordIds() {
        return spark.read().parquet(snapshot.table("patient_mapping"))
                .filter(col("patient_ide_source").equalTo(ClinicalStore.SOURCE)
                        .and(col("project_id").equalTo(ClinicalStore.PROJECT)))
                .select(col("patient_num"), col("patient_ide").as("record_id"));
    }

    /**
     * How many files (tasks) the facts and the statements are written by: as many as the snapshot writer would use
     * for the set's share of the snapshot's facts, estimated without a pass over them.
     */
    private int files() {
        long patients = Math.max(1, spark.read().parquet(snapshot.table("patient_dimension")).count());
        long snapshotFacts = spark.read().parquet(snapshot.table(StarSchemaTables.OBSERVATION_FACT)).count();
        return ParquetSnapshotWriter.factFiles(snapshotFacts * Math.min(set.members(), patients) / patients);
    }

    private String path(String table) {
        return new org.apache.hadoop.fs.Path(out, table).toString();
    }

    private static Column[] columns(String list) {
        List<String> names = Arrays.stream(list.split(",")).map(String::trim).toList();
        return names.stream().map(name -> col(name)).toArray(Column[]::new);
    }
}
