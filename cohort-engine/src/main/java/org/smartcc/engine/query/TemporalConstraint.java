package org.smartcc.engine.query;

import java.util.List;

/**
 * A relation between two event subqueries (cohort-model §1.5): e.g. the first start of Query0 before any start of
 * Query1, optionally within spans such as "more than 14 days".
 */
public record TemporalConstraint(Event first, String operator, Event second, List<Span> spans) {

    public TemporalConstraint {
        spans = List.copyOf(spans);
    }

    /** @param joinColumn STARTDATE, ENDDATE, ...; aggregate FIRST, LAST or ANY */
    public record Event(String queryId, String joinColumn, String aggregate) {
    }

    /** @param units YEAR, MONTH, DAY, HOUR, MINUTE or SECOND */
    public record Span(String operator, long value, String units) {
    }
}
