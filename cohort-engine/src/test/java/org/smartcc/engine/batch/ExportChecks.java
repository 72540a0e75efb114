package org.smartcc.engine.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.smartcc.engine.Snapshot;
import org.smartcc.engine.internal.jdbc.JdbcQueryRunStore;
import org.smartcc.engine.privacy.PrivacySettings;
import org.smartcc.engine.query.QueryDefinition;
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
 * What the export tests share, in local mode and on the standalone cluster: a patient set made by a real run, the
 * command run with its output captured, and the output checked against SQL on the store.
 */
public final class ExportChecks {

    /** The patients with a medication: most but not all of the sample patients. */
    public static final String MEDICATIONS = "<panel><item><item_key>\\\\i2b2\\SMART\\Medications\\</item_key>"
            + "</item></panel>";
    /** docs/population-batch.md: statements per type, from the output of an export, with Spark SQL. */
    static final String STATEMENTS_PER_TYPE = "SELECT statement_type, COUNT(*) AS statements,"
            + " COUNT(DISTINCT record_id) AS records FROM statements GROUP BY statement_type ORDER BY statement_type";
    /** docs/population-batch.md: one row per triple, from the statements' N-Triples. */
    static final String TRIPLES = "SELECT record_id, statement_type, statement_id, triple FROM statements"
            + " LATERAL VIEW explode(split(ntriples, '\\n')) t AS triple WHERE triple <> ''";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ExportChecks() {
    }

    /** What the command printed and returned. */
    public record Outcome(int code, String out, String err) {
    }

    /** Runs the query on {@code snapshot} and returns the result ids of its count and of its patient set. */
    public static long[] patientSet(SparkSession spark, Database database, Snapshot snapshot, String panels)
            throws InterruptedException {
        QueryDefinition query = I2b2QueryParser.parse(new ByteArrayInputStream(("<query_definition><query_name>"
                + "export</query_name>" + panels + "</query_definition>").getBytes(StandardCharsets.UTF_8)));
        try (CohortRuns runs = new CohortRuns(spark, new JdbcQueryRunStore(database), PrivacySettings.defaults(),
                new RunSettings(1, Duration.ofMinutes(5), false), () -> Optional.of(snapshot), Clock.systemUTC())) {
            QueryRun run = runs.submit(new RunRequest(query, QueryJson.write(query), "analyst", Set.of("DATA_AGG"),
                    List.of(ResultType.PATIENT_COUNT_XML, ResultType.PATIENTSET), Optional.empty()));
            QueryRun done = runs.await(run.instanceId(), Duration.ofMinutes(5));
            assertEquals(QueryStatus.FINISHED, done.status(), done.message().orElse(""));
            return new long[] {result(done, ResultType.PATIENT_COUNT_XML), result(done, ResultType.PATIENTSET)};
        }
    }

    private static long result(QueryRun run, ResultType type) {
        return run.results().stream().filter(r -> r.type() == type).findFirst().map(RunResult::resultInstanceId)
                .orElseThrow();
    }

    public static Outcome export(Supplier<SparkSession> spark, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ExportPatientSet.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), spark);
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * The output holds exactly the set's facts, patients and statements as SQL on the store counts them (per
     * statement type too, through the docs' Spark SQL), every statement has its URI, and the manifest says the same
     * and was written after every data file. Returns the manifest.
     */
    public static JsonNode assertOutputMatchesTheStore(SparkSession spark, Database store, long setId, Path out)
            throws SQLException, IOException {
        String inSet = " WHERE patient_num IN (SELECT patient_num FROM qt_patient_set_collection"
                + " WHERE result_instance_id = ?)";
        String statementFacts = " AND concept_cd LIKE 'SMART:%' AND modifier_cd = '@' AND observation_blob IS NOT NULL";
        long facts = count(store, "SELECT COUNT(*) FROM observation_fact" + inSet, setId);
        long patients = count(store, "SELECT COUNT(*) FROM patient_dimension" + inSet, setId);
        long statements = count(store, "SELECT COUNT(*) FROM observation_fact" + inSet + statementFacts, setId);
        long allPatients = count(store, "SELECT COUNT(*) FROM patient_dimension WHERE patient_num > ?", -1);
        assertTrue(patients > 0 && patients < allPatients, "the set should be some of the " + allPatients
                + " patients, has " + patients);

        JsonNode manifest = JSON.readTree(out.resolve(ExportManifest.FILE).toFile());
        assertEquals(setId, manifest.path("set_id").asLong());
        assertEquals(patients, manifest.path("set_members").asLong());
        assertEquals(facts, manifest.path("facts_rows").asLong(), manifest.toPrettyString());
        assertEquals(patients, manifest.path("patients_rows").asLong(), manifest.toPrettyString());
        assertEquals(statements, manifest.path("statements_rows").asLong(), manifest.toPrettyString());
        assertEquals(facts, spark.read().parquet(out.resolve("facts").toString()).count());
        assertEquals(patients, spark.read().parquet(out.resolve("patients").toString()).count());

        // the analyst's view of docs/population-batch.md (a test's own path, no input)
        spark.sql("CREATE OR REPLACE TEMPORARY VIEW statements USING parquet OPTIONS (path '"
                + out.resolve("statements") + "')");
        Map<String, Long> perType = new TreeMap<>();
        for (Row row : spark.sql(STATEMENTS_PER_TYPE).collectAsList()) {
            perType.put(row.getString(0), row.getLong(1));
        }
        Map<String, Long> expected = new TreeMap<>();
        try (Connection c = store.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT SUBSTRING(concept_cd, 7), COUNT(*) FROM observation_fact" + inSet + statementFacts
                        + " GROUP BY concept_cd")) {
            ps.setLong(1, setId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    expected.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        assertEquals(expected, perType);
        assertEquals(spark.sql("SELECT SUM(triples) FROM statements").first().getLong(0),
                spark.sql(TRIPLES).count(), "triples counted and triples exploded");
        assertTrue(perType.size() > 5, "statement types: " + perType);
        // each statement's URI is the stored one of its record, and its N-Triples have it as a subject
        assertEquals(0, spark.sql("SELECT * FROM statements WHERE subject IS NULL OR triples < 1"
                + " OR NOT startswith(subject, concat('urn:smartcc:api/records/', record_id, '/'))"
                + " OR NOT contains(ntriples, concat('<', subject, '> '))").count());

        FileTime manifestTime = Files.getLastModifiedTime(out.resolve(ExportManifest.FILE));
        try (Stream<Path> files = Files.walk(out)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString()
                    .contains(ExportManifest.FILE)).toList()) {
                assertTrue(Files.getLastModifiedTime(file).compareTo(manifestTime) <= 0,
                        file + " was written after the manifest");
            }
        }
        return manifest;
    }

    static long count(Database store, String sql, long value) throws SQLException {
        try (Connection c = store.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
