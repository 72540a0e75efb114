package org.smartcc.engine.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.smartcc.engine.SampleStore;
import org.smartcc.engine.SharedSpark;
import org.smartcc.engine.query.i2b2.I2b2QueryParser;
import org.smartcc.engine.query.spark.CohortPlan;
import org.smartcc.engine.query.spark.PatientSetPlanner;

/**
 * Every cohort request of the i2b2 test files compiles to a Spark plan and runs over the sample snapshot. The sample
 * data is SMART's, not i2b2's demo data, so the i2b2 concept paths match nothing: each such item must come back as a
 * warning, and previous queries and patient sets stand for every patient here.
 */
class I2b2TestFilesCompileTest {

    @Test
    void everyRunQueryInstanceRequestCompilesAndRuns() throws Exception {
        PatientSetPlanner planner = new PatientSetPlanner(SharedSpark.engine().spark(), SampleStore.snapshot(),
                (key, path) -> SharedSpark.engine().spark().read()
                        .parquet(SampleStore.snapshot().table("patient_dimension").toString()).select("patient_num"));
        List<Path> requests;
        try (Stream<Path> files = Files.walk(I2b2QueryParserTest.testFiles())) {
            requests = files.filter(p -> p.toString().endsWith(".xml")).filter(I2b2TestFilesCompileTest::isCohortQuery)
                    .sorted().toList();
        }
        List<String> failures = new ArrayList<>();
        int compiled = 0;
        int warned = 0;
        for (Path file : requests) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            try (InputStream in = Files.newInputStream(file)) {
                CohortPlan plan = planner.plan(I2b2QueryParser.parse(in));
                plan.patients().count();
                compiled++;
                warned += plan.warnings().isEmpty() ? 0 : 1;
            } catch (QueryDefinitionException e) {
                if (!name.contains("[error]")) {
                    failures.add(file.getFileName() + ": " + e.getMessage());
                }
            } catch (RuntimeException e) {
                failures.add(file.getFileName() + ": " + e);
            }
        }
        System.out.printf("%d of %d cohort requests compiled and ran, %d with warnings%n", compiled, requests.size(),
                warned);
        assertEquals(List.of(), failures);
        assertEquals(201, compiled);
        assertTrue(warned > 150, "i2b2 paths should be reported as missing from the SMART ontology: " + warned);
    }

    private static boolean isCohortQuery(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).contains("CRC_QRY_runQueryInstance_fromQueryDefinition");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
