package org.smartcc.engine.query;

/**
 * What an item selects (cohort-model §1.4 {@code item_key}): a concept path in an ontology table, or one of the
 * prefix forms for previous queries, patient and encounter sets, and single patients or encounters.
 */
public sealed interface ItemKey {

    /** {@code \\TABLE_CD\c_fullname}: every concept at or below the path. */
    record ConceptPath(String table, String path) implements ItemKey {
    }

    /** {@code masterid:<id>}: the patients of an earlier query. */
    record PreviousQuery(String masterId) implements ItemKey {
    }

    /** {@code patient_set_coll_id:<id>}. */
    record PatientSet(String id) implements ItemKey {
    }

    /** {@code patient_set_enc_id:<id>}. */
    record EncounterSet(String id) implements ItemKey {
    }

    /** {@code patient:<source>:<id>} (or a bare number). */
    record Patient(String id) implements ItemKey {
    }

    /** {@code encounter:<source>:<id>}. */
    record Encounter(String id) implements ItemKey {
    }
}
