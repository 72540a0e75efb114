package org.smartcc.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import org.smartcc.engine.CohortEngine;
import org.smartcc.engine.Snapshot;
import org.smartcc.engine.query.QueryDefinition;
import org.smartcc.engine.query.i2b2.I2b2QueryParser;
import org.smartcc.engine.query.spark.CohortPlan;
import org.smartcc.engine.query.spark.PatientSetPlanner;
import org.smartcc.engine.synthetic.SyntheticGenerator;
import org.smartcc.store.Database;

/**
 * Cohort queries on the warm engine next to the same queries as i2b2-style SQL on PostgreSQL (the baseline,
 * {@link I2b2TempTableSql}), over the same synthetic data in the same run: p50 and p95 per query class
 * ({@link CohortQueryClasses}), and a check that all give the same count. The SQL runs twice: with the concept codes
 * looked up inside each query as i2b2 writes it, and with the codes inlined as literals, as the engine filters. A
 * count that differs is a correctness error: it is printed loudly and the program exits with status 1.
 *
 * <p>Each size is generated afresh with a fixed seed into the PostgreSQL database (which is EMPTIED first) and a new
 * Parquet snapshot; {@code --reuse} measures the data and the latest snapshot the database already holds.
 */
public final class CohortBenchmark {

    static final String USAGE = """
            usage: bench-cohort --db JDBC_URL [--db-user U --db-password P] [--patients 10000[,100000]] [--reuse]
                                [--snapshot-dir DIR] [--seed 1] [--rounds 20] [--warmup 3] [--budget-seconds 60]
                                [--skip-sql] [--explain] [--spark KEY=VALUE]...
              --db JDBC_URL        a PostgreSQL database; without --reuse it is EMPTIED and filled per size
              --patients N[,N]     sizes to generate and measure (default 10000)
              --reuse              measure what the database and its latest snapshot hold; generate nothing
              --snapshot-dir DIR   where generated snapshots go (default <tmp>/smartcc-bench-cohort/snapshots)
              --rounds N           measured runs per query class and engine (default 20), after --warmup runs
              --budget-seconds S   per class and engine, start no further warm-up run after S seconds of warm-up and
                                   no further measured run after S seconds of measuring (default 60); at least one
                                   warm-up and one measured run always happen
              --skip-sql           the engine only, no baseline and no count check
              --explain            print the engine's physical plan of each query class
              --spark KEY=VALUE    a Spark setting for the engine (spark.master is local[2] unless set)""";

    /** The times of one engine on one query class, in nanoseconds, and the count of every run. */
    private record Runs(List<Long> nanos, List<Long> counts) {

        long percentile(int p) {
            List<Long> sorted = nanos.stream().sorted().toList();
            return sorted.get(Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
        }

        boolean consistent() {
            return counts.stream().distinct().count() == 1;
        }
    }

    /** The baselines are null with {@code --skip-sql}. */
    private record Result(String queryClass, Runs spark, Runs i2b2Sql, Runs inlinedSql) {

        boolean countsAgree() {
            return spark.consistent() && agrees(i2b2Sql) && agrees(inlinedSql);
        }

        private boolean agrees(Runs sql) {
            return sql == null || sql.consistent() && sql.counts().get(0).equals(spark.counts().get(0));
        }
    }

    private final List<Long> sizes = new ArrayList<>(List.of(10_000L));
    private final Map<String, String> sparkSettings = new LinkedHashMap<>(Map.of("spark.master", "local[2]"));
    private String dbUrl;
    private String dbUser = "sa";
    private String dbPassword = "";
    private boolean reuse;
    private Path snapshotDir = Path.of(System.getProperty("java.io.tmpdir"), "smartcc-bench-cohort", "snapshots");
    private long seed = 1;
    private int rounds = 20;
    private int warmup = 3;
    private long budgetNanos = 60_000_000_000L;
    private boolean skipSql;
    private boolean explain;

    public static void main(String[] args) throws Exception {
        CohortBenchmark bench = new CohortBenchmark();
        try {
            bench.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench-cohort: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
        }
        System.exit(bench.run() ? 0 : 1);
    }

    private void parse(String[] args) {
        boolean sizesGiven = false;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--reuse" -> reuse = true;
                case "--skip-sql" -> skipSql = true;
                case "--explain" -> explain = true;
                default -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(option + " needs a value");
                    }
                    String value = args[++i];
                    switch (option) {
                        case "--patients" -> {
                            sizesGiven = true;
                            sizes.clear();
                            for (String s : value.split(",")) {
                                sizes.add(Long.parseLong(s.trim().replace("_", "")));
                            }
                        }
                        case "--db" -> dbUrl = value;
                        case "--db-user" -> dbUser = value;
                        case "--db-password" -> dbPassword = value;
                        case "--snapshot-dir" -> snapshotDir = Path.of(value).toAbsolutePath();
                        case "--seed" -> seed = Long.parseLong(value);
                        case "--rounds" -> rounds = Math.max(1, Integer.parseInt(value));
                        case "--warmup" -> warmup = Math.max(1, Integer.parseInt(value));
                        case "--budget-seconds" -> budgetNanos = Long.parseLong(value) * 1_000_000_000L;
                        case "--spark" -> {
                            int eq = value.indexOf('=');
                            if (eq < 1 || !value.startsWith("spark.")) {
                                throw new IllegalArgumentException("--spark expects spark.KEY=VALUE, not " + value);
                            }
                            sparkSettings.put(value.substring(0, eq), value.substring(eq + 1));
                        }
                        default -> throw new IllegalArgumentException("unknown option " + option);
                    }
                }
            }
        }
        if (dbUrl == null || !dbUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("--db must name a PostgreSQL database (jdbc:postgresql://...)");
        }
        if (reuse && sizesGiven) {
            throw new IllegalArgumentException("--reuse measures the data already there; leave out --patients");
        }
    }

    /** Runs every size; false if a count differed between the engine and the baseline. */
    private boolean run() throws Exception {
        boolean agree = true;
        try (CohortEngine engine = CohortEngine.builder().config(sparkSettings).snapshotDirectory(snapshotDir).build();
                Database db = Database.open(dbUrl, dbUser, dbPassword)) {
            if (reuse) {
                agree = measure(engine, db);
            } else {
                for (long patients : sizes) {
                    generate(engine, db, patients);
                    agree &= measure(engine, db);
                }
            }
        }
        if (!agree) {
            System.out.println();
            System.out.println("!!! COUNT MISMATCH: the engine and the SQL baseline disagree (rows marked MISMATCH)."
                    + " This is a correctness error.");
        }
        return agree;
    }

    private void generate(CohortEngine engine, Database db, long patients) throws SQLException, IOException {
        empty(db);
        long start = System.nanoTime();
        System.out.printf(Locale.ROOT, "%n== generating %,d patients (seed %d) into %s ==%n", patients, seed, dbUrl);
        SyntheticGenerator.Result result = SyntheticGenerator.builder().patients(patients).seed(seed)
                .progress(m -> System.out.printf(Locale.ROOT, "    [%6.1f s] %s%n", seconds(start), m))
                .build().writeDatabaseAndSnapshot(engine, db);
        System.out.printf(Locale.ROOT, "  %,d facts in %.1f s%n", result.facts(), seconds(start));
    }

    private boolean measure(CohortEngine engine, Database db) throws SQLException {
        Snapshot snapshot = engine.latestSnapshot(db).orElseThrow(() -> new IllegalStateException(
                "the database has no registered Parquet snapshot; run without --reuse to generate one"));
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            if (!skipSql) {
                long start = System.nanoTime();
                // a settled visibility map and statistics, whenever autovacuum last ran: as after an i2b2 load
                s.execute("VACUUM ANALYZE observation_fact");
                System.out.printf(Locale.ROOT, "VACUUM ANALYZE observation_fact: %.1f s%n", seconds(start));
            }
            System.out.printf(Locale.ROOT, "%n== %,d patients, %,d facts (snapshot %s) ==%n", snapshot.patientCount(),
                    snapshot.factCount(), snapshot.id());
            System.out.printf(Locale.ROOT, "%d cores, Java %s, Spark %s (%s), %s; load average before: %s%n",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                    engine.spark().version(), engine.spark().conf().get("spark.master"),
                    skipSql ? "no SQL baseline" : "PostgreSQL " + single(s, "SHOW server_version") + " (work_mem "
                            + single(s, "SHOW work_mem") + ", shared_buffers " + single(s, "SHOW shared_buffers")
                            + ")", loadAverage());
            System.out.printf(Locale.ROOT, "up to %d warm-up and %d measured runs per class and engine, each phase"
                    + " stopped after %d s%n", warmup, rounds, budgetNanos / 1_000_000_000L);
            PatientSetPlanner planner = new PatientSetPlanner(engine.spark(), snapshot);
            List<Result> results = new ArrayList<>();
            for (CohortQueryClasses.QueryClass queryClass : CohortQueryClasses.ALL) {
                results.add(measure(queryClass, planner, c, s));
            }
            System.out.printf(Locale.ROOT, "load average after: %s%n", loadAverage());
            print(snapshot, results);
            return results.stream().allMatch(Result::countsAgree);
        }
    }

    private Result measure(CohortQueryClasses.QueryClass queryClass, PatientSetPlanner planner, Connection c,
                           Statement s) {
        QueryDefinition query = I2b2QueryParser.parse(new ByteArrayInputStream(
                queryClass.xml().getBytes(StandardCharsets.UTF_8)));
        CohortPlan plan = planner.plan(query);
        if (!plan.warnings().isEmpty()) {
            // a concept the ontology lacks matches nobody: the data are not the synthetic generator's
            throw new IllegalStateException(queryClass.name() + ": " + plan.warnings());
        }
        if (explain) {
            System.out.println("-- " + queryClass.name() + ": the engine's physical plan");
            plan.patients().explain();
        }
        System.out.printf(Locale.ROOT, "%s: engine ...", queryClass.name());
        Runs spark = runs(() -> planner.plan(query).patients().count());
        System.out.printf(Locale.ROOT, " %,d patients, p50 %,.0f ms", spark.counts().get(0),
                spark.percentile(50) / 1e6);
        Runs i2b2Sql = null;
        Runs inlinedSql = null;
        if (!skipSql) {
            i2b2Sql = sqlRuns("i2b2 SQL", I2b2TempTableSql.of(query, I2b2TempTableSql.I2B2_SUBQUERY), s);
            inlinedSql = sqlRuns("inlined SQL", I2b2TempTableSql.of(query, I2b2TempTableSql.inlinedCodes(c)), s);
        }
        System.out.println();
        Result result = new Result(queryClass.name(), spark, i2b2Sql, inlinedSql);
        if (!result.countsAgree()) {
            System.out.printf(Locale.ROOT, "!!! %s: COUNT MISMATCH, engine %s, %s%n", queryClass.name(),
                    distinct(spark), skipSql ? "" : "i2b2 SQL " + distinct(i2b2Sql) + ", inlined SQL "
                            + distinct(inlinedSql));
        }
        return result;
    }

    private Runs sqlRuns(String label, I2b2TempTableSql.Script script, Statement s) {
        System.out.print("; " + label + " ...");
        Runs sql = runs(() -> runSql(s, script));
        System.out.printf(Locale.ROOT, " %,d patients, p50 %,.0f ms", sql.counts().get(0), sql.percentile(50) / 1e6);
        return sql;
    }

    private static List<Long> distinct(Runs runs) {
        return runs.counts().stream().distinct().toList();
    }

    /** Warm-up runs, then measured runs, each phase within the time budget; at least one run in each. */
    private Runs runs(LongSupplier run) {
        long start = System.nanoTime();
        List<Long> counts = new ArrayList<>();
        for (int i = 0; i < warmup && (i == 0 || System.nanoTime() - start < budgetNanos); i++) {
            counts.add(run.getAsLong());
        }
        start = System.nanoTime();
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < rounds && (i == 0 || System.nanoTime() - start < budgetNanos); i++) {
            long t = System.nanoTime();
            counts.add(run.getAsLong());
            nanos.add(System.nanoTime() - t);
        }
        return new Runs(nanos, counts);
    }

    private static long runSql(Statement s, I2b2TempTableSql.Script script) {
        try {
            for (String statement : script.fill()) {
                s.execute(statement);
            }
            long count;
            try (ResultSet rs = s.executeQuery(script.count())) {
                rs.next();
                count = rs.getLong(1);
            }
            for (String statement : script.drop()) {
                s.execute(statement);
            }
            return count;
        } catch (SQLException e) {
            throw new IllegalStateException("SQL baseline failed: " + e.getMessage() + "\n" + script, e);
        }
    }

    private void print(Snapshot snapshot, List<Result> results) {
        System.out.println();
        System.out.printf(Locale.ROOT, "%,d patients, %,d facts (times in ms; n measured runs):%n%n",
                snapshot.patientCount(), snapshot.factCount());
        System.out.println("| query class | patients | engine p50 | p95 | n | i2b2 SQL p50 | p95 | n | inlined SQL p50"
                + " | p95 | n | i2b2 SQL / engine | inlined SQL / engine | counts |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        for (Result r : results) {
            Runs spark = r.spark();
            String counts = skipSql ? "not checked" : r.countsAgree() ? "equal" : "**MISMATCH** engine "
                    + distinct(spark) + ", i2b2 SQL " + distinct(r.i2b2Sql()) + ", inlined SQL "
                    + distinct(r.inlinedSql());
            System.out.printf(Locale.ROOT, "| %s | %,d | %s | %s | %s | %s | %s | %s |%n", r.queryClass(),
                    spark.counts().get(0), times(spark), times(r.i2b2Sql()), times(r.inlinedSql()),
                    ratio(r.i2b2Sql(), spark), ratio(r.inlinedSql(), spark), counts);
        }
    }

    /** p50, p95 and n as three table cells. */
    private static String times(Runs runs) {
        return runs == null ? "- | - | -" : String.format(Locale.ROOT, "%,.0f | %,.0f | %d", runs.percentile(50) / 1e6,
                runs.percentile(95) / 1e6, runs.nanos().size());
    }

    private static String ratio(Runs sql, Runs spark) {
        return sql == null ? "-" : String.format(Locale.ROOT, "%.2f×", (double) sql.percentile(50)
                / spark.percentile(50));
    }

    /**
     * A scratch database is emptied so that every size starts from the same state, together with the snapshots it
     * registered. A database that holds loaded SMART records is no scratch database and is left alone.
     */
    private static void empty(Database db) throws SQLException, IOException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            if (Long.parseLong(single(s, "SELECT COUNT(*) FROM record_source")) > 0) {
                throw new IllegalStateException("the database holds loaded SMART records; the benchmark empties its"
                        + " database, so give it a scratch database (bin/test-postgres start PORT)");
            }
            List<Path> snapshots = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT location FROM parquet_snapshot")) {
                while (rs.next()) {
                    snapshots.add(Path.of(rs.getString(1)));
                }
            }
            for (Path snapshot : snapshots) {
                delete(snapshot);
            }
            s.execute("TRUNCATE observation_fact, visit_dimension, patient_dimension, patient_mapping,"
                    + " encounter_mapping, concept_dimension, parquet_snapshot");
        }
    }

    private static String single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** The 1, 5 and 15 minute load averages, or "n/a" off Linux: other work on the cores skews the figures. */
    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "n/a";
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (var paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
