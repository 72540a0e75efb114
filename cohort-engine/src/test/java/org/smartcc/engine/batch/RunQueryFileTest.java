package org.smartcc.engine.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartcc.engine.SampleStore;
import org.smartcc.engine.SharedSpark;
import org.smartcc.engine.query.i2b2.I2b2QueryParser;
import org.smartcc.engine.query.spark.PatientSetPlanner;

/** The batch entry point over the sample store: counts printed, the set in the database and as Parquet. */
class RunQueryFileTest {

    @TempDir
    Path dir;

    @Test
    void runsAQueryFileAndWritesThePatientSet() throws Exception {
        String xml = "<query_definition><query_name>batch</query_name><panel><item><item_key>\\\\i2b2\\SMART\\"
                + "Problems\\</item_key></item></panel></query_definition>";
        Path query = Files.writeString(dir.resolve("q.xml"), xml);
        SampleStore.snapshot();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = RunQueryFile.run(new String[] {"--query", query.toString(), "--db",
                SampleStore.database().jdbcUrl(), "--out", dir.resolve("set").toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                () -> SharedSpark.engine().spark());
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        long expected = new PatientSetPlanner(SharedSpark.engine().spark(), SampleStore.snapshot())
                .patients(I2b2QueryParser.parse(new java.io.ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))))
                .count();
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("PATIENT_COUNT_XML FINISHED " + expected + " "),
                out.toString(StandardCharsets.UTF_8));
        assertEquals(expected, SharedSpark.engine().spark().read().parquet(dir.resolve("set").toString()).count());
    }

    @Test
    void badArgumentsAndDefinitionsExitWithTwoAndSayWhy() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertEquals(2, RunQueryFile.run(new String[] {"--db", "jdbc:h2:mem:x"}, System.out, errors,
                () -> SharedSpark.engine().spark()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--query is required"));
        Path bad = Files.writeString(dir.resolve("bad.xml"), "<query_definition><panel><item><item_key>nonsense"
                + "</item_key></item></panel></query_definition>");
        assertEquals(2, RunQueryFile.run(new String[] {"--query", bad.toString(), "--db", "jdbc:h2:mem:x"},
                System.out, errors, () -> SharedSpark.engine().spark()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("item_key"), err.toString(StandardCharsets.UTF_8));
    }
}
