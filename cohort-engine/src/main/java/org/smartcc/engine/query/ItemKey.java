package org.smartcc.engine.query;

/**
 * What an item selects (cohort-model §1.4 {@code item_key}): a concept path in an ontology table, or one of the
 * prefix forms for previous queries, patient and encounter sets, and single patients or encounters.
 */
public sealed interface ItemKey {

    /** The key as i2b2 writes it in {@code item_key}. */
    default String text() {
        if (this instanceof ConceptPath c) {
            return "\\\\" + c.table() + c.path();
        } else if (this instanceof PreviousQuery q) {
            return "masterid:" + q.masterId();
        } else if (this instanceof PatientSet s) {
            return "patient_set_coll_id:" + s.id();
        } else if (this instanceof EncounterSet s) {
            return "patient_set_enc_id:" + s.id();
        } else if (this instanceof Patient p) {
            return "patient:" + p.id();
        }
        return "encounter:" + ((Encounter) this).id();
    }

    /**
     * Reads an {@code item_key}; prefixes are case-insensitive, as in i2b2.
     *
     * @param path the element, for the error
     */
    static ItemKey parse(String text, String path) {
        if (text.startsWith("\\\\")) {
            int end = text.indexOf('\\', 2);
            if (end < 0 || end == 2 || end == text.length() - 1) {
                throw new QueryDefinitionException(path, "'" + text + "' is not \\\\TABLE_CD\\concept path");
            }
            return new ConceptPath(text.substring(2, end), text.substring(end));
        }
        int colon = text.indexOf(':');
        String prefix = colon < 0 ? "" : text.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
        String rest = colon < 0 ? "" : text.substring(colon + 1).trim();
        if (rest.isEmpty()) {
            throw new QueryDefinitionException(path, "'" + text + "' is neither a concept path (\\\\TABLE_CD\\...) "
                    + "nor masterid:, patient_set_coll_id:, patient_set_enc_id:, patient: or encounter: with an id");
        }
        return switch (prefix) {
            case "masterid" -> new PreviousQuery(rest);
            case "patient_set_coll_id" -> new PatientSet(rest);
            case "patient_set_enc_id" -> new EncounterSet(rest);
            case "patient" -> new Patient(rest);
            case "encounter" -> new Encounter(rest);
            default -> throw new QueryDefinitionException(path, "unknown item key prefix '" + prefix + ":'");
        };
    }

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
