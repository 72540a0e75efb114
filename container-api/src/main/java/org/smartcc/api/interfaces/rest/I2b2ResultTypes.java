package org.smartcc.api.interfaces.rest;

import java.util.Map;
import org.smartcc.engine.run.ResultType;

/**
 * The result types as i2b2's {@code QT_QUERY_RESULT_TYPE} rows describe them to its clients: id, description and
 * display type (CATNUM for counts and breakdowns, which the web client draws; LIST for sets). i2b2's own ids, so that
 * a client that remembers them finds the same types.
 */
final class I2b2ResultTypes {

    /** One row of i2b2's table. */
    record Row(int id, String description, String displayType) {
    }

    private static final Map<ResultType, Row> ROWS = Map.ofEntries(
            Map.entry(ResultType.PATIENTSET, new Row(1, "Patient set", "LIST")),
            Map.entry(ResultType.PATIENT_ENCOUNTER_SET, new Row(2, "Encounter set", "LIST")),
            Map.entry(ResultType.PATIENT_COUNT_XML, new Row(4, "Number of patients", "CATNUM")),
            Map.entry(ResultType.PATIENT_GENDER_COUNT_XML, new Row(5, "Gender patient breakdown", "CATNUM")),
            Map.entry(ResultType.PATIENT_VITALSTATUS_COUNT_XML, new Row(6, "Vital Status patient breakdown",
                    "CATNUM")),
            Map.entry(ResultType.PATIENT_RACE_COUNT_XML, new Row(7, "Race patient breakdown", "CATNUM")),
            Map.entry(ResultType.PATIENT_AGE_COUNT_XML, new Row(8, "Age patient breakdown", "CATNUM")),
            Map.entry(ResultType.PATIENT_LOS_XML, new Row(10, "Length of stay breakdown", "CATNUM")),
            Map.entry(ResultType.PATIENT_TOP20MEDS_XML, new Row(11, "Top 20 medications breakdown", "CATNUM")),
            Map.entry(ResultType.PATIENT_TOP20DIAG_XML, new Row(12, "Top 20 diagnoses breakdown", "CATNUM")),
            Map.entry(ResultType.PATIENT_INOUT_XML, new Row(13, "Inpatient and outpatient breakdown", "CATNUM")));

    private I2b2ResultTypes() {
    }

    static Row of(ResultType type) {
        return ROWS.get(type);
    }

    /** {@code query_result_type} as i2b2 writes it, for the list of types and inside each result instance. */
    static String element(ResultType type) {
        Row row = of(type);
        return "<query_result_type><result_type_id>" + row.id() + "</result_type_id><name>" + type.name()
                + "</name><display_type>" + row.displayType() + "</display_type><visual_attribute_type>LA"
                + "</visual_attribute_type><description>" + row.description() + "</description></query_result_type>";
    }
}
