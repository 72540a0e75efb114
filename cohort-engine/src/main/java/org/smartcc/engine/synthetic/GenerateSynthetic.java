package org.smartcc.engine.synthetic;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.smartcc.engine.CohortEngine;
import org.smartcc.engine.Snapshot;
import org.smartcc.store.Database;

/**
 * Command line for {@link SyntheticGenerator} ({@code bin/generate-synthetic}). By default it writes into the
 * embedded container's store ({@code <data>/db/smartcc}, {@code <data>/snapshots}, data folder from
 * {@code -Dsmartcc.data.dir}, else {@code ./data}); stop the container first, an H2 file database has one owner.
 */
public final class GenerateSynthetic {

    static final String USAGE = """
            usage: generate-synthetic --patients N [--seed S] [--facts-per-patient F] [--first-patient-num P]
                                      [--db JDBC_URL --db-user U --db-password P] [--snapshot-dir DIR] [--parquet-only]
                                      [--smart-records]
              --patients N           patients to generate (required)
              --seed S               random seed; the same seed gives the same data (default 1)
              --facts-per-patient F  average facts per patient (default 1000)
              --first-patient-num P  patient_num of the first patient (default 1000001)
              --db JDBC_URL          H2 or PostgreSQL store (default: the embedded container's H2 file)
              --db-user, --db-password  credentials (default sa and an empty password)
              --snapshot-dir DIR     where the Parquet snapshot goes (default <data>/snapshots)
              --parquet-only         write only the Parquet snapshot, no database (it is not registered)
              --smart-records        every patient is also a SMART record S<patient_num> with its statements' RDF,
                                     served by the SMART record API (database only; not with --parquet-only)""";

    private GenerateSynthetic() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command; returns the exit code (0 done, 1 failed, 2 bad arguments). */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("generate-synthetic: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (arguments == null) {
            out.println(USAGE);
            return 0;
        }
        Instant start = Instant.now();
        SyntheticGenerator generator = SyntheticGenerator.builder()
                .patients(arguments.patients).seed(arguments.seed).factsPerPatient(arguments.factsPerPatient)
                .firstPatientNum(arguments.firstPatientNum).smartRecords(arguments.smartRecords)
                .progress(m -> out.printf(Locale.ROOT, "[%6.1f s] %s%n", seconds(start), m))
                .build();
        try (CohortEngine engine = CohortEngine.builder().snapshotDirectory(arguments.snapshotDir).build()) {
            long facts;
            Snapshot snapshot;
            if (arguments.parquetOnly) {
                snapshot = generator.writeSnapshotOnly(engine);
                facts = snapshot.factCount();
            } else {
                try (Database db = Database.open(arguments.dbUrl, arguments.dbUser, arguments.dbPassword)) {
                    SyntheticGenerator.Result result = generator.writeDatabaseAndSnapshot(engine, db);
                    facts = result.facts();
                    snapshot = result.snapshot();
                }
            }
            double seconds = seconds(start);
            out.printf(Locale.ROOT, "snapshot %s at %s%n", snapshot.id(), snapshot.location());
            out.printf(Locale.ROOT, "done: %d patients, %d facts in %.1f s, %.0f facts/s%n",
                    arguments.patients, facts, seconds, facts / seconds);
            return 0;
        } catch (Exception e) { // Spark's SparkException too, which Scala throws unchecked
            err.println("generate-synthetic failed: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        }
    }

    private static double seconds(Instant start) {
        return Duration.between(start, Instant.now()).toMillis() / 1000.0;
    }

    /** Parsed and checked command-line arguments; defaults as in {@link #USAGE}. */
    record Arguments(long patients, long seed, int factsPerPatient, int firstPatientNum, String dbUrl, String dbUser,
                     String dbPassword, Path snapshotDir, boolean parquetOnly, boolean smartRecords) {

        /** The arguments, or null when help was asked for. */
        static Arguments parse(String[] args) {
            Path data = Path.of(System.getProperty("smartcc.data.dir", "data")).toAbsolutePath();
            Long patients = null;
            long seed = 1;
            int facts = SyntheticGenerator.DEFAULT_FACTS_PER_PATIENT;
            int first = SyntheticGenerator.DEFAULT_FIRST_PATIENT_NUM;
            String url = null;
            String user = "sa";
            String password = "";
            Path snapshots = data.resolve("snapshots");
            boolean parquetOnly = false;
            boolean smartRecords = false;
            for (int i = 0; i < args.length; i++) {
                String option = args[i];
                switch (option) {
                    case "--help", "-h" -> {
                        return null;
                    }
                    case "--parquet-only" -> parquetOnly = true;
                    case "--smart-records" -> smartRecords = true;
                    case "--patients" -> patients = number(option, value(args, ++i, option), 1, Integer.MAX_VALUE);
                    case "--seed" -> seed = number(option, value(args, ++i, option), Long.MIN_VALUE, Long.MAX_VALUE);
                    case "--facts-per-patient" -> facts = (int) number(option, value(args, ++i, option), 50, 100_000);
                    case "--first-patient-num" -> first = (int) number(option, value(args, ++i, option), 1,
                            SyntheticGenerator.MAX_PATIENT_NUM);
                    case "--db" -> url = value(args, ++i, option);
                    case "--db-user" -> user = value(args, ++i, option);
                    case "--db-password" -> password = value(args, ++i, option);
                    case "--snapshot-dir" -> snapshots = Path.of(value(args, ++i, option)).toAbsolutePath();
                    default -> throw new IllegalArgumentException("unknown option " + option);
                }
            }
            if (patients == null) {
                throw new IllegalArgumentException("--patients is required");
            }
            if (parquetOnly && url != null) {
                throw new IllegalArgumentException("--parquet-only writes no database; leave out --db");
            }
            if (parquetOnly && smartRecords) {
                throw new IllegalArgumentException("--smart-records stores the records' RDF in a database; leave out"
                        + " --parquet-only");
            }
            if (url == null) {
                url = Database.h2FileUrl(data.resolve("db").resolve("smartcc"));
            } else if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("--db must be a jdbc:h2: or jdbc:postgresql: URL");
            }
            if (first + patients - 1 > SyntheticGenerator.MAX_PATIENT_NUM) {
                throw new IllegalArgumentException("--first-patient-num " + first + " leaves no room for " + patients
                        + " patients (patient numbers end at " + SyntheticGenerator.MAX_PATIENT_NUM + ")");
            }
            return new Arguments(patients, seed, facts, first, url, user, password, snapshots, parquetOnly,
                    smartRecords);
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length || args[i].startsWith("--")) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }

        private static long number(String option, String text, long min, long max) {
            long value;
            try {
                value = Long.parseLong(text.replace("_", ""));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " expects a whole number, not '" + text + "'");
            }
            if (value < min || value > max) {
                throw new IllegalArgumentException(option + " must be between " + min + " and " + max + ", not "
                        + value);
            }
            return value;
        }
    }
}
