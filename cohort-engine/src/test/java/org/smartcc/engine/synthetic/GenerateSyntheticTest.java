package org.smartcc.engine.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Argument handling of the command line (a full run is covered by SyntheticStoreTest and bin/generate-synthetic). */
class GenerateSyntheticTest {

    @Test
    void badArgumentsGiveAClearMessageAndTheUsage() {
        assertUsageError("--patients is required", "--seed", "3");
        assertUsageError("--patients expects a whole number, not 'many'", "--patients", "many");
        assertUsageError("--patients must be between 1 and", "--patients", "0");
        assertUsageError("unknown option --pateints", "--pateints", "10");
        assertUsageError("--seed needs a value", "--patients", "10", "--seed");
        assertUsageError("--facts-per-patient must be between 50 and 100000", "--patients", "1",
                "--facts-per-patient", "5");
        assertUsageError("--parquet-only writes no database", "--patients", "1", "--parquet-only", "--db",
                "jdbc:h2:mem:x");
        assertUsageError("--db must be a jdbc:h2: or jdbc:postgresql: URL", "--patients", "1", "--db",
                "jdbc:mysql://x");
    }

    @Test
    void helpPrintsTheUsage() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, GenerateSynthetic.run(new String[] {"--help"}, print(out), print(new ByteArrayOutputStream())));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("usage: generate-synthetic"));
    }

    @Test
    void defaultsAreTheEmbeddedContainersStore() {
        GenerateSynthetic.Arguments a = GenerateSynthetic.Arguments.parse(new String[] {"--patients", "10_000"});
        assertEquals(10_000, a.patients());
        assertEquals(1000, a.factsPerPatient());
        assertTrue(a.dbUrl().startsWith("jdbc:h2:file:") && a.dbUrl().endsWith("db/smartcc"), a.dbUrl());
        assertTrue(a.snapshotDir().endsWith("snapshots"));
        assertFalse(a.parquetOnly());
    }

    private static void assertUsageError(String expected, String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = GenerateSynthetic.run(args, print(new ByteArrayOutputStream()), print(err));
        String message = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, code, message);
        assertTrue(message.contains(expected), message);
        assertTrue(message.contains("usage: generate-synthetic"), message);
        assertFalse(message.contains("Exception"), "no stack trace: " + message);
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
