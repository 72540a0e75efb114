package org.smartcc.records.application;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.smartcc.records.domain.FilterCondition;

/**
 * Filters and orders the statements of a collection in plain Java, with the semantics of the ontology's filter
 * templates: a condition holds when its property path, walked from the statement (into linked statements where the
 * path leads there, e.g. a vital sign set's encounter), reaches one of its values.
 */
final class StatementSelection {

    private StatementSelection() {
    }

    /**
     * @param candidates the statements to filter
     * @param loaded     every statement loaded for the response (candidates and their neighbours), for paths that
     *                   leave the statement
     */
    static List<ParsedStatement> filter(List<ParsedStatement> candidates, Collection<ParsedStatement> loaded,
                                        List<FilterCondition> conditions) {
        if (conditions.isEmpty()) {
            return candidates;
        }
        Graph graph = GraphFactory.createGraphMem();
        for (ParsedStatement s : loaded) {
            s.triples().forEach(graph::add);
        }
        List<ParsedStatement> kept = new ArrayList<>();
        for (ParsedStatement s : candidates) {
            if (conditions.stream().allMatch(c -> holds(graph, s.subject(), c))) {
                kept.add(s);
            }
        }
        return kept;
    }

    private static boolean holds(Graph graph, Node subject, FilterCondition condition) {
        Set<Node> reached = Set.of(subject);
        for (String property : condition.filter().propertyPath()) {
            Node p = NodeFactory.createURI(property);
            Set<Node> next = new HashSet<>();
            for (Node n : reached) {
                graph.find(n, p, Node.ANY).forEach(t -> next.add(t.getObject()));
            }
            reached = next;
        }
        for (Node value : reached) {
            if (condition.bound() != null) {
                if (value.isLiteral() && condition.values().stream()
                        .anyMatch(v -> condition.bound().accepts(value.getLiteralLexicalForm().trim(), v))) {
                    return true;
                }
            } else if (value.isURI() && condition.values().contains(value.getURI())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Newest first on the call's sort property, then by URI (the reference paginator's
     * {@code ORDER BY DESC(?sort) ASC(?uri)}); statements without the property come last, as unbound values sort
     * lowest in SPARQL. Without a sort property the URI alone orders, so every response is repeatable.
     */
    static List<ParsedStatement> sort(List<ParsedStatement> statements, String sortProperty) {
        List<ParsedStatement> sorted = new ArrayList<>(statements);
        Comparator<ParsedStatement> byUri = Comparator.comparing(s -> s.subject().toString());
        if (sortProperty == null) {
            sorted.sort(byUri);
            return sorted;
        }
        Node property = NodeFactory.createURI(sortProperty);
        List<Keyed> keyed = new ArrayList<>(sorted.size());
        for (ParsedStatement s : sorted) {
            keyed.add(new Keyed(s, s.literal(property)));
        }
        keyed.sort(Comparator.comparing(Keyed::key, Comparator.nullsLast(Comparator.<String>reverseOrder()))
                .thenComparing(k -> k.statement().subject().toString()));
        return keyed.stream().map(Keyed::statement).toList();
    }

    private record Keyed(ParsedStatement statement, String key) {
    }
}
