package org.smartcc.examples.restapp;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The statements of an RDF/XML document, read with the JDK's XML parser (DOCTYPEs refused, no external entities):
 * node elements ({@code rdf:Description} or typed) named by {@code rdf:about} or {@code rdf:nodeID}, and property
 * elements whose object is {@code rdf:resource}, {@code rdf:nodeID}, a nested node, {@code rdf:parseType="Resource"}
 * or a literal. Enough of RDF/XML for the container's answers, not all of it (no collections, reification or
 * {@code xml:base}).
 */
public final class RdfXmlGraph {

    static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    static final String TYPE = RDF + "type";

    /** An object: a resource (a URI, or {@code _:id} for a blank node) or a literal's text. */
    public record Value(String text, boolean literal) {
    }

    private final Map<String, List<Map.Entry<String, Value>>> statements = new LinkedHashMap<>();
    private int blankNodes;

    private RdfXmlGraph() {
    }

    /** @throws AppFailure RECORD_UNREADABLE when the text is not RDF/XML the app can read */
    public static RdfXmlGraph parse(String rdfXml) {
        RdfXmlGraph graph = new RdfXmlGraph();
        try {
            Element root = parser().parse(new InputSource(new StringReader(rdfXml))).getDocumentElement();
            boolean wrapped = RDF.equals(root.getNamespaceURI()) && "RDF".equals(root.getLocalName());
            if (wrapped) {
                for (Element node : children(root)) {
                    graph.node(node);
                }
            } else {
                graph.node(root);
            }
        } catch (SAXException | IOException e) {
            throw new AppFailure(502, "RECORD_UNREADABLE", "The container's answer is not RDF/XML this app can read.");
        }
        return graph;
    }

    /** The subjects with {@code rdf:type type}, in document order. */
    public List<String> subjectsOfType(String type) {
        return statements.entrySet().stream()
                .filter(s -> s.getValue().stream().anyMatch(p -> p.getKey().equals(TYPE)
                        && p.getValue().equals(new Value(type, false))))
                .map(Map.Entry::getKey).toList();
    }

    /** The objects of a subject's statements with a predicate, in document order. */
    public List<Value> objects(String subject, String predicate) {
        return statements.getOrDefault(subject, List.of()).stream().filter(p -> p.getKey().equals(predicate))
                .map(Map.Entry::getValue).toList();
    }

    /** The first literal of a subject's predicate, trimmed. */
    public Optional<String> literal(String subject, String predicate) {
        return objects(subject, predicate).stream().filter(Value::literal).map(v -> v.text().trim()).findFirst();
    }

    /** The first resource of a subject's predicate. */
    public Optional<String> resource(String subject, String predicate) {
        return objects(subject, predicate).stream().filter(v -> !v.literal()).map(Value::text).findFirst();
    }

    /** Reads a node element and its properties; answers its subject. */
    private String node(Element element) {
        String subject = subjectOf(element);
        if (!(RDF.equals(element.getNamespaceURI()) && "Description".equals(element.getLocalName()))) {
            add(subject, TYPE, new Value(uri(element), false));
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            if (isPropertyAttribute(attribute)) {
                add(subject, uri(attribute), new Value(attribute.getValue(), true));
            }
        }
        for (Element property : children(element)) {
            add(subject, uri(property), objectOf(property));
        }
        return subject;
    }

    private Value objectOf(Element property) {
        String resource = rdfAttribute(property, "resource");
        if (resource != null) {
            return new Value(resource, false);
        }
        String nodeId = rdfAttribute(property, "nodeID");
        if (nodeId != null) {
            return new Value("_:" + nodeId, false);
        }
        if ("Resource".equals(rdfAttribute(property, "parseType"))) {
            String blank = newBlankNode();
            for (Element nested : children(property)) {
                add(blank, uri(nested), objectOf(nested));
            }
            return new Value(blank, false);
        }
        List<Element> nested = children(property);
        return nested.isEmpty() ? new Value(property.getTextContent(), true) : new Value(node(nested.get(0)), false);
    }

    private String subjectOf(Element element) {
        String about = rdfAttribute(element, "about");
        if (about != null) {
            return about;
        }
        String nodeId = rdfAttribute(element, "nodeID");
        return nodeId != null ? "_:" + nodeId : newBlankNode();
    }

    private String newBlankNode() {
        return "_:generated-" + (++blankNodes);
    }

    private void add(String subject, String predicate, Value object) {
        statements.computeIfAbsent(subject, s -> new ArrayList<>()).add(Map.entry(predicate, object));
    }

    private static boolean isPropertyAttribute(Attr attribute) {
        String namespace = attribute.getNamespaceURI();
        return namespace != null && !namespace.equals(RDF) && !namespace.equals(XMLConstants.XML_NS_URI)
                && !namespace.equals(XMLConstants.XMLNS_ATTRIBUTE_NS_URI);
    }

    private static String rdfAttribute(Element element, String name) {
        return element.hasAttributeNS(RDF, name) ? element.getAttributeNS(RDF, name) : null;
    }

    private static String uri(Node node) {
        return (node.getNamespaceURI() == null ? "" : node.getNamespaceURI()) + node.getLocalName();
    }

    private static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                elements.add(element);
            }
        }
        return elements;
    }

    private static DocumentBuilder parser() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler()); // fails on fatal errors, prints nothing
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a safety feature: " + e.getMessage(), e);
        }
    }
}
