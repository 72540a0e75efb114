package org.smartcc.bench;

import java.util.List;

/**
 * The query classes of the cohort benchmark (issue #4), as i2b2 {@code query_definition} documents over concepts that
 * the synthetic generator writes ({@code catalogue.tsv}): leaves where a query names a code, ingredient folders where
 * an i2b2 user would pick a drug. The selectivities are those of real cohort queries: the diagnoses reach a few
 * percent to two thirds of the patients, the labs nearly all of them.
 */
final class CohortQueryClasses {

    /** One query class: a short name for the table and the i2b2 XML. */
    record QueryClass(String name, String xml) {
    }

    private static final String DIABETES = concept("Problems", "Diabetes Mellitus, Type 2 [SNOMED:44054006]");
    private static final String HYPERTENSION = concept("Problems", "Essential hypertension [SNOMED:38341003]");
    private static final String BENIGN_HYPERTENSION = concept("Problems",
            "Benign essential hypertension [SNOMED:1201005]");
    private static final String LISINOPRIL = concept("Medications", "LISINOPRIL");
    private static final String AMLODIPINE = concept("Medications", "AMLODIPINE");
    private static final String METOPROLOL = concept("Medications", "METOPROLOL");
    private static final String METFORMIN = concept("Medications", "24 HR METFORMIN HYDROCHLORIDE");
    private static final String GLUCOSE = concept("Lab results", "Serum or plasma",
            "Glucose SerPl-mCnc [LOINC:2345-7]");
    private static final String HBA1C = concept("Lab results", "Blood", "Hgb A1c MFr Bld [LOINC:4548-4]");
    private static final String TROPONIN = concept("Lab results", "Serum or plasma",
            "Troponin I SerPl-mCnc [LOINC:10839-9]");
    private static final String EMERGENCY = concept("Encounters", "Encounter types",
            "emergency encounter [EncounterType:emergency]");

    static final List<QueryClass> ALL = List.of(
            new QueryClass("one concept", query(panel("ANY", false, 1, item(DIABETES)))),
            new QueryClass("three panels, OR inside", query(
                    panel("ANY", false, 1, item(HYPERTENSION), item(BENIGN_HYPERTENSION)),
                    panel("ANY", false, 1, item(LISINOPRIL), item(AMLODIPINE), item(METOPROLOL)),
                    panel("ANY", false, 1, item(GLUCOSE), item(HBA1C)))),
            new QueryClass("value (HbA1c > 6.5)", query(panel("ANY", false, 1,
                    item(HBA1C, "<constrain_by_value><value_type>NUMBER</value_type><value_operator>GT"
                            + "</value_operator><value_constraint>6.5</value_constraint><value_unit_of_measure>%"
                            + "</value_unit_of_measure></constrain_by_value>")))),
            new QueryClass("same visit", query(panel("SAMEVISIT", false, 1, item(EMERGENCY)),
                    panel("SAMEVISIT", false, 1, item(TROPONIN)))),
            new QueryClass("occurrences >= 3", query(panel("ANY", false, 3, item(LISINOPRIL)))),
            new QueryClass("exclusion", query(panel("ANY", false, 1, item(DIABETES)),
                    panel("ANY", true, 1, item(METFORMIN)))),
            new QueryClass("temporal (B <= 30 d after first A)", temporal()));

    private CohortQueryClasses() {
    }

    /** The item key of a concept below {@code \SMART\}, as the i2b2 web client writes it. */
    private static String concept(String... segments) {
        return "\\\\i2b2\\SMART\\" + String.join("\\", segments) + "\\";
    }

    /**
     * "Lisinopril within 30 days after the first essential hypertension": event subqueries in SAMEINSTANCENUM timing,
     * as the i2b2 web client writes them.
     */
    private static String temporal() {
        return "<query_definition><query_name>temporal</query_name><query_timing>ANY</query_timing>"
                + "<subquery_constraint><first_query><query_id>Query0</query_id><join_column>STARTDATE</join_column>"
                + "<aggregate_operator>FIRST</aggregate_operator></first_query><operator>LESS</operator>"
                + "<second_query><query_id>Query1</query_id><join_column>STARTDATE</join_column>"
                + "<aggregate_operator>ANY</aggregate_operator></second_query><span><operator>LESSEQUAL</operator>"
                + "<span_value>30</span_value><units>DAY</units></span></subquery_constraint>"
                + subquery("Query0", HYPERTENSION) + subquery("Query1", LISINOPRIL) + "</query_definition>";
    }

    private static String subquery(String id, String concept) {
        return "<subquery><query_id>" + id + "</query_id><query_type>EVENT</query_type><query_timing>SAMEINSTANCENUM"
                + "</query_timing>" + panel("SAMEINSTANCENUM", false, 1, item(concept)) + "</subquery>";
    }

    private static String query(String... panels) {
        return "<query_definition><query_name>bench</query_name><query_timing>ANY</query_timing>"
                + String.join("", panels) + "</query_definition>";
    }

    private static String panel(String timing, boolean invert, int occurrences, String... items) {
        return "<panel><panel_timing>" + timing + "</panel_timing><invert>" + (invert ? 1 : 0) + "</invert>"
                + "<total_item_occurrences>" + occurrences + "</total_item_occurrences>" + String.join("", items)
                + "</panel>";
    }

    private static String item(String key, String... constraints) {
        return "<item><item_key>" + key + "</item_key>" + String.join("", constraints) + "</item>";
    }
}
