package org.smartcc.engine.query;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An i2b2 {@code query_definition}: AND-ed panels, and for temporal queries the event subqueries and the constraints
 * between them. It has at least one panel or subquery, and its constraints name only its own subqueries.
 */
public record QueryDefinition(Optional<String> id, String name, Timing timing, List<Panel> panels,
                              List<QueryDefinition> subqueries, List<TemporalConstraint> temporalConstraints) {

    public QueryDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(timing, "timing");
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
