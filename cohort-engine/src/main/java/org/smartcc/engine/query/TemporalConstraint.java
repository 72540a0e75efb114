package org.smartcc.engine.query;

import java.util.List;
import java.util.Objects;

/**
 * A relation between two event subqueries (cohort-model §1.5): e.g. the first start of Query0 before any start of
 * Query1, optionally within spans such as "more than 14 days". Spans measure time, so both events must be dates.
 */
public record TemporalConstraint(Event first, Operator operator, Event second, List<Span> spans) {

    public TemporalConstraint {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(second, "second");
        spans = List.copyOf(spans);
        if (!spans.isEmpty() && !(first.joinColumn().isDate() && second.joinColumn().isDate())) {
            throw new QueryDefinitionException("span", "spans apply to date join columns only");
        }
    }

    /** How the first event's value relates to the second's; spans use the same words. */
    public enum Operator {
        LESS, LESSEQUAL, EQUAL, GREATER, GREATEREQUAL
    }

    /** What an event of a subquery is compared by. */
    public enum JoinColumn {
        STARTDATE, ENDDATE, ENCOUNTER_STARTDATE, ENCOUNTER_ENDDATE, PATIENT, ENCOUNTER, INSTANCE;

        public boolean isDate() {
            return name().endsWith("DATE");
        }
    }

    /** Which events of a patient count: the earliest value, the latest, or every one. */
    public enum Aggregate {
        FIRST, LAST, ANY
    }

    /** The calendar units of a span, each with the most of it a span may hold (200 years: no record is longer). */
    public enum Unit {
        YEAR(200), MONTH(200L * 12), DAY(200L * 366), HOUR(200L * 366 * 24), MINUTE(200L * 366 * 24 * 60),
        SECOND(200L * 366 * 24 * 60 * 60);

        private final long most;

        Unit(long most) {
            this.most = most;
        }

        public long most() {
            return most;
        }
    }

    /** @param queryId the id of one of the query's subqueries */
    public record Event(String queryId, JoinColumn joinColumn, Aggregate aggregate) {

        public Event {
            Objects.requireNonNull(queryId, "queryId");
            Objects.requireNonNull(joinColumn, "joinColumn");
            Objects.requireNonNull(aggregate, "aggregate");
        }
    }

    /** "GREATER 14 DAY": the later event more than 14 days after the earlier one. */
    public record Span(Operator operator, long value, Unit units) {

        public Span {
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(units, "units");
            if (value < 0 || value > units.most()) {
                throw new QueryDefinitionException("span_value", "a span of " + units + " must be between 0 and "
                        + units.most() + ", not " + value);
            }
        }
    }
}
