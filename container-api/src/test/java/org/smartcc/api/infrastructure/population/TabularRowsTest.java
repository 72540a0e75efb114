package org.smartcc.api.infrastructure.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rows of real per-record answers: record 1081332 has 7 medications (one of them RxNorm 617993 with 2
 * fulfillments), record 99912345 has 51 vital sign sets, record 1134281 lab results with normal ranges.
 */
class TabularRowsTest {

    @TempDir
    static Path dir;
    static SampleRecords records;

    @BeforeAll
    static void load() throws Exception {
        records = SampleRecords.load(dir, "1081332", "99912345", "1134281");
    }

    @AfterAll
    static void close() {
        records.close();
    }

    @Test
    void oneRowPerMedicationWithItsCodeSplitIntoSystemCodeAndTitle() {
        TabularColumns columns = SampleRecords.columns("medications");
        List<Map<String, String>> rows = named(columns, TabularRows.of(columns, "1081332",
                records.answer("1081332", "medications")));
        assertEquals(7, rows.size(), "the 7 medications, not their fulfillments");
        for (Map<String, String> row : rows) {
            assertEquals("1081332", row.get("record_id"));
            assertTrue(row.get("statement").startsWith("http://localhost:8080/records/1081332/medications/"), row.toString());
            assertEquals("http://purl.bioontology.org/ontology/RXNORM/", row.get("drugName_system"), row.toString());
            assertTrue(row.get("drugName_code").matches("\\d+"), row.toString());
            assertTrue(row.get("drugName_title") != null && !row.get("drugName_title").isBlank(), row.toString());
            assertTrue(row.get("startDate").matches("\\d{4}-\\d{2}-\\d{2}.*"), row.toString());
        }
        assertEquals(1, rows.stream().filter(r -> "617993".equals(r.get("drugName_code"))).count());
        assertTrue(rows.stream().anyMatch(r -> r.get("quantity_value") != null && r.get("quantity_unit") != null));
    }

    @Test
    void vitalSignSetsGiveEachReadingItsValueAndUnit() {
        TabularColumns columns = SampleRecords.columns("vital_sign_sets");
        List<Map<String, String>> rows = named(columns, TabularRows.of(columns, "99912345",
                records.answer("99912345", "vital_sign_sets")));
        assertEquals(51, rows.size());
        assertTrue(rows.stream().anyMatch(r -> r.get("bloodPressure_systolic_value") != null
                && "mm[Hg]".equals(r.get("bloodPressure_systolic_unit"))), rows.get(0).toString());
        assertTrue(rows.stream().allMatch(r -> r.get("encounter") == null
                || r.get("encounter").startsWith("http://localhost:8080/records/99912345/encounters/")));
        assertTrue(rows.stream().anyMatch(r -> r.get("heartRate_value") != null));
    }

    @Test
    void labResultsHaveTheirValueUnitAndNormalRange() {
        TabularColumns columns = SampleRecords.columns("lab_results");
        List<Map<String, String>> rows = named(columns, TabularRows.of(columns, "1134281",
                records.answer("1134281", "lab_results")));
        assertTrue(rows.size() > 0);
        Map<String, String> pmv = rows.stream().filter(r -> "28542-9".equals(r.get("labName_code")))
                .filter(r -> "2005-07-05".equals(r.get("date"))).findFirst().orElseThrow();
        assertEquals("http://purl.bioontology.org/ontology/LNC/", pmv.get("labName_system"));
        assertEquals("7.8", pmv.get("quantitativeResult_valueAndUnit_value"));
        assertEquals("fL", pmv.get("quantitativeResult_valueAndUnit_unit"));
        assertEquals("6.3", pmv.get("quantitativeResult_normalRange_minimum_value"));
        assertEquals("9.6", pmv.get("quantitativeResult_normalRange_maximum_value"));
        assertEquals("A717389620", pmv.get("accessionNumber"));
        assertNull(pmv.get("notes"));
    }

    static List<Map<String, String>> named(TabularColumns columns, List<String[]> rows) {
        return rows.stream().map(row -> {
            assertEquals(columns.names().size(), row.length);
            Map<String, String> named = new HashMap<>();
            for (int i = 0; i < row.length; i++) {
                named.put(columns.names().get(i), row[i]);
            }
            return named;
        }).toList();
    }
}
