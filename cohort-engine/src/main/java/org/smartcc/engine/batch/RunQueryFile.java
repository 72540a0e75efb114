package org.smartcc.engine.batch;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.smartcc.engine.CohortEngine;
import org.smartcc.engine.internal.jdbc.JdbcQueryRunStore;
import org.smartcc.engine.internal.jdbc.SnapshotRegistry;
import org.smartcc.engine.privacy.PrivacySettings;
import org.smartcc.engine.query.QueryDefinition;
import org.smartcc.engine.query.QueryDefinitionException;
import org.smartcc.engine.query.i2b2.I2b2QueryParser;
import org.smartcc.engine.query.json.QueryJson;
import org.smartcc.engine.run.CohortRuns;
import org.smartcc.engine.run.QueryRun;
import org.smartcc.engine.run.QueryStatus;
import org.smartcc.engine.run.ResultType;
import org.smartcc.engine.run.RunRequest;
import org.smartcc.engine.run.RunResult;
import org.smartcc.engine.run.RunSettings;
import org.smartcc.store.Database;

/**
 * Runs one query definition file (i2b2 XML or the engine's JSON) against the latest snapshot of a container database,
 * as a batch job: {@code spark-submit --class org.smartcc.engine.batch.RunQueryFile ...}. The run is stored like any
 * other (a query master, instance and results, the patient set in the database), the patient set is also written as
 * Parquet, and the counts are printed. Spark settings come from spark-submit ({@code spark.*} system properties).
 */
public final class RunQueryFile {

    static final String USAGE = """
            usage: run-query --query FILE --db JDBC_URL [--db-user U] [--db-password P] [--user NAME]
                             [--out DIR] [--timeout-minutes M]
              --query FILE          i2b2 query_definition (or a whole i2b2 request message) as .xml, or .json
              --db JDBC_URL         the container database (H2 or PostgreSQL) whose latest snapshot is queried
              --user NAME           who the run is stored for (default: batch); batch runs see exact counts
              --out DIR             also write the patient set there as Parquet (column patient_num)
              --timeout-minutes M   stop the run after M minutes (default 60)""";

    private RunQueryFile() {
    }

    public static void main(String[] args) {
        CohortEngine[] engine = new CohortEngine[1];
        int code = run(args, System.out, System.err, () -> {
            engine[0] = CohortEngine.builder().config(sparkSubmitSettings()).snapshotDirectory(Path.of(".")).build();
            return engine[0].spark();
        });
        if (engine[0] != null) {
            engine[0].close();
        }
        System.exit(code);
    }

    /**
     * Runs the command; returns the exit code (0 finished, 1 the run did not finish, 2 bad arguments).
     *
     * @param spark started only once the arguments are known to be good
     */
    static int run(String[] args, PrintStream out, PrintStream err, Supplier<SparkSession> spark) {
        Map<String, String> options;
        QueryDefinition definition;
        try {
            options = BatchArguments.parse(args, Set.of("--query", "--db", "--db-user", "--db-password", "--user",
                    "--out", "--timeout-minutes"), Set.of("--query", "--db"));
            definition = read(Path.of(options.get("--query")));
        } catch (IllegalArgumentException | QueryDefinitionException e) {
            err.println("run-query: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        Duration timeout = Duration.ofMinutes(Long.parseLong(options.getOrDefault("--timeout-minutes", "60")));
        try (Database db = Database.open(options.get("--db"), options.getOrDefault("--db-user", "sa"),
                options.getOrDefault("--db-password", ""));
             CohortRuns runs = new CohortRuns(spark.get(), new JdbcQueryRunStore(db), PrivacySettings.defaults(),
                     new RunSettings(1, timeout, false), () -> new SnapshotRegistry(db).latest(), Clock.systemUTC())) {
            List<ResultType> results = new ArrayList<>(List.of(ResultType.PATIENT_COUNT_XML, ResultType.PATIENTSET));
            QueryRun run = runs.submit(new RunRequest(definition, QueryJson.write(definition),
                    options.getOrDefault("--user", "batch"), Set.of("DATA_AGG"), results, Optional.of(timeout)));
            out.printf(Locale.ROOT, "run %d (query %d) on snapshot %s%n", run.instanceId(), run.masterId(),
                    run.snapshotId().orElse("?"));
            run.warnings().forEach(w -> out.println("warning: " + w));
            QueryRun done = runs.await(run.instanceId(), timeout.plusMinutes(1));
            for (RunResult result : done.results()) {
                out.printf(Locale.ROOT, "%s %s %s (result %d)%n", result.type(), result.status(),
                        result.setSize().map(c -> c.display()).orElse("-"), result.resultInstanceId());
            }
            if (done.status() != QueryStatus.FINISHED) {
                err.println("run-query: run " + done.instanceId() + " ended " + done.status() + ": "
                        + done.message().orElse(""));
                return 1;
            }
            if (options.containsKey("--out")) {
                long setId = done.results().stream().filter(r -> r.type() == ResultType.PATIENTSET).findFirst()
                        .orElseThrow().resultInstanceId();
                writeParquet(spark.get(), runs, setId, options.get("--out"));
                out.println("patient set written to " + options.get("--out"));
            }
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (Exception e) { // Spark's SparkException too, which Scala throws unchecked
            err.println("run-query: " + e.getMessage());
            return 1;
        }
    }

    static QueryDefinition read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return file.toString().toLowerCase(Locale.ROOT).endsWith(".json")
                    ? QueryJson.read(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    : I2b2QueryParser.parse(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("--query " + file + " cannot be read: " + e.getMessage());
        }
    }

    private static void writeParquet(SparkSession spark, CohortRuns runs, long setId, String out) {
        runs.store().setMembers(spark, setId, false).coalesce(1).sortWithinPartitions("set_index")
                .select("patient_num").write().mode(SaveMode.Overwrite).parquet(out);
    }

    /** spark-submit passes --master and --conf as {@code spark.*} system properties. */
    static Map<String, String> sparkSubmitSettings() {
        Map<String, String> settings = new java.util.LinkedHashMap<>();
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("spark."))
                .forEach(k -> settings.put(k, System.getProperty(k)));
        return settings;
    }
}
