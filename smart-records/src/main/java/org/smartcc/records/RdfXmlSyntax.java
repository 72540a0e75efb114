package org.smartcc.records;

import java.io.IOException;
import java.util.function.Function;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;

/**
 * The pieces of flat RDF/XML that the per-record answers and the population documents both write: a property element,
 * a node reference, where a property URI's XML name starts, and the escaping of text and attributes. They write to an
 * {@link Appendable}, so that the one builds a string and the other streams.
 */
public final class RdfXmlSyntax {

    private RdfXmlSyntax() {
    }

    /**
     * One property element, indented under its description: {@code <name declaration rdf:resource=.../>} for a node,
     * {@code <name xml:lang|rdf:datatype=...>text</name>} for a literal ({@code xsd:string} is left implicit).
     *
     * @param declaration a namespace declaration the name needs, with its leading space, or empty
     * @param blankIds    the {@code rdf:nodeID} of a blank node
     */
    public static void property(Appendable out, String name, String declaration, Node object,
                                Function<Node, String> blankIds) throws IOException {
        out.append("    <").append(name).append(declaration);
        if (!object.isLiteral()) {
            out.append(' ');
            reference(out, object, "rdf:resource", blankIds);
            out.append("/>\n");
            return;
        }
        String lang = object.getLiteralLanguage();
        String datatype = object.getLiteralDatatypeURI();
        if (lang != null && !lang.isEmpty()) {
            out.append(" xml:lang=\"");
            attribute(out, lang);
            out.append('"');
        } else if (datatype != null && !datatype.equals(XSDDatatype.XSDstring.getURI())) {
            out.append(" rdf:datatype=\"");
            attribute(out, datatype);
            out.append('"');
        }
        out.append('>');
        text(out, object.getLiteralLexicalForm());
        out.append("</").append(name).append(">\n");
    }

    /** {@code rdf:nodeID="..."} for a blank node, else {@code uriAttribute="uri"}. */
    public static void reference(Appendable out, Node node, String uriAttribute, Function<Node, String> blankIds)
            throws IOException {
        if (node.isBlank()) {
            out.append("rdf:nodeID=\"").append(blankIds.apply(node)).append('"');
        } else {
            out.append(uriAttribute).append("=\"");
            attribute(out, node.getURI());
            out.append('"');
        }
    }

    /**
     * Where the longest XML name that ends the URI starts: the split between a property's namespace and its local name.
     *
     * @throws IllegalStateException when the URI ends in no XML name, so that it cannot be a property in RDF/XML
     */
    public static int localNameStart(String uri) {
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

    public static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    public static boolean isNameChar(char c) {
        return isNameStart(c) || Character.isDigit(c) || c == '-' || c == '.';
    }

    /** Element text, escaped. */
    public static void text(Appendable out, String s) throws IOException {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\r' -> out.append("&#13;");
                default -> out.append(c);
            }
        }
    }

    /** An attribute value between double quotes, escaped. */
    public static void attribute(Appendable out, String s) throws IOException {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '"' -> out.append("&quot;");
                case '\n' -> out.append("&#10;");
                case '\r' -> out.append("&#13;");
                case '\t' -> out.append("&#9;");
                default -> out.append(c);
            }
        }
    }
}
