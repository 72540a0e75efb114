package org.smartcc.api.infrastructure.population;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.vocabulary.RDF;
import org.smartcc.records.RdfXmlSyntax;
import org.smartcc.records.SmartPrefixes;

/**
 * One RDF/XML document over the whole page: the header with the SMART namespaces once, then each record's statements
 * as flat {@code rdf:Description} elements, the end tag in {@link #finish()}. The header cannot name namespaces
 * that later records bring, so a property outside the SMART namespaces declares its own on its element (XML allows a
 * declaration on any element).
 */
final class RdfXmlPopulationWriter implements PopulationWriter {

    private static final String LOCAL_PREFIX = "ns0";

    private final Writer out;
    private final List<Map.Entry<String, String>> namespaces = new ArrayList<>();
    private final BlankLabels blanks = new BlankLabels();
    private final Function<Node, String> blankLabel = blanks::of;
    private boolean started;

    RdfXmlPopulationWriter(OutputStream stream) {
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
        Map<String, String> byNamespace = new LinkedHashMap<>();
        byNamespace.put(RDF.getURI(), "rdf");
        SmartPrefixes.MAP.forEach((prefix, namespace) -> byNamespace.putIfAbsent(namespace, prefix));
        namespaces.addAll(byNamespace.entrySet());
    }

    @Override
    public void record(String recordId, Model statements) throws IOException {
        start();
        Map<Node, List<Triple>> bySubject = new LinkedHashMap<>();
        statements.getGraph().find().forEachRemaining(t ->
                bySubject.computeIfAbsent(t.getSubject(), s -> new ArrayList<>()).add(t));
        for (Map.Entry<Node, List<Triple>> subject : bySubject.entrySet()) {
            out.write("  <rdf:Description ");
            RdfXmlSyntax.reference(out, subject.getKey(), "rdf:about", blankLabel);
            out.write(">\n");
            for (Triple t : subject.getValue()) {
                property(t);
            }
            out.write("  </rdf:Description>\n");
        }
        blanks.endRecord();
    }

    @Override
    public void finish() throws IOException {
        start();
        out.write("</rdf:RDF>\n");
        out.flush();
    }

    private void start() throws IOException {
        if (started) {
            return;
        }
        started = true;
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rdf:RDF");
        for (Map.Entry<String, String> ns : namespaces) {
            out.write("\n    xmlns:" + ns.getValue() + "=\"");
            RdfXmlSyntax.attribute(out, ns.getKey());
            out.write('"');
        }
        out.write(">\n");
    }

    private void property(Triple t) throws IOException {
        String uri = t.getPredicate().getURI();
        String name = qualifiedName(uri);
        String declaration = "";
        if (name == null) {
            int split = RdfXmlSyntax.localNameStart(uri);
            name = LOCAL_PREFIX + ":" + uri.substring(split);
            StringBuilder own = new StringBuilder(" xmlns:" + LOCAL_PREFIX + "=\"");
            RdfXmlSyntax.attribute(own, uri.substring(0, split));
            declaration = own.append('"').toString();
        }
        RdfXmlSyntax.property(out, name, declaration, t.getObject(), blankLabel);
    }

    /** {@code prefix:local} when the property is in a namespace of the header, else null. */
    private String qualifiedName(String uri) {
        for (Map.Entry<String, String> ns : namespaces) {
            String namespace = ns.getKey();
            if (uri.startsWith(namespace) && uri.length() > namespace.length()
                    && RdfXmlSyntax.isNameStart(uri.charAt(namespace.length()))
                    && RdfXmlSyntax.localNameStart(uri) <= namespace.length()) {
                return ns.getValue() + ":" + uri.substring(namespace.length());
            }
        }
        return null;
    }
}
