package org.smartcc.engine.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.smartcc.engine.privacy.QueryLockout;
import org.smartcc.engine.query.Item;
import org.smartcc.engine.query.Panel;
import org.smartcc.engine.query.QueryDefinition;
import org.smartcc.engine.query.TemporalConstraint;

/**
 * The identity of a query's meaning for the privacy lockout: what a user can change without changing the answer is
 * left out (query, item and subquery names, panel numbers, the order of panels, items, subqueries and constraints, and
 * repeats of a panel or item), so that renaming or reordering does not make a "new" query to average noise over.
 */
final class QueryFingerprint {

    private QueryFingerprint() {
    }

    static String of(QueryDefinition query) {
        return QueryLockout.fingerprint(canonical(query).toString());
    }

    /** The definition in one form for all its equivalent writings; records print their fields in a fixed order. */
    static QueryDefinition canonical(QueryDefinition query) {
        List<QueryDefinition> bodies = query.subqueries().stream()
                .map(s -> canonical(new QueryDefinition(Optional.empty(), "", s.timing(), s.panels(), s.subqueries(),
                        s.temporalConstraints())))
                .toList();
        List<Integer> order = IntStream.range(0, bodies.size()).boxed()
                .sorted(Comparator.comparing(i -> bodies.get(i).toString())).toList();
        Map<String, String> ids = new HashMap<>();
        List<QueryDefinition> subqueries = new ArrayList<>();
        for (int rank = 0; rank < order.size(); rank++) {
            QueryDefinition original = query.subqueries().get(order.get(rank));
            QueryDefinition body = bodies.get(order.get(rank));
            Optional<String> id = original.id().map(x -> "Q" + subqueries.size());
            original.id().ifPresent(x -> ids.put(x, id.orElseThrow()));
            subqueries.add(new QueryDefinition(id, "", body.timing(), body.panels(), body.subqueries(),
                    body.temporalConstraints()));
        }
        List<TemporalConstraint> constraints = sortedDistinct(query.temporalConstraints().stream()
                .map(c -> new TemporalConstraint(renamed(c.first(), ids), c.operator(), renamed(c.second(), ids),
                        sortedDistinct(c.spans())))
                .toList());
        List<Panel> panels = sortedDistinct(query.panels().stream().map(QueryFingerprint::canonical).toList());
        return new QueryDefinition(Optional.empty(), "", query.timing(), panels, subqueries, constraints);
    }

    private static Panel canonical(Panel panel) {
        List<Item> items = sortedDistinct(panel.items().stream()
                .map(i -> new Item(i.key(), "", i.values(), sortedDistinct(i.dates()), i.modifier(),
                        sortedDistinct(i.ages())))
                .toList());
        return new Panel(0, panel.timing(), panel.invert(), panel.occurrenceOperator(), panel.occurrences(),
                panel.dates(), items);
    }

    private static TemporalConstraint.Event renamed(TemporalConstraint.Event event, Map<String, String> ids) {
        return new TemporalConstraint.Event(ids.get(event.queryId()), event.joinColumn(), event.aggregate());
    }

    private static <T> List<T> sortedDistinct(List<T> parts) {
        return parts.stream().distinct().sorted(Comparator.comparing(Object::toString)).toList();
    }
}
