package org.smartcc.engine.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartcc.engine.SampleStore;
import org.smartcc.engine.SharedSpark;
import org.smartcc.engine.query.i2b2.I2b2QueryParser;
import org.smartcc.engine.query.spark.CohortPlan;
import org.smartcc.engine.query.spark.PatientSetPlanner;
import org.smartcc.engine.query.spark.SetResolver;

/**
 * Modifiers, SAMEINSTANCENUM, exclusion within a visit, sets and patients as items, LARGETEXT and temporal
 * subqueries: each Spark answer equals a hand-written SQL query on the relational store (H2).
 */
class PlannerFeaturesTest {

    static final String MEDS = "\\\\i2b2\\SMART\\Medications\\";
    static final String PROBLEMS = "\\\\i2b2\\SMART\\Statement types\\Problem [SMART:Problem]\\";
    static final String MEDS_SQL = "concept_cd LIKE 'RXNORM:%'";
    static final String PROBLEMS_SQL = "concept_cd IN (SELECT concept_cd FROM concept_dimension WHERE concept_path"
            + " LIKE '\\SMART\\Statement types\\Problem [SMART:Problem]\\%' ESCAPE '!')";

    static PatientSetPlanner planner;
    static Map<String, List<Integer>> storedSets;

    @BeforeAll
    static void load() throws SQLException {
        SparkSession spark = SharedSpark.engine().spark();
        storedSets = Map.of("7", List.copyOf(sql("SELECT patient_num FROM patient_dimension WHERE MOD(patient_num, 2)"
                + " = 0")));
        SetResolver sets = (key, path) -> {
            String id = key.text().substring(key.text().indexOf(':') + 1);
            List<Integer> members = storedSets.get(id);
            if (members == null) {
                return SetResolver.NONE.members(key, path);
            }
            return spark.createDataset(members, Encoders.INT()).toDF("patient_num");
        };
        planner = new PatientSetPlanner(spark, SampleStore.snapshot(), sets);
    }

    @Test
    void modifierWithNumberValue() throws SQLException {
        Set<Integer> expected = sql("SELECT patient_num FROM observation_fact WHERE " + MEDS_SQL
                + " AND modifier_cd = 'MED:DOSE' AND valtype_cd = 'N' AND tval_char = 'E' AND nval_num > 300");
        assertSame(expected, panels(panel("ANY", false, item(MEDS, modifier("\\\\MODS\\Medication\\Dose\\",
                value("NUMBER", "GT", "300"))))));
    }

    @Test
    void modifierFolderAndModifierValue() throws SQLException {
        Set<Integer> expected = sql("SELECT patient_num FROM observation_fact WHERE " + MEDS_SQL
                + " AND modifier_cd = 'MED:ROUTE:PO' AND valtype_cd = 'M' AND tval_char = 'PO'");
        assertSame(expected, panels(panel("ANY", false, item(MEDS, modifier("\\\\MODS\\Medication\\Route\\",
                value("MODIFIER", "EQ", "PO"))))));
    }

    @Test
    void sameInstanceTiesAConceptToItsModifier() throws SQLException {
        Set<Integer> expected = sql("SELECT f.patient_num FROM observation_fact f JOIN observation_fact m ON"
                + " m.patient_num = f.patient_num AND m.encounter_num = f.encounter_num AND m.instance_num ="
                + " f.instance_num AND m.concept_cd = f.concept_cd AND m.start_date = f.start_date AND m.provider_id"
                + " = f.provider_id WHERE f.modifier_cd = '@' AND f.start_date >= TIMESTAMP '2008-01-01 00:00:00'"
                + " AND f." + MEDS_SQL + " AND m.modifier_cd = 'MED:DOSE' AND m.nval_num >= 500");
        assertSame(expected, panels(
                panel("SAMEINSTANCENUM", false, "<panel_date_from>2008-01-01T00:00:00</panel_date_from>", item(MEDS)),
                panel("SAMEINSTANCENUM", false, item(MEDS, modifier("\\\\MODS\\Medication\\Dose\\",
                        value("NUMBER", "GE", "500"))))));
    }

    @Test
    void exclusionWithinAVisit() throws SQLException {
        Set<Integer> expected = sql("SELECT f.patient_num FROM observation_fact f WHERE f.modifier_cd = '@' AND f."
                + MEDS_SQL + " AND f.encounter_num >= 0 AND NOT EXISTS (SELECT 1 FROM observation_fact p WHERE"
                + " p.patient_num = f.patient_num AND p.encounter_num = f.encounter_num AND p.modifier_cd = '@'"
                + " AND p." + PROBLEMS_SQL + ")");
        assertSame(expected, panels(panel("SAMEVISIT", false, item(MEDS)), panel("SAMEVISIT", true, item(PROBLEMS))));
    }

    @Test
    void storedSetsAndPatientsAsItems() throws SQLException {
        Set<Integer> evenWithMeds = sql("SELECT patient_num FROM observation_fact WHERE " + MEDS_SQL
                + " AND MOD(patient_num, 2) = 0");
        assertSame(evenWithMeds, panels(panel("ANY", false, item("patient_set_coll_id:7")),
                panel("ANY", false, item(MEDS))));
        Set<Integer> oddWithMeds = sql("SELECT patient_num FROM observation_fact WHERE " + MEDS_SQL
                + " AND MOD(patient_num, 2) = 1");
        assertSame(oddWithMeds, panels(panel("ANY", false, item(MEDS)), panel("ANY", true, item("masterid:7"))));

        int recordPatient = sql("SELECT patient_num FROM patient_mapping WHERE patient_ide = '1032702'").iterator()
                .next();
        assertSame(Set.of(recordPatient), panels(panel("ANY", false, item("PATIENT:SMART:1032702"))));
        assertSame(Set.of(recordPatient), panels(panel("ANY", false, item("patient:HIVE:" + recordPatient))));

        QueryDefinitionException unknown = org.junit.jupiter.api.Assertions.assertThrows(
                QueryDefinitionException.class, () -> planner.plan(parse(panels(panel("ANY", false,
                        item("masterid:404"))))));
        assertEquals("query_definition/panel[1]/item[1]/item_key", unknown.element());
    }

    @Test
    void largeTextSearchesTheStatementText() throws SQLException {
        Set<Integer> expected = sql("SELECT patient_num FROM observation_fact WHERE valtype_cd = 'B' AND "
                + PROBLEMS_SQL + " AND UPPER(observation_blob) LIKE '%HYPERTENSION%'"
                + " AND UPPER(observation_blob) LIKE '%ESSENTIAL%'");
        assertFalse(expected.isEmpty());
        assertSame(expected, panels(panel("ANY", false, item(PROBLEMS, value("LARGETEXT", "CONTAINS",
                "essential &amp; Hypertension")))));
    }

    @Test
    void temporalFirstMedicationMoreThanAYearAfterTheFirstProblem() throws SQLException {
        Set<Integer> expected = sql("SELECT m.patient_num FROM (SELECT patient_num, MIN(start_date) d FROM"
                + " observation_fact WHERE modifier_cd = '@' AND " + MEDS_SQL + " GROUP BY patient_num) m JOIN"
                + " (SELECT patient_num, MIN(start_date) d FROM observation_fact WHERE modifier_cd = '@' AND "
                + PROBLEMS_SQL + " GROUP BY patient_num) p ON p.patient_num = m.patient_num"
                + " WHERE m.d > p.d AND m.d > DATEADD(YEAR, 1, p.d)");
        assertSame(expected, temporal("FIRST", "GREATER", "FIRST", "<span><operator>GREATER</operator>"
                + "<span_value>1</span_value><units>YEAR</units></span>"));
    }

    @Test
    void temporalAnyProblemAfterTheLastMedication() throws SQLException {
        Set<Integer> expected = sql("SELECT m.patient_num FROM (SELECT patient_num, MAX(start_date) d FROM"
                + " observation_fact WHERE modifier_cd = '@' AND " + MEDS_SQL + " GROUP BY patient_num) m JOIN"
                + " observation_fact p ON p.patient_num = m.patient_num AND p.modifier_cd = '@' AND p."
                + PROBLEMS_SQL + " WHERE p.start_date >= m.d AND p.start_date <= DATEADD(DAY, 400, m.d)");
        assertSame(expected, temporal("LAST", "LESSEQUAL", "ANY", "<span><operator>LESSEQUAL</operator>"
                + "<span_value>400</span_value><units>DAY</units></span>"));
    }

    @Test
    void ageAtEventCountsWholeYearsFromTheBirthDate() throws SQLException {
        // "a medication between the 18th and the 40th birthday", by calendar arithmetic in the SQL
        Set<Integer> expected = sql("SELECT f.patient_num FROM observation_fact f JOIN patient_dimension p ON"
                + " p.patient_num = f.patient_num WHERE f.modifier_cd = '@' AND f." + MEDS_SQL + " AND CAST(f.start_date"
                + " AS DATE) >= DATEADD(YEAR, 18, CAST(p.birth_date AS DATE)) AND CAST(f.start_date AS DATE) <"
                + " DATEADD(YEAR, 40, CAST(p.birth_date AS DATE))");
        Set<Integer> withMeds = sql("SELECT patient_num FROM observation_fact WHERE " + MEDS_SQL);
        assertTrue(expected.size() < withMeds.size(), "the age constraint must leave some patients out");
        assertSame(expected, panels(panel("ANY", false, item(MEDS, age("GE", 18), age("LT", 40)))));
        // the same item with the other bound as LE 39, next to an item without ages in the same panel
        Set<Integer> orProblems = new TreeSet<>(expected);
        orProblems.addAll(sql("SELECT patient_num FROM observation_fact WHERE modifier_cd = '@' AND " + PROBLEMS_SQL));
        assertSame(orProblems, panels(panel("ANY", false, item(MEDS, age("GE", 18), age("LE", 39)), item(PROBLEMS))));
    }

    @Test
    void aConceptTheOntologyLacksIsAWarningAndMatchesNobody() {
        CohortPlan plan = planner.plan(parse(panels(panel("ANY", false, item("\\\\i2b2\\No such\\folder\\")))));
        assertEquals(0, plan.patients().count());
        assertEquals(1, plan.warnings().size());
        assertTrue(plan.warnings().get(0).startsWith("query_definition/panel[1]/item[1]: no concept at or below"),
                plan.warnings().get(0));
    }

    private static String temporal(String firstAggregate, String operator, String secondAggregate, String span) {
        return "<query_definition><query_name>t</query_name><query_timing>ANY</query_timing>"
                + "<subquery_constraint><first_query><query_id>Query0</query_id><join_column>STARTDATE</join_column>"
                + "<aggregate_operator>" + firstAggregate + "</aggregate_operator></first_query><operator>" + operator
                + "</operator><second_query><query_id>Query1</query_id><join_column>STARTDATE</join_column>"
                + "<aggregate_operator>" + secondAggregate + "</aggregate_operator></second_query>" + span
                + "</subquery_constraint>"
                + "<subquery><query_id>Query0</query_id><query_type>EVENT</query_type><query_timing>SAMEINSTANCENUM"
                + "</query_timing>" + panel("SAMEINSTANCENUM", false, item(MEDS)) + "</subquery>"
                + "<subquery><query_id>Query1</query_id><query_type>EVENT</query_type><query_timing>SAMEINSTANCENUM"
                + "</query_timing>" + panel("SAMEINSTANCENUM", false, item(PROBLEMS)) + "</subquery>"
                + "</query_definition>";
    }

    private static String panels(String... panels) {
        return "<query_definition><query_name>t</query_name>" + String.join("", panels) + "</query_definition>";
    }

    private static String panel(String timing, boolean invert, String... parts) {
        return "<panel><panel_timing>" + timing + "</panel_timing><invert>" + (invert ? 1 : 0) + "</invert>"
                + String.join("", parts) + "</panel>";
    }

    private static String item(String key, String... constraints) {
        return "<item><item_key>" + key + "</item_key>" + String.join("", constraints) + "</item>";
    }

    private static String modifier(String key, String value) {
        return "<constrain_by_modifier><modifier_name>m</modifier_name><applied_path>\\SMART\\%</applied_path>"
                + "<modifier_key>" + key + "</modifier_key>" + value + "</constrain_by_modifier>";
    }

    private static String age(String operator, int years) {
        return "<constrain_by_age_at_event><operator>" + operator + "</operator><years>" + years + "</years>"
                + "</constrain_by_age_at_event>";
    }

    private static String value(String type, String operator, String value) {
        return "<constrain_by_value><value_type>" + type + "</value_type><value_operator>" + operator
                + "</value_operator><value_constraint>" + value + "</value_constraint></constrain_by_value>";
    }

    private static QueryDefinition parse(String xml) {
        return I2b2QueryParser.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static void assertSame(Set<Integer> expected, String xml) {
        assertFalse(expected.isEmpty(), "no patient expected, the comparison would prove nothing: " + xml);
        Dataset<Row> patients = planner.plan(parse(xml)).patients();
        Set<Integer> actual = new TreeSet<>();
        patients.collectAsList().forEach(r -> actual.add(r.getInt(0)));
        assertEquals(new TreeSet<>(expected), actual, xml);
    }

    private static Set<Integer> sql(String query) throws SQLException {
        Set<Integer> out = new TreeSet<>();
        try (Connection c = SampleStore.database().dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                out.add(rs.getInt(1));
            }
        }
        return out;
    }
}
