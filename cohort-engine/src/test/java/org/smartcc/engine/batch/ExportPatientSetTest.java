package org.smartcc.engine.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartcc.engine.SampleStore;
import org.smartcc.engine.SharedSpark;
import org.smartcc.engine.batch.ExportChecks.Outcome;
import org.smartcc.engine.internal.spark.StarSchemaTables;

/** The export of a patient set on the shared local Spark session, over the sample store and its snapshot. */
class ExportPatientSetTest {

    static final Supplier<SparkSession> SPARK = () -> SharedSpark.engine().spark();
    static long countResult;
    static long setId;

    @TempDir
    Path dir;

    @BeforeAll
    static void makeASet() throws Exception {
        long[] results = ExportChecks.patientSet(SPARK.get(), SampleStore.database(), SampleStore.snapshot(),
                ExportChecks.MEDICATIONS);
        countResult = results[0];
        setId = results[1];
    }

    private String[] args(String... more) {
        List<String> args = new ArrayList<>(List.of("--set", Long.toString(setId), "--db",
                SampleStore.database().jdbcUrl()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void writesTheSetsFactsPatientsAndStatementsAsSqlCountsThemThenRefusesToWriteOverThem() throws Exception {
        Path out = dir.resolve("export");
        Outcome outcome = ExportChecks.export(SPARK, args("--out", out.toString()));
        assertEquals(ExportPatientSet.OK, outcome.code(), outcome.err());
        JsonNode manifest = ExportChecks.assertOutputMatchesTheStore(SPARK.get(), SampleStore.database(), setId, out);
        assertEquals(SampleStore.snapshot().id(), manifest.path("snapshot_id").asText());
        assertEquals(SampleStore.snapshot().id(), manifest.path("set_snapshot_id").asText());
        assertEquals("snapshot", manifest.path("statements_source").asText());
        assertEquals("concept_prefix", manifest.path("tables").path("facts").path("partitioned_by").get(0).asText());
        List<String> factColumns = new ArrayList<>();
        manifest.path("tables").path("facts").path("columns").forEach(c -> factColumns.add(c.path("name").asText()));
        List<String> snapshotColumns = new ArrayList<>(List.of(StarSchemaTables.COLUMNS
                .get(StarSchemaTables.OBSERVATION_FACT).split(",\\s*")));
        snapshotColumns.add("concept_prefix");
        assertEquals(snapshotColumns, factColumns);
        assertTrue(Files.isDirectory(out.resolve("facts/concept_prefix=RXNORM")), "facts partitioned by prefix");
        assertTrue(Files.isDirectory(out.resolve("statements/statement_type=Medication")));
        assertTrue(outcome.out().contains("written: " + manifest.path("facts_rows").asLong() + " facts"),
                outcome.out());

        // a second export into the same folder is refused and leaves the first whole
        byte[] before = Files.readAllBytes(out.resolve(ExportManifest.FILE));
        Outcome again = ExportChecks.export(SPARK, args("--out", out.toString()));
        assertEquals(ExportPatientSet.REFUSED, again.code());
        assertTrue(again.err().contains("OUTPUT_NOT_EMPTY"), again.err());
        assertEquals(new String(before), Files.readString(out.resolve(ExportManifest.FILE)));
    }

    @Test
    void readsTheStatementsFromTheDatabaseWhenTheSnapshotHasNoneAndOverwritesWhenAsked() throws Exception {
        // the snapshot folder as another machine would mount it, without the statements' table
        Path snapshots = dir.resolve("mounted");
        copy(SampleStore.snapshot().location(), snapshots.resolve(SampleStore.snapshot().id()));
        deleteTree(snapshots.resolve(SampleStore.snapshot().id()).resolve(StarSchemaTables.OBSERVATION_TEXT));
        Path out = dir.resolve("export");
        Files.createDirectories(out);
        Files.writeString(out.resolve("old.txt"), "an earlier export");

        Outcome outcome = ExportChecks.export(SPARK, args("--out", out.toString(), "--snapshots",
                snapshots.toString(), "--snapshot", SampleStore.snapshot().id(), "--overwrite"));
        assertEquals(ExportPatientSet.OK, outcome.code(), outcome.err());
        assertFalse(Files.exists(out.resolve("old.txt")), "--overwrite replaces the folder");
        JsonNode manifest = ExportChecks.assertOutputMatchesTheStore(SPARK.get(), SampleStore.database(), setId, out);
        assertEquals("database", manifest.path("statements_source").asText());
    }

    @Test
    void refusesAnAbsentSetSnapshotOrOutputWithACodeAndWritesNothing() throws Exception {
        Path out = dir.resolve("export");
        String db = SampleStore.database().jdbcUrl();
        assertRefused("SET_NOT_FOUND", "--set", "987654321", "--db", db, "--out", out.toString());
        // a count result is no patient set
        assertRefused("SET_NOT_FOUND", "--set", Long.toString(countResult), "--db", db, "--out", out.toString());
        assertRefused("SNAPSHOT_NOT_FOUND", args("--out", out.toString(), "--snapshot", "20000101T000000Z-none"));
        Files.createDirectories(dir.resolve("empty"));
        assertRefused("SNAPSHOT_NOT_FOUND", args("--out", out.toString(), "--snapshots",
                dir.resolve("empty").toString()));
        assertFalse(Files.exists(out), "a refused export writes nothing");
        Files.createDirectories(out);
        Files.writeString(out.resolve("keep.txt"), "not ours");
        assertRefused("OUTPUT_NOT_EMPTY", args("--out", out.toString()));
        assertEquals("not ours", Files.readString(out.resolve("keep.txt")));

        Outcome missing = ExportChecks.export(SPARK, "--set", "1", "--db", db);
        assertEquals(ExportPatientSet.BAD_ARGUMENTS, missing.code());
        assertTrue(missing.err().contains("--out is required"), missing.err());
        Outcome notANumber = ExportChecks.export(SPARK, "--set", "x1", "--db", db, "--out", out.toString());
        assertEquals(ExportPatientSet.BAD_ARGUMENTS, notANumber.code());
        assertTrue(notANumber.err().contains("--set must be a patient set id"), notANumber.err());
    }

    private static void assertRefused(String code, String... args) {
        Outcome outcome = ExportChecks.export(SPARK, args);
        assertEquals(ExportPatientSet.REFUSED, outcome.code(), outcome.err());
        assertTrue(outcome.err().startsWith("export-set: " + code + ": "), outcome.err());
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
