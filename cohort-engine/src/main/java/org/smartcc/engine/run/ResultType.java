package org.smartcc.engine.run;

import java.util.Optional;

/**
 * The results a run can produce, with i2b2's {@code QT_QUERY_RESULT_TYPE} names. The breakdowns group the patients by a
 * column of {@code patient_dimension} (age by groups of {@code age_in_years_num}).
 */
public enum ResultType {
    PATIENTSET(null),
    PATIENT_ENCOUNTER_SET(null),
    PATIENT_COUNT_XML(null),
    PATIENT_GENDER_COUNT_XML("sex_cd"),
    PATIENT_AGE_COUNT_XML("age_in_years_num"),
    PATIENT_RACE_COUNT_XML("race_cd"),
    PATIENT_VITALSTATUS_COUNT_XML("vital_status_cd");

    private final String breakdownColumn;

    ResultType(String breakdownColumn) {
        this.breakdownColumn = breakdownColumn;
    }

    /** The patient_dimension column a breakdown groups by; empty for sets and the count. */
    public Optional<String> breakdownColumn() {
        return Optional.ofNullable(breakdownColumn);
    }
}
