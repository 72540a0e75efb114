package org.smartcc.engine.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ForkJoinPool;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartcc.engine.ConceptTree;
import org.smartcc.engine.I2b2DemoWarehouse;
import org.smartcc.engine.SharedSpark;
import org.smartcc.engine.Snapshot;
import org.smartcc.engine.internal.spark.ParquetSnapshotWriter;
import org.smartcc.engine.query.ItemKey;
import org.smartcc.engine.query.QueryDefinition;
import org.smartcc.engine.query.QueryDefinitionException;
import org.smartcc.engine.query.i2b2.I2b2QueryParser;
import org.smartcc.engine.privacy.PrivacySettings;
import org.smartcc.engine.query.spark.PatientSetPlanner;
import org.smartcc.store.Database;

/**
 * i2b2's demo data, loaded by i2b2's own scripts, gives i2b2's counts: each of i2b2's test messages that carries a
 * count runs through the i2b2 reader and the planner on a snapshot of the warehouse; and the planner's patients equal
 * those of a reference evaluation in SQL on the warehouse itself (the planner's differential test on this data). Runs
 * with {@code -Ppostgresql}.
 */
class I2b2DemoCountsTest {

    /** The day on which i2b2's recorded age counts hold (mid-2012, the shared README). */
    static final LocalDate AGE_AS_OF = LocalDate.of(2012, 8, 15);

    /** The queries that i2b2's own tests refer to as {@code masterid:N}: those of the 1Q_ to 4Q_ files. */
    static final Map<String, String> MASTER_QUERIES = Map.of("421", "1Q_HYP_AND_ISCH_[13].xml",
            "424", "2Q_HYP_OR_ISCH_[44].xml", "431", "4Q_CK-MB_OR_CPKGT120_[38].xml");

    private static final Pattern COUNT_IN_NAME = Pattern.compile("\\[([^\\]]+)]");

    static Database warehouse;
    static Snapshot snapshot;
    private static Map<Path, Optional<Set<Long>>> answers;

    @BeforeAll
    static void load() {
        Optional<Database> database = I2b2DemoWarehouse.database();
        assumeTrue(database.isPresent(), "no PostgreSQL server for this build (-Ppostgresql starts one)");
        warehouse = database.get();
        snapshot = new ParquetSnapshotWriter(SharedSpark.engine().spark(), SharedSpark.engine().snapshotDirectory())
                .writeFromDatabase(warehouse);
    }

    @Test
    void theScriptsLoadWhatI2b2Ships() throws SQLException {
        Map<String, Long> rows = new LinkedHashMap<>();
        try (Connection c = warehouse.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String table : new String[] {"observation_fact", "patient_dimension", "concept_dimension",
                "visit_dimension", "modifier_dimension", "table_access"}) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rs.next();
                    rows.put(table, rs.getLong(1));
                }
            }
        }
        // the demo concepts and the ICD-10/ICD-9 concepts, both in i2b2's concept zip
        assertEquals(Map.of("observation_fact", I2b2DemoData.FACTS, "patient_dimension", 134L, "concept_dimension",
                73_681L + 116_979L, "visit_dimension", 12_387L, "modifier_dimension", 75L, "table_access", 12L), rows);
    }

    /**
     * Runs the messages two at a time (planning is driver work, one core each) and compares the mismatches with the
     * table of docs/i2b2-compatibility.md: every difference from i2b2 is documented there, and nothing else is.
     */
    @Test
    void theTestMessagesGiveI2b2sCountsOrTheDocumentedAnswer() throws Exception {
        Map<String, Set<Long>> asserted = assertedCounts();
        Map<String, String> mismatches = new TreeMap<>();
        int compared = 0;
        for (Map.Entry<Path, Optional<Set<Long>>> answer : answers().entrySet()) {
            Optional<Set<Long>> expected = expected(answer.getKey().getFileName().toString(), asserted);
            if (expected == null) {
                continue;
            }
            compared++;
            String count = answer.getValue().map(patients -> String.valueOf(patients.size())).orElse("refused");
            if (expected.isPresent() && !expected.get().stream().map(String::valueOf).toList().contains(count)) {
                mismatches.put(testFiles().relativize(answer.getKey()).toString(), count);
            }
        }
        System.out.printf("%d test messages with a count, %d differ from i2b2's: %s%n", compared, mismatches.size(),
                mismatches);
        assertEquals(documentedDifferences(), mismatches);
    }

    /**
     * The planner's differential test on i2b2's data: the planner's patients equal those of the reference
     * ({@link ReferenceQueries}: plain SQL per panel on the PostgreSQL warehouse, the rest in plain Java) for every
     * test message both answer, whatever i2b2 recorded. The reference leaves out what {@link ReferenceSql} lists; the
     * test requires that what it compares covers each construct.
     */
    @Test
    void thePlannerAgreesWithReferenceSqlOnTheTestMessages() throws Exception {
        Map<String, Set<Long>> differences = new TreeMap<>();
        Map<String, Integer> leftOut = new TreeMap<>();
        Set<String> covered = new TreeSet<>();
        Map<Path, Optional<Set<Long>>> answers = answers();
        long start = System.nanoTime();
        try (Connection c = warehouse.dataSource().getConnection()) {
            ReferenceQueries reference = new ReferenceQueries(c);
            for (Map.Entry<Path, Optional<Set<Long>>> answer : answers.entrySet()) {
                if (answer.getValue().isEmpty()) {
                    leftOut.merge("refused by the planner", 1, Integer::sum);
                    continue;
                }
                QueryDefinition query = parse(answer.getKey());
                Set<Long> expected;
                try {
                    expected = reference.patients(query);
                } catch (ReferenceSql.Unsupported e) {
                    leftOut.merge(e.getMessage(), 1, Integer::sum);
                    continue;
                }
                covered.addAll(ReferenceCoverage.constructs(query));
                if (!expected.equals(answer.getValue().get())) {
                    differences.put(testFiles().relativize(answer.getKey()).toString(), expected);
                }
            }
        }
        System.out.printf("planner vs reference SQL: %d messages compared (reference in %d s), %d differ %s; left out:"
                + " %s%n", answers.size() - leftOut.values().stream().mapToInt(Integer::intValue).sum(),
                (System.nanoTime() - start) / 1_000_000_000, differences.size(), differences.keySet(), leftOut);
        assertEquals(Map.of(), differences);
        assertEquals(ReferenceCoverage.ALL, covered);
    }

    /** The planner's patients for every cohort message (empty when refused), planned two at a time, once. */
    private static synchronized Map<Path, Optional<Set<Long>>> answers() throws Exception {
        if (answers == null) {
            PatientSetPlanner planner = planner(snapshot);
            Map<Path, Optional<Set<Long>>> all = new ConcurrentSkipListMap<>();
            List<Path> messages = testMessages();
            ForkJoinPool pool = new ForkJoinPool(2);
            try {
                pool.submit(() -> messages.parallelStream().forEach(file -> all.put(file, answer(planner, file))))
                        .get();
            } finally {
                pool.shutdown();
            }
            answers = all;
        }
        return answers;
    }

    /**
     * The snapshot keeps the ontology: the concept tree shows table_access's categories, and counts a category's
     * patients as i2b2 does, whatever the facts' modifiers (every demo diagnosis has one).
     */
    @Test
    void theConceptTreeShowsI2b2sCategories() throws SQLException {
        ConceptTree tree = SharedSpark.engine().conceptTree(snapshot);
        assertEquals(List.of("BIRN", "CUST", "ICD10_ICD9", "i2b2_DEMO", "i2b2_DIAG", "i2b2_EXPR", "i2b2_LABS",
                "i2b2_MEDS", "i2b2_PROC", "i2b2_PROV", "i2b2_REP", "i2b2_VISIT"),
                tree.categories().stream().map(ConceptTree.Category::tableCode).sorted().toList());
        long withDiagnosis;
        try (Connection c = warehouse.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(DISTINCT patient_num) FROM observation_fact WHERE"
                        + " concept_cd IN (SELECT concept_cd FROM concept_dimension WHERE"
                        + " POSITION('\\i2b2\\Diagnoses\\' IN concept_path) = 1)")) {
            rs.next();
            withDiagnosis = rs.getLong(1);
        }
        ConceptTree.Counts exact = tree.counts(PrivacySettings.defaults().protectionFor(Set.of("DATA_AGG")));
        ConceptTree.Node diagnoses = tree.children("\\i2b2\\", exact).orElseThrow().stream()
                .filter(n -> n.path().equals("\\i2b2\\Diagnoses\\")).findFirst().orElseThrow();
        assertTrue(withDiagnosis > 100, "patients with a diagnosis: " + withDiagnosis);
        assertEquals(withDiagnosis, diagnoses.patients().value());
    }

    /** The patients, or empty when the query is refused. */
    private static Optional<Set<Long>> answer(PatientSetPlanner planner, Path file) {
        try {
            Set<Long> patients = new TreeSet<>();
            planner.plan(parse(file)).patients().collectAsList().forEach(r -> patients.add(((Number) r.get(0))
                    .longValue()));
            return Optional.of(patients);
        } catch (QueryDefinitionException e) {
            return Optional.empty();
        }
    }

    /** The table of docs/i2b2-compatibility.md: test message to the container's answer. */
    private static Map<String, String> documentedDifferences() throws IOException {
        Pattern row = Pattern.compile("^\\| `([^`]+)` \\|[^|]*\\| ([^|]+?) \\|");
        Map<String, String> documented = new TreeMap<>();
        for (String line : Files.readAllLines(Path.of("../docs/i2b2-compatibility.md"))) {
            Matcher m = row.matcher(line);
            if (m.find()) {
                documented.put(m.group(1), m.group(2));
            }
        }
        return documented;
    }

    private static PatientSetPlanner planner(Snapshot snapshot) {
        PatientSetPlanner[] planner = new PatientSetPlanner[1];
        planner[0] = new PatientSetPlanner(SharedSpark.engine().spark(), snapshot, (key, path) -> {
            String file = key instanceof ItemKey.PreviousQuery q ? MASTER_QUERIES.get(q.masterId()) : null;
            if (file == null) {
                throw new QueryDefinitionException(path, "no stored set '" + key.text() + "'");
            }
            return planner[0].plan(parse(testFiles().resolve(file))).patients();
        }, () -> AGE_AS_OF);
        return planner[0];
    }

    /**
     * What i2b2 answered: the name's count ({@code [12]}, {@code [23 OR 13]}) or the tsv's, either; empty for an
     * {@code [Error]} or {@code [-1]} file (refused or answered); null when neither has a count. Either, because the
     * tsv's counts of age queries hold for the day i2b2's test last ran, the name's for the day it was recorded.
     */
    private static Optional<Set<Long>> expected(String name, Map<String, Set<Long>> asserted) {
        Set<Long> counts = new TreeSet<>(asserted.getOrDefault(name, Set.of()));
        Matcher m = COUNT_IN_NAME.matcher(name);
        if (m.find()) {
            String count = m.group(1).trim();
            if (count.equalsIgnoreCase("error") || count.equals("-1")) {
                return Optional.empty();
            }
            for (String one : count.split(" OR ")) {
                counts.add(Long.parseLong(one.trim()));
            }
        }
        return counts.isEmpty() ? null : Optional.of(counts);
    }

    private static Map<String, Set<Long>> assertedCounts() throws IOException {
        Map<String, Set<Long>> counts = new TreeMap<>();
        for (String line : Files.readAllLines(testFiles().resolve("junit-asserted-counts.tsv"))) {
            String[] fields = line.split("\t");
            if (fields.length == 2 && fields[1].matches("[0-9,]+")) {
                Set<Long> values = new TreeSet<>();
                for (String value : fields[1].split(",")) {
                    values.add(Long.parseLong(value));
                }
                counts.put(fields[0], values);
            }
        }
        return counts;
    }

    private static List<Path> testMessages() throws IOException {
        List<Path> messages = new ArrayList<>();
        try (Stream<Path> files = Files.walk(testFiles())) {
            // the omop folder's counts are answers on another data set (OMOP's), not on i2b2's demo data
            for (Path file : files.filter(p -> p.toString().endsWith(".xml"))
                    .filter(p -> !testFiles().relativize(p).startsWith("omop")).sorted().toList()) {
                if (Files.readString(file, StandardCharsets.UTF_8)
                        .contains("CRC_QRY_runQueryInstance_fromQueryDefinition")) {
                    messages.add(file);
                }
            }
        }
        return messages;
    }

    private static QueryDefinition parse(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return I2b2QueryParser.parse(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Path testFiles() {
        return SharedSpark.sharedData().resolve("cohort-data/i2b2-crc-testfiles");
    }
}
