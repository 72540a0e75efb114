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
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.vocabulary.RDF;
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
            reference(subject.getKey(), "rdf:about");
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
            out.write("\n    xmlns:" + ns.getValue() + "=\"" + attribute(ns.getKey()) + "\"");
        }
        out.write(">\n");
    }

    private void property(Triple t) throws IOException {
        String uri = t.getPredicate().getURI();
        String name = qualifiedName(uri);
        String declaration = "";
        if (name == null) {
            int split = localNameStart(uri);
            name = LOCAL_PREFIX + ":" + uri.substring(split);
            declaration = " xmlns:" + LOCAL_PREFIX + "=\"" + attribute(uri.substring(0, split)) + "\"";
        }
        Node o = t.getObject();
        out.write("    <" + name + declaration);
        if (!o.isLiteral()) {
            out.write(' ');
            reference(o, "rdf:resource");
            out.write("/>\n");
            return;
        }
        String lang = o.getLiteralLanguage();
        String datatype = o.getLiteralDatatypeURI();
        if (lang != null && !lang.isEmpty()) {
            out.write(" xml:lang=\"" + attribute(lang) + "\"");
        } else if (datatype != null && !datatype.equals(XSDDatatype.XSDstring.getURI())) {
            out.write(" rdf:datatype=\"" + attribute(datatype) + "\"");
        }
        out.write('>');
        out.write(text(o.getLiteralLexicalForm()));
        out.write("</" + name + ">\n");
    }

    private void reference(Node n, String uriAttribute) throws IOException {
        if (n.isBlank()) {
            out.write("rdf:nodeID=\"" + blanks.of(n) + "\"");
        } else {
            out.write(uriAttribute + "=\"" + attribute(n.getURI()) + "\"");
        }
    }

    /** {@code prefix:local} when the property is in a namespace of the header, else null. */
    private String qualifiedName(String uri) {
        for (Map.Entry<String, String> ns : namespaces) {
            String namespace = ns.getKey();
            if (uri.startsWith(namespace) && uri.length() > namespace.length()
                    && isNameStart(uri.charAt(namespace.length())) && localNameStart(uri) <= namespace.length()) {
                return ns.getValue() + ":" + uri.substring(namespace.length());
            }
        }
        return null;
    }

    /** Where the longest XML name that ends the URI starts; a URI that ends in none cannot be a property here. */
    private static int localNameStart(String uri) {
        int split = uri.length();
        while (split > 0 && isNameChar(uri.charAt(split - 1))) {
            split--;
        }
        while (split < uri.length() && !isNameStart(uri.charAt(split))) {
            split++;
        }
        if (split == uri.length() || split == 0) {
            throw new IllegalStateException("property " + uri + " cannot be written as an XML name in RDF/XML");
        }
        return split;
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isNameChar(char c) {
        return isNameStart(c) || Character.isDigit(c) || c == '-' || c == '.';
    }

    private static String text(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '\r' -> b.append("&#13;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static String attribute(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '"' -> b.append("&quot;");
                case '\n' -> b.append("&#10;");
                case '\r' -> b.append("&#13;");
                case '\t' -> b.append("&#9;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
