package org.smartcc.engine.internal.spark;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The star-schema tables a snapshot holds, with the columns the engine reads: everything but the blobs, which stay
 * in the database for the SMART API (only text facts keep theirs, in {@link #OBSERVATION_TEXT}).
 */
public final class StarSchemaTables {

    public static final String OBSERVATION_FACT = "observation_fact";

    /**
     * The text facts ({@code valtype_cd = 'B'}) with their blobs, for LARGETEXT search: an optional table, written
     * from the database only (synthetic data has no text facts).
     */
    public static final String OBSERVATION_TEXT = "observation_text";

    /** The query that reads {@link #OBSERVATION_TEXT} from the database. */
    public static final String OBSERVATION_TEXT_QUERY = "SELECT patient_num, encounter_num, instance_num, concept_cd,"
            + " start_date, provider_id, end_date, modifier_cd, valtype_cd, tval_char, observation_blob"
            + " FROM observation_fact WHERE valtype_cd = 'B'";

    /** Table name to column list, in snapshot order. */
    public static final Map<String, String> COLUMNS = columns();

    private StarSchemaTables() {
    }

    private static Map<String, String> columns() {
        Map<String, String> tables = new LinkedHashMap<>();
        tables.put(OBSERVATION_FACT, "encounter_num, patient_num, concept_cd, provider_id, start_date, modifier_cd,"
                + " instance_num, valtype_cd, tval_char, nval_num, valueflag_cd, quantity_num, units_cd, end_date,"
                + " location_cd, confidence_num, sourcesystem_cd");
        tables.put("patient_dimension", "patient_num, vital_status_cd, birth_date, death_date, sex_cd,"
                + " age_in_years_num, language_cd, race_cd, marital_status_cd, religion_cd, zip_cd,"
                + " statecityzip_path, income_cd, sourcesystem_cd");
        tables.put("visit_dimension", "encounter_num, patient_num, active_status_cd, start_date, end_date, inout_cd,"
                + " location_cd, location_path, length_of_stay, sourcesystem_cd");
        tables.put("concept_dimension", "concept_path, concept_cd, name_char, sourcesystem_cd");
        tables.put("modifier_dimension", "modifier_path, modifier_cd, name_char, sourcesystem_cd");
        tables.put("provider_dimension", "provider_id, provider_path, name_char, sourcesystem_cd");
        tables.put("patient_mapping", "patient_ide, patient_ide_source, patient_num, patient_ide_status, project_id");
        return java.util.Collections.unmodifiableMap(tables);
    }
}
