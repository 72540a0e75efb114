package org.smartcc.records.domain;

import java.util.Locale;

/** Authorization scope of a call, as the ontology's {@code api:category} gives it. */
public enum CallCategory {
    CONTAINER, RECORD, USER;

    public static CallCategory of(String ontologyValue) {
        return valueOf(ontologyValue.trim().toUpperCase(Locale.ROOT));
    }
}
