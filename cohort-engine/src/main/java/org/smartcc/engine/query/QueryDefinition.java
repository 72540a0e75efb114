package org.smartcc.engine.query;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An i2b2 {@code query_definition}: AND-ed panels, and for temporal queries the event subqueries and the constraints
 * between them. It has at least one panel or subquery, and its constraints name only its own subqueries. Its name
 * fits i2b2's {@code qt_query_master.name} ({@value #MAX_NAME_LENGTH} characters), where a run stores it.
 */
public record QueryDefinition(Optional<String> id, String name, Timing timing, List<Panel> panels,
                              List<QueryDefinition> subqueries, List<TemporalConstraint> temporalConstraints) {

    public static final int MAX_NAME_LENGTH = 250;

    public QueryDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(timing, "timing");
        if (name.length() > MAX_NAME_LENGTH) {
            throw new QueryDefinitionException("name", "has " + name.length() + " characters; a query name has at most "
                    + MAX_NAME_LENGTH);
        }
        panels = List.copyOf(panels);
        subqueries = List.copyOf(subqueries);
        temporalConstraints = List.copyOf(temporalConstraints);
        if (panels.isEmpty() && subqueries.isEmpty()) {
            throw new QueryDefinitionException("", "has no panel: a query needs at least one");
        }
        Set<String> ids = new HashSet<>();
        subqueries.forEach(q -> q.id().ifPresent(ids::add));
        for (TemporalConstraint c : temporalConstraints) {
            for (TemporalConstraint.Event e : List.of(c.first(), c.second())) {
                if (!ids.contains(e.queryId())) {
                    throw new QueryDefinitionException("subquery_constraint", "refers to query_id '" + e.queryId()
                            + "', which no subquery has");
                }
            }
        }
    }
}
