package org.smartcc.records.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The validated query of a record GET: filter conditions (all must hold), an optional page, the document format if
 * the call has one, and the request's parameters in their order (to build the next page's URL).
 */
public record RecordQuery(List<FilterCondition> conditions, Optional<Paging> paging,
                          Optional<DocumentFormat> format, Map<String, String> parameters) {

    public RecordQuery {
        conditions = List.copyOf(conditions);
    }

    public static RecordQuery none() {
        return new RecordQuery(List.of(), Optional.empty(), Optional.empty(), Map.of());
    }
}
