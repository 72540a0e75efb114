package org.smartcc.engine.query;

import java.util.List;
import java.util.Optional;

/**
 * An i2b2 {@code query_definition}: AND-ed panels, and for temporal queries the event subqueries and the constraints
 * between them.
 */
public record QueryDefinition(Optional<String> id, String name, Timing timing, List<Panel> panels,
                              List<QueryDefinition> subqueries, List<TemporalConstraint> temporalConstraints) {

    public QueryDefinition {
        panels = List.copyOf(panels);
        subqueries = List.copyOf(subqueries);
        temporalConstraints = List.copyOf(temporalConstraints);
    }
}
