package org.smartcc.engine.run;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.smartcc.engine.query.QueryDefinitionException;

/**
 * The results a run can produce, with i2b2's {@code QT_QUERY_RESULT_TYPE} names. The demographic breakdowns group the
 * patients by a column of {@code patient_dimension} (age by groups of {@code age_in_years_num}); i2b2's SQL breakdowns
 * (its {@code QueryResultPatientSQLCountGenerator} types) group them by their visits or facts ({@link SqlBreakdowns}).
 */
public enum ResultType {
    PATIENTSET(null, false),
    PATIENT_ENCOUNTER_SET(null, false),
    PATIENT_COUNT_XML(null, false),
    PATIENT_GENDER_COUNT_XML("sex_cd", true),
    PATIENT_AGE_COUNT_XML("age_in_years_num", true),
    PATIENT_RACE_COUNT_XML("race_cd", true),
    PATIENT_VITALSTATUS_COUNT_XML("vital_status_cd", true),
    /** i2b2's "Length of stay breakdown": patients by the length of their visits, in configured groups of days. */
    PATIENT_LOS_XML(null, true),
    /** i2b2's "Top 20 medications breakdown": the medication concepts most patients of the set have. */
    PATIENT_TOP20MEDS_XML(null, true),
    /** i2b2's "Top 20 diagnoses breakdown": the problem concepts most patients of the set have. */
    PATIENT_TOP20DIAG_XML(null, true),
    /** i2b2's "Inpatient and outpatient breakdown": patients by {@code visit_dimension.inout_cd} of their visits. */
    PATIENT_INOUT_XML(null, true);

    /**
     * Lower-case names i2b2 clients and i2b2's own test messages send in {@code result_output name=}, besides the
     * type names in any case: {@code in_out_count_xml} (and {@code inout_count_xml}) in the SQLBreakdown messages,
     * {@code length_of_stay_count_xml} after the same pattern.
     */
    private static final Map<String, ResultType> ALIASES = Map.of(
            "IN_OUT_COUNT_XML", PATIENT_INOUT_XML,
            "INOUT_COUNT_XML", PATIENT_INOUT_XML,
            "LENGTH_OF_STAY_COUNT_XML", PATIENT_LOS_XML);

    private final String breakdownColumn;
    private final boolean breakdown;

    ResultType(String breakdownColumn, boolean breakdown) {
        this.breakdownColumn = breakdownColumn;
        this.breakdown = breakdown;
    }

    /** The patient_dimension column a demographic breakdown groups by; empty for the others. */
    public Optional<String> breakdownColumn() {
        return Optional.ofNullable(breakdownColumn);
    }

    /** Whether the result is a breakdown: protected cells (i2b2's display type CATNUM). */
    public boolean isBreakdown() {
        return breakdown;
    }

    /**
     * The type an API names: the i2b2 name in any case, or one of the aliases i2b2 clients send.
     *
     * @param where the element or JSON pointer the name came from, for the refusal
     * @throws QueryDefinitionException when no type has the name
     */
    public static ResultType named(String name, String where) {
        String upper = name.trim().toUpperCase(Locale.ROOT);
        ResultType alias = ALIASES.get(upper);
        if (alias != null) {
            return alias;
        }
        try {
            return valueOf(upper);
        } catch (IllegalArgumentException e) {
            throw new QueryDefinitionException(where, "'" + name + "' is not a result type of this engine: "
                    + Arrays.toString(values()) + " (also " + String.join(", ", ALIASES.keySet().stream().sorted()
                    .map(a -> a.toLowerCase(Locale.ROOT)).toList()) + ")");
        }
    }
}
