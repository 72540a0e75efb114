package org.smartcc.engine.run;

import org.smartcc.engine.query.QueryDefinition;

/**
 * The name a user gives a saved query: 1 to {@value #MAX_LENGTH} characters (the width of
 * {@code qt_query_master.name}, as in i2b2), not blank.
 */
public record QueryName(String value) {

    public static final int MAX_LENGTH = QueryDefinition.MAX_NAME_LENGTH;

    public QueryName {
        if (value == null || value.isBlank() || value.length() > MAX_LENGTH) {
            throw new RunException(RunException.Code.QUERY_NAME_INVALID, "a query name has 1 to " + MAX_LENGTH
                    + " characters and is not blank" + (value == null || value.isBlank() ? ""
                    : "; this one has " + value.length()));
        }
    }

    /** The name as typed, without the white space around it. */
    public static QueryName of(String typed) {
        return new QueryName(typed == null ? null : typed.strip());
    }
}
