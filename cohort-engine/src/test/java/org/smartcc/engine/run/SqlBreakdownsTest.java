package org.smartcc.engine.run;

import org.smartcc.store.domain.InvalidSettingException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.apache.spark.sql.functions.col;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartcc.engine.SampleStore;
import org.smartcc.engine.SharedSpark;
import org.smartcc.engine.internal.jdbc.JdbcQueryRunStore;
import org.smartcc.engine.privacy.PrivacySettings;
import org.smartcc.engine.privacy.ReportedCount;
import org.smartcc.engine.query.QueryDefinition;
import org.smartcc.engine.query.QueryDefinitionException;
import org.smartcc.engine.query.i2b2.I2b2QueryParser;
import org.smartcc.engine.query.json.QueryJson;

/**
 * i2b2's SQL breakdowns on the shared Spark session equal hand-written SQL on the sample store (H2) for a set of
 * patients chosen by SQL (odd patient numbers); the length-of-stay setting is parsed and refused as documented; a run
 * protects the cells as every breakdown, and a top list names no concept whose count is suppressed.
 */
class SqlBreakdownsTest {

    static final String SET = "MOD(patient_num, 2) = 1";
    static Dataset<Row> patients;

    @BeforeAll
    static void load() {
        patients = SharedSpark.engine().spark().read().parquet(SampleStore.snapshot().table("patient_dimension")
                .toString()).filter(col("patient_num").mod(2).equalTo(1)).select("patient_num");
    }

    static BreakdownTables tables(BreakdownSettings settings) {
        return BreakdownTables.of(SharedSpark.engine().spark(), SampleStore.snapshot(), settings);
    }

    @Test
    void inOutCountsThePatientsOfEachVisitKind() throws Exception {
        Map<String, Long> expected = sql("SELECT COALESCE(inout_cd, 'unknown'), COUNT(DISTINCT patient_num) FROM"
                + " visit_dimension WHERE " + SET + " GROUP BY COALESCE(inout_cd, 'unknown') ORDER BY 1");
        assertTrue(expected.keySet().containsAll(List.of("O", "unknown")), "sample encounters and day visits: "
                + expected);
        assertEquals(expected, SqlBreakdowns.cells(patients, tables(BreakdownSettings.DEFAULTS),
                ResultType.PATIENT_INOUT_XML));
    }

    @Test
    void lengthOfStayCountsThePatientsOfEachGroupOfDays() throws Exception {
        String days = "COALESCE(DATEDIFF('DAY', start_date, end_date), length_of_stay)";
        String group = "CASE WHEN " + days + " IS NULL OR " + days + " < 0 THEN 'unknown' WHEN " + days + " = 0 THEN"
                + " '0' WHEN " + days + " = 1 THEN '1' WHEN " + days + " <= 3 THEN '2-3' WHEN " + days + " <= 7 THEN"
                + " '4-7' WHEN " + days + " <= 14 THEN '8-14' ELSE '15+' END";
        Map<String, Long> expected = new LinkedHashMap<>();
        for (String label : List.of("0", "1", "2-3", "4-7", "8-14", "15+")) {
            expected.put(label, 0L);
        }
        expected.putAll(sql(grouped(group)));
        Map<String, Long> cells = SqlBreakdowns.cells(patients, tables(BreakdownSettings.DEFAULTS),
                ResultType.PATIENT_LOS_XML);
        assertEquals(expected, cells);
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(cells.keySet()), "the configured order");
        assertTrue(expected.entrySet().stream().anyMatch(e -> !e.getKey().equals("unknown") && e.getValue() > 0),
                "some visits of the sample have both dates: " + expected);

        BreakdownSettings twoGroups = BreakdownSettings.from(Map.of(BreakdownSettings.LOS_GROUPS, "0-1, 2+"));
        Map<String, Long> coarse = SqlBreakdowns.cells(patients, tables(twoGroups), ResultType.PATIENT_LOS_XML);
        assertEquals(sql(grouped("CASE WHEN " + days + " IS NULL OR " + days + " < 0 THEN 'unknown' WHEN " + days
                + " <= 1 THEN '0-1' ELSE '2+' END")), withoutZeros(coarse));
    }

    @Test
    void topMedicationsAndDiagnosesAreTheConceptsMostPatientsHave() throws Exception {
        for (var type : Map.of(ResultType.PATIENT_TOP20MEDS_XML, "Medications", ResultType.PATIENT_TOP20DIAG_XML,
                "Problems").entrySet()) {
            for (int top : new int[] {20, 3}) {
                Map<String, Long> expected = sql("SELECT COALESCE(c.name_char, c.concept_cd) AS cell,"
                        + " COUNT(DISTINCT f.patient_num) AS n FROM observation_fact f JOIN (SELECT DISTINCT"
                        + " concept_cd, name_char FROM concept_dimension WHERE concept_path LIKE '\\SMART\\"
                        + type.getValue() + "\\%' ESCAPE '!' AND concept_cd IS NOT NULL) c ON f.concept_cd ="
                        + " c.concept_cd WHERE f.modifier_cd = '@' AND " + SET.replace("patient_num",
                        "f.patient_num") + " GROUP BY cell ORDER BY n DESC, cell LIMIT " + top);
                assertEquals(top, expected.size(), type.getKey() + " has enough concepts in the sample");
                Map<String, Long> cells = SqlBreakdowns.cells(patients, tables(BreakdownSettings.from(Map.of(
                        BreakdownSettings.TOP_N, Integer.toString(top)))), type.getKey());
                assertEquals(expected, cells, type.getKey() + " top " + top);
                assertEquals(List.copyOf(expected.keySet()), List.copyOf(cells.keySet()), "by patients, then name");
            }
        }
    }

    @Test
    void theLengthOfStayGroupsAreParsedAndBadOnesRefusedNamingTheKey() {
        List<BreakdownSettings.LosGroup> groups = BreakdownSettings.losGroups("0,1,2-3,4-7,8-14,15+");
        assertEquals(List.of("0", "1", "2-3", "4-7", "8-14", "15+"), groups.stream()
                .map(BreakdownSettings.LosGroup::label).toList());
        assertEquals(new BreakdownSettings.LosGroup(2, Optional.of(3), "2-3"), groups.get(2));
        assertEquals(new BreakdownSettings.LosGroup(15, Optional.empty(), "15+"), groups.get(5));
        assertEquals(List.of("0-6", "7-13"), BreakdownSettings.losGroups(" 0-6 , 7-13").stream()
                .map(BreakdownSettings.LosGroup::label).toList());
        assertEquals(20, BreakdownSettings.from(Map.of()).topN());
        assertEquals(BreakdownSettings.DEFAULTS.losGroups(), BreakdownSettings.from(Map.of()).losGroups());
        for (String bad : new String[] {"", "1,2", "0,2", "0,1,1", "0-3,2-5", "0+,5", "3-1", "0,x", "0;1", "0,-1",
            "0,1,2-"}) {
            InvalidSettingException e = assertThrows(InvalidSettingException.class,
                    () -> BreakdownSettings.from(Map.of(BreakdownSettings.LOS_GROUPS, bad)), bad);
            assertEquals(BreakdownSettings.LOS_GROUPS, e.key());
            assertEquals("BREAKDOWN_SETTING_INVALID", e.code());
            assertTrue(e.getMessage().startsWith("smartcc.breakdown.los-groups = '" + bad + "': "), e.getMessage());
        }
        for (String bad : new String[] {"0", "-1", "twenty", "1001", ""}) {
            InvalidSettingException e = assertThrows(InvalidSettingException.class,
                    () -> BreakdownSettings.from(Map.of(BreakdownSettings.TOP_N, bad)), bad);
            assertEquals(BreakdownSettings.TOP_N, e.key());
        }
    }

    @Test
    void theApisNamesAndI2b2sAliasesNameTheTypes() {
        assertEquals(ResultType.PATIENT_INOUT_XML, ResultType.named("in_out_count_xml", "x"));
        assertEquals(ResultType.PATIENT_INOUT_XML, ResultType.named("inout_count_xml", "x"));
        assertEquals(ResultType.PATIENT_LOS_XML, ResultType.named("length_of_stay_count_xml", "x"));
        assertEquals(ResultType.PATIENT_COUNT_XML, ResultType.named(" patient_count_xml", "x"));
        assertEquals(ResultType.PATIENT_TOP20MEDS_XML, ResultType.named("PATIENT_TOP20MEDS_XML", "x"));
        QueryDefinitionException e = assertThrows(QueryDefinitionException.class,
                () -> ResultType.named("patient_top50meds_xml", "result_output"));
        assertTrue(e.getMessage().startsWith("result_output: 'patient_top50meds_xml' is not a result type"),
                e.getMessage());
        assertTrue(ResultType.PATIENT_LOS_XML.isBreakdown() && ResultType.PATIENT_GENDER_COUNT_XML.isBreakdown());
        assertFalse(ResultType.PATIENTSET.isBreakdown() || ResultType.PATIENT_COUNT_XML.isBreakdown());
    }

    @Test
    void aRunProtectsTheSqlBreakdownsAsEveryBreakdown() throws Exception {
        List<ResultType> types = List.of(ResultType.PATIENT_COUNT_XML, ResultType.PATIENT_INOUT_XML,
                ResultType.PATIENT_LOS_XML, ResultType.PATIENT_TOP20MEDS_XML, ResultType.PATIENT_TOP20DIAG_XML);
        QueryDefinition q = I2b2QueryParser.parse(new ByteArrayInputStream(("<query_definition><query_name>q"
                + "</query_name><panel><item><item_key>\\\\i2b2\\SMART\\Medications\\</item_key></item></panel>"
                + "</query_definition>").getBytes(StandardCharsets.UTF_8)));
        try (CohortRuns runs = new CohortRuns(SharedSpark.engine().spark(), new JdbcQueryRunStore(
                SampleStore.database()), PrivacySettings.defaults(), new RunSettings(1, Duration.ofMinutes(5), true,
                BreakdownSettings.from(Map.of(BreakdownSettings.TOP_N, "50"))),
                () -> Optional.of(SampleStore.snapshot()), Clock.systemUTC())) {
            QueryRun exact = runs.await(runs.submit(new RunRequest(q, QueryJson.write(q), "sql-breakdowns",
                    Set.of("DATA_AGG"), types, Optional.empty())).instanceId(), Duration.ofMinutes(2));
            QueryRun noised = runs.await(runs.submit(new RunRequest(q, QueryJson.write(q), "sql-breakdowns-obf",
                    Set.of(), types, Optional.empty())).instanceId(), Duration.ofMinutes(2));
            assertEquals(QueryStatus.FINISHED, exact.status(), exact.message().orElse(""));
            assertEquals(QueryStatus.FINISHED, noised.status(), noised.message().orElse(""));
            for (ResultType type : types.subList(1, types.size())) {
                Map<String, ReportedCount> shown = result(exact, type).breakdown();
                Map<String, ReportedCount> obfuscated = result(noised, type).breakdown();
                assertFalse(shown.isEmpty(), type.name());
                assertTrue(shown.values().stream().allMatch(c -> c.method().equals("EXACT") && !c.suppressed()));
                assertTrue(obfuscated.values().stream().allMatch(c -> c.method().equals("OBSUBTOTAL")), type.name());
                if (type == ResultType.PATIENT_TOP20MEDS_XML || type == ResultType.PATIENT_TOP20DIAG_XML) {
                    assertTrue(shown.values().stream().anyMatch(c -> c.value() <= 3), "small cells exist: " + shown);
                    assertTrue(obfuscated.values().stream().noneMatch(ReportedCount::suppressed),
                            "a top list names no suppressed concept: " + obfuscated);
                    assertTrue(obfuscated.size() < shown.size(), type.name());
                    List<Long> order = shown.values().stream().map(ReportedCount::value).toList();
                    List<Long> sorted = new ArrayList<>(order);
                    sorted.sort(java.util.Comparator.reverseOrder());
                    assertEquals(sorted, order, "kept in the order of the list: " + shown);
                } else {
                    assertEquals(shown.keySet(), obfuscated.keySet(), type.name());
                    shown.forEach((cell, count) -> {
                        if (count.value() <= 3) {
                            assertTrue(obfuscated.get(cell).suppressed(), type + " " + cell);
                        }
                    });
                }
            }
        }
    }

    private static RunResult result(QueryRun run, ResultType type) {
        return run.results().stream().filter(r -> r.type() == type).findFirst().orElseThrow();
    }

    /** The set's patients per group of their visits, the group a SQL expression on visit_dimension. */
    private static String grouped(String group) {
        return "SELECT g, COUNT(DISTINCT patient_num) FROM (SELECT patient_num, " + group + " AS g FROM"
                + " visit_dimension WHERE " + SET + ") v GROUP BY g ORDER BY g";
    }

    private static Map<String, Long> withoutZeros(Map<String, Long> cells) {
        Map<String, Long> nonZero = new LinkedHashMap<>(cells);
        nonZero.values().removeIf(n -> n == 0);
        return nonZero;
    }

    private static Map<String, Long> sql(String query) throws SQLException {
        Map<String, Long> rows = new LinkedHashMap<>();
        try (Connection c = SampleStore.database().dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(query)) {
            while (r.next()) {
                rows.put(r.getString(1), r.getLong(2));
            }
        }
        return rows;
    }
}
