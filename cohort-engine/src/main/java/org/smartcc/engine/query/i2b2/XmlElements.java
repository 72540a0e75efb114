package org.smartcc.engine.query.i2b2;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.smartcc.engine.query.QueryDefinitionException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Namespace-blind access to the elements of an i2b2 message (its prefixes vary between clients), parsed without
 * DOCTYPEs, external entities or any remote fetch.
 */
public final class XmlElements {

    private XmlElements() {
    }

    /** Deeper than any i2b2 message (about 15 levels), far below what would exhaust a thread's stack. */
    public static final int MAX_DEPTH = 100;

    public static Document parse(InputStream in) {
        try {
            // the JDK's own parser, whatever the application server puts on the class path: it knows the limits
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setAttribute("jdk.xml.maxElementDepth", Integer.toString(MAX_DEPTH));
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler() {
                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e; // the default handler would also print it to standard error
                }
            });
            return builder.parse(in);
        } catch (SAXParseException e) {
            throw new QueryDefinitionException("message", "not well-formed XML at line " + e.getLineNumber()
                    + ", column " + e.getColumnNumber() + ": " + e.getMessage());
        } catch (SAXException e) {
            throw new QueryDefinitionException("message", "not readable XML: " + e.getMessage());
        } catch (IOException e) {
            throw new QueryDefinitionException("message", "could not be read: " + e.getMessage());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser refused a standard setting", e);
        }
    }

    /** The first element with this local name in document order, at any depth (a walk without recursion). */
    public static Optional<Element> find(Element root, String localName) {
        Deque<Element> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            Element element = pending.pop();
            if (localName.equals(element.getLocalName())) {
                return Optional.of(element);
            }
            List<Element> children = children(element);
            for (int i = children.size() - 1; i >= 0; i--) {
                pending.push(children.get(i));
            }
        }
        return Optional.empty();
    }

    public static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    public static List<Element> children(Element parent, String localName) {
        return children(parent).stream().filter(e -> localName.equals(e.getLocalName())).toList();
    }

    public static Optional<Element> child(Element parent, String localName) {
        return children(parent, localName).stream().findFirst();
    }

    /** The trimmed text of a child element; empty when absent or blank. */
    public static Optional<String> text(Element parent, String localName) {
        return child(parent, localName).map(e -> e.getTextContent().trim()).filter(s -> !s.isEmpty());
    }

    /** An attribute, trimmed; empty when absent or blank. */
    public static Optional<String> attribute(Element element, String name) {
        String value = element.getAttribute(name).trim();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
}
