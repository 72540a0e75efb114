package org.smartcc.api.infrastructure.population;

import java.util.HashMap;
import java.util.Map;
import org.apache.jena.graph.Node;

/**
 * Labels of blank nodes in one population document. Blank nodes belong to the record answer they came from, so each
 * record's get labels no other record's have (two records' statements never merge), and the labels of a record are
 * forgotten once it is written, so memory does not grow with the set.
 */
final class BlankLabels {

    private final Map<Node, String> labels = new HashMap<>();
    private long next;

    /** A label of letters and digits, valid in N-Triples, Turtle and as an RDF/XML {@code rdf:nodeID}. */
    String of(Node blank) {
        return labels.computeIfAbsent(blank, b -> "b" + next++);
    }

    void endRecord() {
        labels.clear();
    }
}
