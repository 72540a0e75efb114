package org.smartcc.records.application;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.smartcc.records.SmartPrefixes;

/**
 * The triples of one response in the order they were added: statement by statement in result order, so a response
 * is written the same way every time. A Jena model is built only if someone asks for one.
 *
 * <p>Only triples about URI nodes are checked for duplicates: two statements may share a code node, or a neighbour
 * may be linked twice, but blank nodes are private to the one statement they were read from, so their triples are
 * unique already and need no hashing (hashing is most of the cost of a large response).
 */
final class ResponseGraph {

    private final List<Triple> triples = new ArrayList<>();
    private final Set<Triple> aboutUris = new HashSet<>();

    void add(Triple t) {
        if (t.getSubject().isBlank() || aboutUris.add(t)) {
            triples.add(t);
        }
    }

    public List<Triple> triples() {
        return Collections.unmodifiableList(triples);
    }

    public boolean isEmpty() {
        return triples.isEmpty();
    }

    /** A new Jena model of these triples with the SMART prefixes. */
    public Model toModel() {
        Graph g = GraphFactory.createGraphMem();
        triples.forEach(g::add);
        Model model = ModelFactory.createModelForGraph(g);
        model.setNsPrefixes(SmartPrefixes.MAP);
        return model;
    }
}
