package org.smartcc.store.domain;

/**
 * A SMART statement class (a subclass of {@code sp:Statement} in the ontology).
 *
 * @param name       the class's local name, e.g. {@code Medication}
 * @param basePath   the ontology's {@code api:base_path}, e.g. {@code /records/{record_id}/medications/{medication_id}}
 */
public record StatementType(String name, String basePath) {

    /** The concept code of the fact that carries a statement of this type, e.g. {@code SMART:Medication}. */
    public String conceptCode() {
        return "SMART:" + name;
    }

    /** True when the record holds at most one statement of this type (demographics, social history). */
    public boolean singleton() {
        return !basePath.endsWith("}") || basePath.endsWith("{record_id}");
    }

    /** The statement's path below the API base, for a record and a statement id. */
    public String pathFor(String recordId, String statementId) {
        String path = basePath.replace("{record_id}", recordId);
        int lastVariable = path.lastIndexOf('{');
        return lastVariable < 0 ? path : path.substring(0, lastVariable) + statementId;
    }
}
