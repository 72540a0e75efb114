package org.smartcc.engine.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartcc.engine.SampleStore;
import org.smartcc.engine.SharedSpark;
import org.smartcc.engine.query.i2b2.I2b2QueryParser;
import org.smartcc.engine.query.json.QueryJson;
import org.smartcc.engine.query.spark.CohortPlan;
import org.smartcc.engine.query.spark.PatientSetPlanner;
import org.smartcc.engine.query.spark.SetResolver;

/**
 * Demographic terms as items: every term and folder, alone, beside a concept panel, as an excluded panel and in a
 * same-visit panel, from i2b2 XML and from JSON, equals a hand-written SQL query on {@code patient_dimension} (H2).
 * Ages count on a fixed day, {@link #AS_OF}; the SQL counts them by calendar years ({@code DATEADD}).
 */
class DemographicItemsTest {

    static final LocalDate AS_OF = LocalDate.of(2025, 7, 1);
    static final String MEDS = "\\\\i2b2\\SMART\\Medications\\";
    static final String DEM = "\\\\i2b2\\SMART\\Demographics\\";
    static final String WITH_FACTS = "patient_num IN (SELECT patient_num FROM observation_fact WHERE modifier_cd ="
            + " '@')";
    static final String MEDS_SQL = "SELECT patient_num FROM observation_fact WHERE modifier_cd = '@' AND concept_cd"
            + " LIKE 'RXNORM:%'";

    /** Item key → the patient_dimension condition it stands for, written out by hand. */
    static final Map<String, String> TERMS = new LinkedHashMap<>();

    static {
        TERMS.put(DEM + "Gender\\Female\\", "sex_cd = 'F'");
        TERMS.put(DEM + "Gender\\Male\\", "sex_cd = 'M'");
        TERMS.put(DEM + "Gender\\Unknown\\", "sex_cd = 'U'");
        TERMS.put(DEM + "Gender\\", "sex_cd IN ('F', 'M', 'U')");
        int[][] groups = {{0, 9}, {10, 17}, {18, 34}, {35, 44}, {45, 54}, {55, 64}, {65, 74}, {75, 84}};
        for (int[] group : groups) {
            TERMS.put(DEM + "Age\\" + group[0] + "-" + group[1] + " years old\\", ageAtLeast(group[0]) + " AND NOT "
                    + ageAtLeast(group[1] + 1));
        }
        TERMS.put(DEM + "Age\\>= 85 years old\\", ageAtLeast(85));
        TERMS.put(DEM + "Age\\", ageAtLeast(0));
        TERMS.put(DEM + "Vital status\\Living\\", "vital_status_cd = 'N'");
        TERMS.put(DEM + "Vital status\\Deceased\\", "vital_status_cd = 'Y'");
        TERMS.put(DEM + "Vital status\\", "vital_status_cd IN ('N', 'Y')");
        TERMS.put(DEM + "Race\\asian\\", "race_cd = 'asian'");
        TERMS.put(DEM + "Race\\black\\", "race_cd = 'black'");
        TERMS.put(DEM + "Race\\white\\", "race_cd = 'white'");
        TERMS.put(DEM + "Race\\", "race_cd IN ('asian', 'black', 'white')");
        TERMS.put(DEM, "sex_cd IN ('F', 'M', 'U') OR " + ageAtLeast(0)
                + " OR vital_status_cd IN ('N', 'Y') OR race_cd IN ('asian', 'black', 'white')");
    }

    static final AtomicReference<LocalDate> asOf = new AtomicReference<>(AS_OF);
    static PatientSetPlanner planner;

    @BeforeAll
    static void load() {
        planner = new PatientSetPlanner(SharedSpark.engine().spark(), SampleStore.snapshot(), SetResolver.NONE,
                asOf::get);
    }

    /** Born at least {@code years} years before the as-of day (a 29 February birthday counts on 28 February). */
    private static String ageAtLeast(int years) {
        return "DATEADD(YEAR, " + years + ", CAST(birth_date AS DATE)) <= DATE '" + AS_OF + "'";
    }

    @Test
    void everyTermAndFolderAloneFromXmlAndJson() throws SQLException {
        int nonEmpty = 0;
        for (Map.Entry<String, String> term : TERMS.entrySet()) {
            Set<Integer> expected = sql("SELECT patient_num FROM patient_dimension WHERE (" + term.getValue() + ") AND "
                    + WITH_FACTS);
            nonEmpty += expected.isEmpty() ? 0 : 1;
            assertEquals(expected, patients(xml(panel("ANY", false, item(term.getKey())))), term.getKey());
            assertEquals(expected, patients(QueryJson.read("{\"panels\": [{\"items\": [{\"key\": \""
                    + term.getKey().replace("\\", "\\\\") + "\"}]}]}")), "JSON " + term.getKey());
        }
        assertTrue(nonEmpty >= TERMS.size() - 4, "most terms must select someone, or the comparison proves little");
    }

    @Test
    void everyTermAndFolderBesideAConceptPanelAndExcluded() throws SQLException {
        Set<Integer> withMeds = sql(MEDS_SQL);
        for (Map.Entry<String, String> term : TERMS.entrySet()) {
            Set<Integer> selected = sql("SELECT patient_num FROM patient_dimension WHERE " + term.getValue());
            Set<Integer> both = new TreeSet<>(withMeds);
            both.retainAll(selected);
            assertEquals(both, patients(xml(panel("ANY", false, item(term.getKey())), panel("ANY", false,
                    item(MEDS)))), "with medications: " + term.getKey());
            Set<Integer> without = new TreeSet<>(withMeds);
            without.removeAll(selected);
            assertEquals(without, patients(xml(panel("ANY", false, item(MEDS)), panel("ANY", true,
                    item(term.getKey())))), "medications, not " + term.getKey());
        }
    }

    @Test
    void aTermOrAConceptInOnePanel() throws SQLException {
        Set<Integer> expected = sql("SELECT patient_num FROM patient_dimension WHERE race_cd = 'asian' AND "
                + WITH_FACTS + " UNION " + MEDS_SQL);
        assertEquals(expected, patients(xml(panel("ANY", false, item(DEM + "Race\\asian\\"), item(MEDS)))));
    }

    @Test
    void sameVisitMeansAVisitOfThePatientWithTheOtherPanelsFacts() throws SQLException {
        Set<Integer> expected = sql("SELECT patient_num FROM observation_fact WHERE modifier_cd = '@' AND concept_cd"
                + " LIKE 'RXNORM:%' AND encounter_num >= 0 AND patient_num IN (SELECT patient_num FROM"
                + " patient_dimension WHERE sex_cd = 'F')");
        assertFalse(expected.isEmpty());
        assertEquals(expected, patients(xml(panel("SAMEVISIT", false, item(DEM + "Gender\\Female\\")),
                panel("SAMEVISIT", false, item(MEDS)))));
    }

    @Test
    void theAgeChangesOnTheBirthdayAndOn28FebruaryForThe29th() throws SQLException {
        int leapling = sql("SELECT patient_num FROM patient_dimension WHERE birth_date = TIMESTAMP"
                + " '2000-02-29 00:00:00'").iterator().next();
        int other = sql("SELECT patient_num FROM patient_dimension WHERE birth_date IS NOT NULL AND"
                + " MONTH(birth_date) = 7 AND DAY(birth_date) > 1 AND patient_num <> " + leapling).stream()
                .findFirst().orElse(leapling);
        try {
            assertAge(leapling, LocalDate.of(2010, 2, 27), "0-9");
            assertAge(leapling, LocalDate.of(2010, 2, 28), "10-17");
            LocalDate born = birthDate(other);
            assertAge(other, born.plusYears(18).minusDays(1), "10-17");
            assertAge(other, born.plusYears(18), "18-34");
        } finally {
            asOf.set(AS_OF);
        }
    }

    @Test
    void anUnknownDemographicPathIsAWarningAndMatchesNobody() {
        CohortPlan plan = planner.plan(xml(panel("ANY", false, item(DEM + "Gender\\Other\\"))));
        assertEquals(0, plan.patients().count());
        assertEquals(1, plan.warnings().size());
        assertTrue(plan.warnings().get(0).startsWith("query_definition/panel[1]/item[1]: no demographic term at or"
                + " below \\SMART\\Demographics\\Gender\\Other\\"), plan.warnings().get(0));
        // a race code no patient has is no term either
        assertEquals(1, planner.plan(xml(panel("ANY", false, item(DEM + "Race\\martian\\")))).warnings().size());
    }

    @Test
    void aModifierOnADemographicTermIsRefused() {
        QueryDefinitionException e = assertThrows(QueryDefinitionException.class, () -> planner.plan(xml(panel(
                "ANY", false, "<item><item_key>" + DEM + "Gender\\Female\\</item_key><constrain_by_modifier>"
                        + "<modifier_name>m</modifier_name><applied_path>\\SMART\\%</applied_path><modifier_key>"
                        + "\\\\MODS\\Medication\\Dose\\</modifier_key></constrain_by_modifier></item>"))));
        assertEquals("query_definition/panel[1]/item[1]/constrain_by_modifier", e.element());
    }

    private static void assertAge(int patient, LocalDate day, String group) throws SQLException {
        asOf.set(day);
        for (String other : new String[] {"0-9", "10-17", "18-34"}) {
            Set<Integer> found = patients(xml(panel("ANY", false, item(DEM + "Age\\" + other + " years old\\")),
                    panel("ANY", false, item("patient:HIVE:" + patient))));
            assertEquals(other.equals(group) ? Set.of(patient) : Set.of(), found, patient + " on " + day + " in "
                    + other);
        }
    }

    private static LocalDate birthDate(int patient) throws SQLException {
        try (Connection c = SampleStore.database().dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT CAST(birth_date AS DATE) FROM patient_dimension WHERE patient_num"
                     + " = " + patient)) {
            rs.next();
            return rs.getDate(1).toLocalDate();
        }
    }

    private static QueryDefinition xml(String... panels) {
        String text = "<query_definition><query_name>t</query_name>" + String.join("", panels)
                + "</query_definition>";
        return I2b2QueryParser.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String panel(String timing, boolean invert, String... items) {
        return "<panel><panel_timing>" + timing + "</panel_timing><invert>" + (invert ? 1 : 0) + "</invert>"
                + String.join("", items) + "</panel>";
    }

    private static String item(String key) {
        return "<item><item_key>" + key.replace(">", "&gt;") + "</item_key></item>";
    }

    private static Set<Integer> patients(QueryDefinition query) {
        Set<Integer> found = new TreeSet<>();
        planner.plan(query).patients().collectAsList().forEach(r -> found.add(r.getInt(0)));
        return found;
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
