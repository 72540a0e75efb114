package org.smartcc.records.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.smartcc.records.RdfXmlSyntax;

/**
 * Writes triples as flat RDF/XML: an {@code rdf:Description} per run of triples about one subject, properties as
 * prefixed elements, blank nodes as {@code rdf:nodeID} derived from their labels. The output is thus
 * a function of the triple order alone (repeatable), and writing is a single pass with no graph analysis, which is
 * what Jena's RDF/XML writers spend most of their time on. The document is built in memory and written in one go.
 */
public final class RdfXmlWriter {

    private final Map<String, String> prefixByNamespace = new LinkedHashMap<>();
    private final Map<Node, String> blankIds = new HashMap<>();
    private final Function<Node, String> blankId = this::blankId;
    /** The given namespaces, scanned in order: cheaper than hashing each predicate URI. */
    private final List<Map.Entry<String, String>> knownNamespaces;
    private final StringBuilder out = new StringBuilder(16384);

    private RdfXmlWriter(Map<String, String> prefixes) {
        prefixes.forEach((prefix, namespace) -> prefixByNamespace.put(namespace, prefix));
        // The syntax's own elements (rdf:RDF, rdf:Description, rdf:about...) are written with this prefix.
        prefixByNamespace.put(RDF.getURI(), "rdf");
        knownNamespaces = List.copyOf(prefixByNamespace.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue())).toList());
    }

    /** @param prefixes prefix → namespace; namespaces not among them are declared as {@code ns<n>} */
    public static void write(Collection<Triple> triples, Map<String, String> prefixes, OutputStream stream) {
        RdfXmlWriter writer = new RdfXmlWriter(prefixes);
        try {
            writer.writeAll(triples);
            stream.write(writer.out.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws IOException never: a StringBuilder is written to, through {@link Appendable} */
    private void writeAll(Collection<Triple> triples) throws IOException {
        for (Triple t : triples) {
            qualifiedName(t.getPredicate().getURI());
        }
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rdf:RDF");
        for (Map.Entry<String, String> ns : prefixByNamespace.entrySet()) {
            out.append("\n    xmlns:" + ns.getValue() + "=\"");
            RdfXmlSyntax.attribute(out, ns.getKey());
            out.append('"');
        }
        out.append(">\n");
        // Consecutive triples about one subject share a description; a subject met again later gets another one,
        // which RDF/XML allows and which spares hashing every subject of a large response.
        Node current = null;
        for (Triple t : triples) {
            if (!t.getSubject().equals(current)) {
                if (current != null) {
                    out.append("  </rdf:Description>\n");
                }
                current = t.getSubject();
                out.append("  <rdf:Description ");
                RdfXmlSyntax.reference(out, current, "rdf:about", blankId);
                out.append(">\n");
            }
            RdfXmlSyntax.property(out, qualifiedName(t.getPredicate().getURI()), "", t.getObject(), blankId);
        }
        if (current != null) {
            out.append("  </rdf:Description>\n");
        }
        out.append("</rdf:RDF>\n");
    }

    /**
     * A blank node's label, which the reader made unique and repeatable, is its id when it is a valid XML name
     * (after a leading 'b'); other labels are numbered.
     */
    private String blankId(Node n) {
        String label = n.getBlankNodeLabel();
        for (int i = 0; i < label.length(); i++) {
            if (!RdfXmlSyntax.isNameChar(label.charAt(i))) {
                return blankIds.computeIfAbsent(n, k -> "n" + blankIds.size());
            }
        }
        return "b" + label;
    }

    /** A predicate as {@code prefix:local}; an unknown namespace is split at its last non-name character. */
    private String qualifiedName(String uri) {
        for (Map.Entry<String, String> ns : knownNamespaces) {
            String namespace = ns.getKey();
            if (uri.startsWith(namespace) && uri.length() > namespace.length()
                    && RdfXmlSyntax.isNameStart(uri.charAt(namespace.length())) && allNameChars(uri, namespace.length())) {
                return ns.getValue() + ":" + uri.substring(namespace.length());
            }
        }
        int split = RdfXmlSyntax.localNameStart(uri);
        String namespace = uri.substring(0, split);
        String prefix = prefixByNamespace.computeIfAbsent(namespace, k -> "ns" + prefixByNamespace.size());
        return prefix + ":" + uri.substring(split);
    }

    private static boolean allNameChars(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (!RdfXmlSyntax.isNameChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
