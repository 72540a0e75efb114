package org.smartcc.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * One cohort engine (one local SparkSession) for every unit test in the JVM: Spark takes seconds to start, and
 * tests run in one surefire fork.
 */
public final class SharedSpark {

    /** The day on which the shared engine counts demographic ages: fixed, so that counts do not change with the date. */
    public static final LocalDate AGE_AS_OF = LocalDate.of(2025, 7, 1);

    private static CohortEngine engine;

    private SharedSpark() {
    }

    public static synchronized CohortEngine engine() {
        if (engine == null) {
            try {
                Path snapshots = Files.createTempDirectory("smartcc-engine-test");
                engine = CohortEngine.builder()
                        .config("spark.master", "local[2]")
                        .snapshotDirectory(snapshots)
                        .ageAsOf(AGE_AS_OF)
                        .build();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(engine::close));
        }
        return engine;
    }

    public static Path sharedData() {
        Path dir = Path.of(System.getProperty("smartcc.shared.dir", "../../shared")).normalize();
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("shared data not found at " + dir.toAbsolutePath());
        }
        return dir;
    }
}
