package org.smartcc.records.application;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.smartcc.store.Vocab;

/**
 * Parses stored N-Triples for one response. Stored URIs ({@code urn:smartcc:api/...}) are rewritten to the API base
 * while reading, so no second pass over the triples is needed. Blank node labels are kept but prefixed with the
 * statement id: labels are only unique within one stored statement, and keeping them makes the output repeatable.
 */
final class StatementParser {

    private static final Node BELONGS_TO = Vocab.BELONGS_TO.asNode();

    private final String apiBase;
    private final String recordPrefix;

    /** @param apiBase validated API base without trailing slash */
    StatementParser(String apiBase, String recordId) {
        this.apiBase = apiBase;
        this.recordPrefix = apiBase + "/records/" + recordId + "/";
    }

    ParsedStatement parse(StoredStatement stored) {
        String blankScope = stored.id() + ".";
        List<Triple> triples = new ArrayList<>();
        NTriplesReader.read(stored.ntriples(), n -> rewrite(n, blankScope), triples::add);
        Node subject = null;
        for (Triple t : triples) {
            if (t.getPredicate().equals(BELONGS_TO)) {
                subject = t.getSubject();
                break;
            }
        }
        if (subject == null) {
            throw new IllegalStateException("stored statement " + stored.type() + " " + stored.id()
                    + " has no sp:belongsTo; the store is inconsistent");
        }
        Set<Node> links = new HashSet<>();
        for (Triple t : triples) {
            Node o = t.getObject();
            if (o.isURI() && !o.equals(subject) && o.getURI().startsWith(recordPrefix)) {
                links.add(o);
            }
        }
        return new ParsedStatement(stored.type(), stored.id(), subject, triples, links);
    }

    private Node rewrite(Node n, String blankScope) {
        if (n.isURI() && n.getURI().startsWith(Vocab.STORE_BASE)) {
            return NodeFactory.createURI(apiBase + n.getURI().substring(Vocab.STORE_BASE.length()));
        }
        if (n.isBlank()) {
            return NodeFactory.createBlankNode(blankScope + n.getBlankNodeLabel());
        }
        return n;
    }
}
