package org.smartcc.records.domain;

import java.util.List;

/**
 * One filter parameter of a request: satisfied when any of its values (the {@code |} alternatives) matches.
 *
 * @param bound   the date comparison, or null for a code filter
 * @param values  padded dates for a date filter, full code URIs for a code filter
 */
public record FilterCondition(FilterDefinition filter, DateBound bound, List<String> values) {

    public FilterCondition {
        values = List.copyOf(values);
    }
}
