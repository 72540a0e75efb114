package org.smartcc.records.application;

import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

/**
 * A stored statement parsed for one response: its triples with URIs already under the request's API base and blank
 * nodes private to it, its subject, and the other statements of the record it links to (§2.5 "one hop").
 */
record ParsedStatement(String type, String id, Node subject, List<Triple> triples, Set<Node> links) {

    /** The lexical form of the subject's first literal value of a property, or null. */
    String literal(Node property) {
        for (Triple t : triples) {
            if (t.getSubject().equals(subject) && t.getPredicate().equals(property) && t.getObject().isLiteral()) {
                return t.getObject().getLiteralLexicalForm();
            }
        }
        return null;
    }
}
