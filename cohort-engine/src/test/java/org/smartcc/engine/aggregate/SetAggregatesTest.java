package org.smartcc.engine.aggregate;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartcc.engine.SampleStore;
import org.smartcc.engine.SharedSpark;
import org.smartcc.engine.privacy.CountProtection;
import org.smartcc.engine.privacy.PrivacySettings;
import org.smartcc.engine.privacy.ReportedCount;

/**
 * Aggregates over a set of the sample patients (odd patient numbers, chosen by SQL) on the shared Spark session equal
 * hand-written SQL on the H2 store; noised counts are drawn once per set and cell, whatever {@code top} and
 * {@code bins} ask; quantiles need more patients than the small-cell limit; bad parameters are refused by code.
 */
class SetAggregatesTest {

    static final String SET = "MOD(f.patient_num, 2) = 1";
    static final String LABS = "f.concept_cd IN (SELECT concept_cd FROM concept_dimension WHERE concept_path LIKE"
            + " '\\SMART\\Lab results\\%' ESCAPE '!')";
    static final CountProtection EXACT = PrivacySettings.defaults().protectionFor(Set.of("DATA_AGG"));
    static SetAggregates aggregates;
    static Dataset<Row> members;

    @BeforeAll
    static void load() {
        members = SharedSpark.engine().spark().read().parquet(SampleStore.snapshot().table("patient_dimension")
                .toString()).filter(col("patient_num").mod(2).equalTo(1)).select("patient_num");
        aggregates = SetAggregates.of(SharedSpark.engine().spark(), SampleStore.snapshot(), setId -> members);
    }

    @Test
    void codesArePatientsByCodeWithTheConceptTreesNames() throws Exception {
        for (var collection : Map.of(AggregateCollection.MEDICATIONS, "Medications",
                AggregateCollection.LAB_RESULTS, "Lab results", AggregateCollection.PROBLEMS, "Problems").entrySet()) {
            // the title of a code with several concept rows is the name of its first path
            List<String[]> rows = sql("SELECT f.concept_cd, (SELECT d.name_char FROM concept_dimension d WHERE"
                    + " d.concept_cd = f.concept_cd ORDER BY d.concept_path LIMIT 1), COUNT(DISTINCT f.patient_num)"
                    + " AS n FROM observation_fact f WHERE f.modifier_cd = '@' AND f.concept_cd IN (SELECT concept_cd"
                    + " FROM concept_dimension WHERE concept_path LIKE ? ESCAPE '!') AND " + SET + " GROUP BY"
                    + " f.concept_cd ORDER BY n DESC, f.concept_cd", "\\SMART\\" + collection.getValue() + "\\%");
            Map<String, Long> expected = new LinkedHashMap<>();
            Map<String, String> titles = new LinkedHashMap<>();
            rows.forEach(r -> {
                expected.put(r[0], Long.parseLong(r[2]));
                titles.put(r[0], r[1]);
            });
            assertTrue(expected.size() > 3, collection.getKey() + ": " + expected);
            List<CodeCount> codes = aggregates.codes(1, collection.getKey(), SetAggregates.MAX_TOP,
                    aggregates.draws(EXACT));
            Map<String, Long> found = new LinkedHashMap<>();
            codes.forEach(c -> {
                found.put(c.system() + ":" + c.code(), c.patients().value());
                assertEquals(titles.get(c.system() + ":" + c.code()), c.title());
                assertEquals("EXACT", c.patients().method());
            });
            Map<String, Long> topOfExpected = new LinkedHashMap<>();
            expected.entrySet().stream().limit(SetAggregates.MAX_TOP).forEach(e -> topOfExpected.put(e.getKey(),
                    e.getValue()));
            assertEquals(topOfExpected, found, collection.getKey().collectionName());
            assertEquals(List.copyOf(expected.keySet()).subList(0, 3), codes.subList(0, 3).stream()
                    .map(c -> c.system() + ":" + c.code()).toList());
        }
        List<CodeCount> allergies = aggregates.codes(1, AggregateCollection.ALLERGIES, 100,
                aggregates.draws(EXACT));
        assertFalse(allergies.isEmpty());
        assertTrue(allergies.stream().noneMatch(c -> c.system().startsWith("ALLERGEN")), "no role prefix: "
                + allergies);
    }

    @Test
    void aValueDistributionMatchesSqlOverTheCodesValuesInItsUnit() throws Exception {
        String[] lab = sql("SELECT f.concept_cd, f.units_cd, COUNT(*) AS n FROM observation_fact f WHERE"
                + " f.modifier_cd = '@' AND f.valtype_cd = 'N' AND f.tval_char = 'E' AND " + LABS + " AND " + SET
                + " GROUP BY f.concept_cd, f.units_cd ORDER BY n DESC, f.concept_cd LIMIT 1").get(0);
        String where = " FROM observation_fact f WHERE f.modifier_cd = '@' AND f.valtype_cd = 'N' AND f.tval_char ="
                + " 'E' AND f.concept_cd = ? AND f.units_cd = ? AND " + SET;
        String[] totals = sql("SELECT COUNT(DISTINCT f.patient_num), COUNT(*), PERCENTILE_CONT(0.05) WITHIN GROUP"
                + " (ORDER BY f.nval_num), PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY f.nval_num),"
                + " PERCENTILE_CONT(0.95) WITHIN GROUP (ORDER BY f.nval_num)" + where, lab[0], lab[1]).get(0);
        ValueDistribution d = aggregates.values(1, AggregateCollection.LAB_RESULTS, lab[0], 8,
                aggregates.draws(EXACT));
        assertEquals(lab[0], d.code());
        assertEquals(lab[1], d.unit().orElseThrow());
        assertEquals(Long.parseLong(totals[0]), d.patients().value());
        assertEquals(Long.parseLong(totals[1]), d.values().value());
        ValueDistribution.Quantiles q = d.quantiles().orElseThrow();
        assertEquals(Double.parseDouble(totals[2]), q.p5(), 1e-9);
        assertEquals(Double.parseDouble(totals[3]), q.p50(), 1e-9);
        assertEquals(Double.parseDouble(totals[4]), q.p95(), 1e-9);
        assertTrue(d.bins().size() >= 3 && d.bins().get(0).from().isEmpty()
                && d.bins().get(d.bins().size() - 1).to().isEmpty(), d.bins().toString());
        for (ValueDistribution.Bin bin : d.bins()) {
            String range = bin.from().map(f -> " AND f.nval_num >= " + f).orElse("")
                    + bin.to().map(t -> " AND f.nval_num < " + t).orElse("");
            assertEquals(Long.parseLong(sql("SELECT COUNT(DISTINCT f.patient_num)" + where + range, lab[0], lab[1])
                    .get(0)[0]), bin.patients().value(), bin.toString());
        }
        assertTrue(d.bins().get(1).from().orElseThrow() <= q.p5() && d.bins().get(d.bins().size() - 1).from()
                .orElseThrow() > q.p95(), "the edges cover p5 to p95: " + d.bins());
    }

    @Test
    void edgesAreNiceWidthsCoveringTheRange() {
        assertEquals(List.of("70", "80", "90", "100", "110", "120", "130"), plain(SetAggregates.edges(72.5, 121, 5)));
        assertEquals(List.of("0.5", "1", "1.5", "2"), plain(SetAggregates.edges(0.6, 1.9, 3)));
        assertEquals(List.of("-2", "0", "2", "4"), plain(SetAggregates.edges(-1.2, 3.9, 3)));
        assertEquals(List.of("5", "5.5"), plain(SetAggregates.edges(5, 5, 4)), "one value: a tenth of it wide");
    }

    /**
     * The privacy rule: asking 50 times, with every top and several bins, returns the same noised counts; a new set of
     * draws (another snapshot) differs, so the counts are noised, not exact.
     */
    @Test
    void noisedCountsAreDrawnOncePerSetAndCellWhateverTopAndBinsAsk() {
        CountProtection noised = PrivacySettings.defaults().protectionFor(Set.of());
        SetAggregates.Draws draws = aggregates.draws(noised);
        List<CodeCount> first = aggregates.codes(7, AggregateCollection.LAB_RESULTS, 100, draws);
        assertTrue(first.size() > 5 && first.stream().allMatch(c -> c.patients().method().equals("OBSUBTOTAL")));
        assertTrue(first.stream().noneMatch(c -> c.patients().suppressed()), "suppressed codes are not named");
        String code = first.get(0).system() + ":" + first.get(0).code();
        ValueDistribution firstValues = aggregates.values(7, AggregateCollection.LAB_RESULTS, code, 10,
                draws);
        for (int i = 0; i < 50; i++) {
            int top = 1 + i * 2;
            assertEquals(first.subList(0, Math.min(top, first.size())), aggregates.codes(7,
                    AggregateCollection.LAB_RESULTS, top, draws), "top " + top);
            assertEquals(firstValues, aggregates.values(7, AggregateCollection.LAB_RESULTS, code, 10,
                    draws));
        }
        ValueDistribution coarse = aggregates.values(7, AggregateCollection.LAB_RESULTS, code, 2, draws);
        assertEquals(firstValues.patients(), coarse.patients());
        assertEquals(firstValues.values(), coarse.values());

        SetAggregates.Draws fresh = aggregates.draws(PrivacySettings.defaults().protectionFor(Set.of()));
        List<ReportedCount> again = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            aggregates.codes(7 + i, AggregateCollection.LAB_RESULTS, 100, fresh).forEach(c ->
                    again.add(c.patients()));
        }
        assertNotEquals(first.stream().map(CodeCount::patients).toList(), again.subList(0, first.size()),
                "fresh draws are noised differently");
    }

    @Test
    void quantilesAndBinsNeedMoreThanTheSmallCellLimit() throws Exception {
        String[] rare = sql("SELECT f.concept_cd, COUNT(DISTINCT f.patient_num) AS n FROM observation_fact f WHERE"
                + " f.modifier_cd = '@' AND f.valtype_cd = 'N' AND f.tval_char = 'E' AND " + LABS
                + " AND " + SET + " GROUP BY f.concept_cd HAVING COUNT(DISTINCT f.patient_num) <= 3 ORDER BY n DESC,"
                + " f.concept_cd LIMIT 1").get(0);
        CountProtection noised = PrivacySettings.defaults().protectionFor(Set.of());
        ValueDistribution hidden = aggregates.values(2, AggregateCollection.LAB_RESULTS, rare[0], 10,
                aggregates.draws(noised));
        assertTrue(hidden.quantiles().isEmpty() && hidden.bins().isEmpty(), hidden.toString());
        assertTrue(hidden.patients().suppressed());
        ValueDistribution shown = aggregates.values(2, AggregateCollection.LAB_RESULTS, rare[0], 10,
                aggregates.draws(EXACT));
        assertTrue(shown.quantiles().isPresent() && !shown.bins().isEmpty(), "exact roles see them");
        assertEquals(Long.parseLong(rare[1]), shown.patients().value());
    }

    @Test
    void badParametersAreRefusedByCode() {
        SetAggregates.Draws draws = aggregates.draws(EXACT);
        assertEquals("BAD_TOP", assertThrows(AggregateException.class, () -> aggregates.codes(1,
                AggregateCollection.PROBLEMS, 0, draws)).code());
        assertEquals("BAD_TOP", assertThrows(AggregateException.class, () -> aggregates.codes(1,
                AggregateCollection.PROBLEMS, 101, draws)).code());
        assertEquals("BAD_BINS", assertThrows(AggregateException.class, () -> aggregates.values(1,
                AggregateCollection.LAB_RESULTS, "LOINC:2345-7", 0, draws)).code());
        for (String bad : new String[] {"2345-7", "LOINC:", ":2345-7", "LOINC:\n1", "L:" + "1".repeat(200)}) {
            assertEquals("BAD_CODE", assertThrows(AggregateException.class, () -> aggregates.values(1,
                    AggregateCollection.LAB_RESULTS, bad, 10, draws)).code(), bad);
        }
        assertEquals("CODE_NOT_FOUND", assertThrows(AggregateException.class, () -> aggregates.values(1,
                AggregateCollection.LAB_RESULTS, "RXNORM:1", 10, draws)).code());
        assertEquals("COLLECTION_NOT_FOUND", assertThrows(AggregateException.class,
                () -> AggregateCollection.named("clinical_notes")).code());
        assertEquals(AggregateCollection.VITAL_SIGN_SETS, AggregateCollection.named("vital_sign_sets"));
    }

    private static List<String> plain(List<BigDecimal> edges) {
        return edges.stream().map(BigDecimal::toPlainString).toList();
    }

    private static List<String[]> sql(String query, String... parameters) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        try (Connection c = SampleStore.database().dataSource().getConnection();
             PreparedStatement s = c.prepareStatement(query)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setString(i + 1, parameters[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                int columns = r.getMetaData().getColumnCount();
                while (r.next()) {
                    String[] row = new String[columns];
                    for (int i = 0; i < columns; i++) {
                        row[i] = r.getString(i + 1);
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }
}
