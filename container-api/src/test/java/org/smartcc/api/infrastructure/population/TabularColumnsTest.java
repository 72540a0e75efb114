package org.smartcc.api.infrastructure.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.smartcc.records.domain.ApiCall;
import org.smartcc.records.domain.CallCategory;
import org.smartcc.records.domain.Cardinality;

/** The columns generated from the ontology: every collection of the call table has some, codes as triples. */
class TabularColumnsTest {

    @Test
    void everyCollectionCallOfTheCallTableHasColumnsBeyondRecordAndStatement() {
        Set<String> collections = new TreeSet<>();
        for (ApiCall call : SampleRecords.CALLS.calls()) {
            String t = call.path().template();
            if (call.httpMethod().equals("GET") && call.category() == CallCategory.RECORD
                    && call.cardinality() == Cardinality.MULTIPLE && t.matches("/records/\\{record_id}/[a-z_]+/")) {
                collections.add(t.split("/")[3]);
            }
        }
        assertTrue(collections.size() >= 14, "the call table's collections: " + collections);
        assertTrue(SampleRecords.COLLECTIONS.columnsByName().keySet().containsAll(collections),
                "projections " + SampleRecords.COLLECTIONS.columnsByName().keySet() + " miss some of " + collections);
        assertTrue(SampleRecords.COLLECTIONS.columnsByName().keySet().containsAll(List.of("demographics", "social_history")));
        SampleRecords.COLLECTIONS.columnsByName().forEach((name, columns) -> {
            assertEquals(List.of("record_id", "statement"), columns.names().subList(0, 2), name);
            assertTrue(columns.names().size() > 2, name + " has no field columns");
            assertEquals(columns.names().size(), new TreeSet<>(columns.names()).size(), name + " repeats a column");
            columns.names().forEach(n -> assertTrue(n.matches("[A-Za-z][A-Za-z0-9_]*"), name + ": column " + n));
        });
    }

    @Test
    void medicationsProblemsAndLabResultsHaveTheirMainFieldsWithCodesAsTriples() {
        assertStartsWith(SampleRecords.columns("medications").names(), "record_id", "statement", "drugName_system",
                "drugName_code", "drugName_title", "startDate", "endDate", "instructions", "quantity_value",
                "quantity_unit", "frequency_value", "frequency_unit");
        assertStartsWith(SampleRecords.columns("problems").names(), "record_id", "statement", "problemName_system",
                "problemName_code", "problemName_title", "startDate", "endDate");
        List<String> labs = SampleRecords.columns("lab_results").names();
        assertTrue(labs.containsAll(List.of("labName_system", "labName_code", "labName_title",
                "quantitativeResult_valueAndUnit_value", "quantitativeResult_valueAndUnit_unit",
                "quantitativeResult_normalRange_minimum_value", "quantitativeResult_normalRange_maximum_value",
                "abnormalInterpretation_system", "abnormalInterpretation_code", "abnormalInterpretation_title",
                "date", "accessionNumber")), labs.toString());
    }

    @Test
    void aVitalSignSetHasOneColumnGroupPerReadingAndItsEncounterAsALink() {
        List<String> vitals = SampleRecords.columns("vital_sign_sets").names();
        assertTrue(vitals.containsAll(List.of("date", "encounter", "height_value", "height_unit", "weight_value",
                "heartRate_value", "temperature_unit", "bloodPressure_systolic_value", "bloodPressure_systolic_unit",
                "bloodPressure_diastolic_value", "bloodPressure_bodyPosition_code")), vitals.toString());
        assertTrue(SampleRecords.columns("documents").names().containsAll(List.of("fileSize_value", "fileSize_unit")));
    }

    private static void assertStartsWith(List<String> actual, String... expected) {
        assertEquals(List.of(expected), actual.subList(0, Math.min(expected.length, actual.size())), actual.toString());
    }
}
