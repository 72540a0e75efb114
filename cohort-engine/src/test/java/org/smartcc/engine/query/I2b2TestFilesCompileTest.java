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

    /**
     * Every {@code result_output name=} of the test files names a result type, i2b2's lower-case aliases included:
     * the SQLBreakdown messages ask for {@code in_out_count_xml} (and {@code inout_count_xml}) beside the count.
     */
    @Test
    void everyResultOutputOfTheTestFilesNamesAResultType() throws Exception {
        java.util.regex.Pattern output = java.util.regex.Pattern.compile("<result_output\\s[^>]*name=\"([^\"]+)\"");
        java.util.Map<String, java.util.Set<org.smartcc.engine.run.ResultType>> sqlBreakdowns = new java.util.TreeMap<>();
        int names = 0;
        try (Stream<Path> files = Files.walk(I2b2QueryParserTest.testFiles())) {
            for (Path file : files.filter(p -> p.toString().endsWith(".xml")).sorted().toList()) {
                java.util.regex.Matcher m = output.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) {
                    org.smartcc.engine.run.ResultType type = org.smartcc.engine.run.ResultType.named(m.group(1),
                            file.getFileName().toString());
                    names++;
                    if (file.getParent().getFileName().toString().equals("SQLBreakdown")) {
                        sqlBreakdowns.computeIfAbsent(file.getFileName().toString(), f -> new java.util.TreeSet<>())
                                .add(type);
                    }
                }
            }
        }
        assertTrue(names > 300, "result outputs found: " + names);
        java.util.Set<org.smartcc.engine.run.ResultType> countAndInOut = java.util.Set.of(
                org.smartcc.engine.run.ResultType.PATIENT_COUNT_XML, org.smartcc.engine.run.ResultType.PATIENT_INOUT_XML);
        assertEquals(java.util.Map.of("InOut.xml", countAndInOut, "InOut_InValid_User.xml", countAndInOut,
                "Top10Diagnosis.xml", countAndInOut), sqlBreakdowns);
    }

    private static boolean isCohortQuery(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).contains("CRC_QRY_runQueryInstance_fromQueryDefinition");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
