package org.smartcc.records.domain;

import java.util.Locale;

/** Whether a call returns one object or a collection ({@code api:cardinality}). */
public enum Cardinality {
    SINGLE, MULTIPLE;

    public static Cardinality of(String ontologyValue) {
        return valueOf(ontologyValue.trim().toUpperCase(Locale.ROOT));
    }
}
