package org.smartcc.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.smartcc.engine.CohortEngine;
import org.smartcc.engine.synthetic.SyntheticGenerator;
import org.smartcc.store.Database;

/**
 * Throughput of the synthetic generator in one JVM and one Spark session: generation alone (the baseline: every fact
 * made and counted, nothing written), then a Parquet-only snapshot, then database + snapshot, each at every size.
 * Prints facts/s and each mode's speed relative to the baseline. A small unreported round first warms up the JIT.
 *
 * <p>Arguments: {@code [--patients 2000,10000] [--facts-per-patient 1000] [--seed 1]
 * [--scratch-db JDBC_URL --db-user U --db-password P]}. Without {@code --scratch-db} each database run gets a new H2
 * file in a temporary folder; a scratch database is EMPTIED before each run.
 */
public final class GeneratorBenchmark {

    private record Figure(long patients, String mode, long facts, double seconds) {
    }

    private final List<Long> sizes = new ArrayList<>(List.of(2_000L, 10_000L));
    private int factsPerPatient = SyntheticGenerator.DEFAULT_FACTS_PER_PATIENT;
    private long seed = 1;
    private String scratchDb;
    private String dbUser = "sa";
    private String dbPassword = "";

    public static void main(String[] args) throws Exception {
        GeneratorBenchmark bench = new GeneratorBenchmark();
        try {
            bench.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench-generator: " + e.getMessage());
            System.err.println("usage: bench-generator [--patients 2000,10000] [--facts-per-patient 1000] [--seed 1]"
                    + " [--scratch-db JDBC_URL --db-user U --db-password P]");
            System.exit(2);
        }
        bench.run();
        System.exit(0);
    }

    private void parse(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            if (value == null) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            switch (args[i++]) {
                case "--patients" -> {
                    sizes.clear();
                    for (String s : value.split(",")) {
                        sizes.add(Long.parseLong(s.trim().replace("_", "")));
                    }
                }
                case "--facts-per-patient" -> factsPerPatient = Integer.parseInt(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--scratch-db" -> scratchDb = value;
                case "--db-user" -> dbUser = value;
                case "--db-password" -> dbPassword = value;
                default -> throw new IllegalArgumentException("unknown option " + args[i - 1]);
            }
        }
    }

    private void run() throws Exception {
        Path work = Files.createTempDirectory("smartcc-bench-generator");
        List<Figure> figures = new ArrayList<>();
        try (CohortEngine engine = CohortEngine.builder().snapshotDirectory(work.resolve("snapshots")).build()) {
            System.out.printf(Locale.ROOT, "warming up (200 patients, not reported)%n");
            measureAll(engine, work, 200, new ArrayList<>());
            for (long patients : sizes) {
                measureAll(engine, work, patients, figures);
            }
        } finally {
            delete(work);
        }
        print(figures);
    }

    private void measureAll(CohortEngine engine, Path work, long patients, List<Figure> figures) throws Exception {
        long start = System.nanoTime();
        SyntheticGenerator generator = SyntheticGenerator.builder().patients(patients).seed(seed)
                .factsPerPatient(factsPerPatient)
                .progress(m -> System.out.printf(Locale.ROOT, "    [%6.1f s] %s%n", (System.nanoTime() - start) / 1e9, m))
                .build();
        figures.add(measure(patients, "generate only (baseline)", () -> generator.countFacts(engine.spark())));
        figures.add(measure(patients, "Parquet snapshot only", () -> generator.writeSnapshotOnly(engine).factCount()));
        String url = scratchDb != null ? scratchDb
                : Database.h2FileUrl(Files.createTempDirectory(work, "h2-").resolve("smartcc"));
        try (Database db = Database.open(url, dbUser, dbPassword)) {
            if (scratchDb != null) {
                empty(db);
            }
            String mode = (db.dialect() == Database.Dialect.H2 ? "H2" : "PostgreSQL") + " + Parquet snapshot";
            figures.add(measure(patients, mode, () -> generator.writeDatabaseAndSnapshot(engine, db).facts()));
        }
    }

    private static Figure measure(long patients, String mode, LongSupplier run) {
        System.out.printf(Locale.ROOT, "%,d patients: %s ...%n", patients, mode);
        long start = System.nanoTime();
        long facts = run.getAsLong();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "  %,d facts in %.1f s = %,.0f facts/s%n", facts, seconds, facts / seconds);
        return new Figure(patients, mode, facts, seconds);
    }

    private static void print(List<Figure> figures) {
        System.out.println();
        System.out.printf(Locale.ROOT, "| patients | mode | facts | seconds | facts/s | vs baseline |%n");
        System.out.printf(Locale.ROOT, "|---:|---|---:|---:|---:|---:|%n");
        double baseline = 0;
        for (Figure f : figures) {
            double rate = f.facts() / f.seconds();
            if (f.mode().startsWith("generate only")) {
                baseline = rate;
            }
            System.out.printf(Locale.ROOT, "| %,d | %s | %,d | %.1f | %,.0f | %.2f |%n", f.patients(), f.mode(),
                    f.facts(), f.seconds(), rate, rate / baseline);
        }
    }

    /** A scratch database's star schema is emptied so that every run starts from the same state. */
    private static void empty(Database db) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String table : List.of("observation_fact", "visit_dimension", "patient_dimension", "patient_mapping",
                    "encounter_mapping", "concept_dimension", "parquet_snapshot")) {
                s.execute((db.dialect() == Database.Dialect.H2 ? "DELETE FROM " : "TRUNCATE ") + table);
            }
        }
    }

    private static void delete(Path folder) throws IOException {
        try (var paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
