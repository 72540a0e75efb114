package org.smartcc.engine.batch;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;
import org.smartcc.engine.CohortEngine;
import org.smartcc.engine.batch.ExportSources.PatientSet;
import org.smartcc.engine.batch.ExportSources.SnapshotFolder;
import org.smartcc.store.Database;
import org.smartcc.store.domain.CodedException;

/**
 * Writes one patient set's facts, patients and SMART statements as Parquet for analysis on a cluster, as a batch job:
 * {@code spark-submit --class org.smartcc.engine.batch.ExportPatientSet ...} (docs/population-batch.md). The set's
 * members come from the container's database, the data from its Parquet snapshot; {@code _manifest.json} is written
 * last. Spark settings come from spark-submit ({@code spark.*} system properties).
 */
public final class ExportPatientSet {

    /** Exit codes: written, failed while writing, bad arguments, refused (a coded error). */
    static final int OK = 0;
    static final int FAILED = 1;
    static final int BAD_ARGUMENTS = 2;
    static final int REFUSED = 3;

    static final String USAGE = """
            usage: export-set --set ID --db JDBC_URL [--db-user U] [--db-password P] --out DIR
                              [--snapshots DIR] [--snapshot SNAPSHOT_ID] [--overwrite]
              --set ID              the patient set: its qt_query_result_instance id (the cohort API's set id)
              --db JDBC_URL         the container database (H2 or PostgreSQL) that holds the set and the snapshots
              --out DIR             the output folder, new or empty: a local path or a Hadoop path (hdfs://, s3a://)
              --snapshots DIR       the container's snapshot folder as this job sees it (default: the location the
                                    container registered, as a local path)
              --snapshot ID         the snapshot to read (default: the latest registered one)
              --overwrite           replace what the output folder holds""";

    private ExportPatientSet() {
    }

    public static void main(String[] args) {
        CohortEngine[] engine = new CohortEngine[1];
        int code = run(args, System.out, System.err, () -> {
            engine[0] = CohortEngine.builder().config(RunQueryFile.sparkSubmitSettings())
                    .snapshotDirectory(Path.of(".")).build();
            return engine[0].spark();
        });
        if (engine[0] != null) {
            engine[0].close();
        }
        System.exit(code);
    }

    /**
     * Runs the command and returns its exit code.
     *
     * @param spark started only once the arguments are good and the set exists
     */
    static int run(String[] args, PrintStream out, PrintStream err, Supplier<SparkSession> spark) {
        Map<String, String> options;
        long setId;
        try {
            options = BatchArguments.parse(args, Set.of("--set", "--db", "--db-user", "--db-password", "--out",
                    "--snapshots", "--snapshot"), Set.of("--overwrite"), Set.of("--set", "--db", "--out"));
            setId = setId(options.get("--set"));
        } catch (IllegalArgumentException e) {
            err.println("export-set: " + e.getMessage());
            err.println(USAGE);
            return BAD_ARGUMENTS;
        }
        String output = options.get("--out");
        try (Database db = Database.open(options.get("--db"), options.getOrDefault("--db-user", "sa"),
                options.getOrDefault("--db-password", ""))) {
            PatientSet set = ExportSources.patientSet(db, setId);
            SparkSession session = spark.get();
            var hadoop = session.sparkContext().hadoopConfiguration();
            SnapshotFolder snapshot = ExportSources.snapshot(db, Optional.ofNullable(options.get("--snapshot")),
                    Optional.ofNullable(options.get("--snapshots")), hadoop);
            ExportSources.prepareOutput(output, options.containsKey("--overwrite"), hadoop);
            out.printf(Locale.ROOT, "exporting patient set %d (%d members) from snapshot %s to %s%n", set.id(),
                    set.members(), snapshot.id(), output);
            ExportManifest manifest = new PatientSetExport(session, db, set, snapshot, output).write();
            out.printf(Locale.ROOT, "written: %d facts, %d patients, %d statements (from the %s); %s%n",
                    manifest.rows(PatientSetExport.FACTS), manifest.rows(PatientSetExport.PATIENTS),
                    manifest.rows(PatientSetExport.STATEMENTS), manifest.statementsSource(), ExportManifest.FILE);
            return OK;
        } catch (CodedException e) {
            err.println("export-set: " + e.code() + ": " + e.getMessage());
            return REFUSED;
        } catch (Exception e) { // Spark's SparkException too, which Scala throws unchecked
            err.println("export-set: failed: " + e.getMessage() + " (no manifest was written to " + output + ")");
            return FAILED;
        }
    }

    private static long setId(String value) {
        try {
            long id = Long.parseLong(value);
            if (id <= 0) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--set must be a patient set id (a whole number above 0), not "
                    + value);
        }
    }
}
