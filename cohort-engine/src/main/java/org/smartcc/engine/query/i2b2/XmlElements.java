package org.smartcc.engine.query.i2b2;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
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

/**
 * Namespace-blind access to the elements of an i2b2 message (its prefixes vary between clients), parsed without
 * DOCTYPEs, external entities or any remote fetch.
 */
public final class XmlElements {

    private XmlElements() {
    }

    public static Document parse(InputStream in) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
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

    /** The first element with this local name in document order, at any depth. */
    public static Optional<Element> find(Element root, String localName) {
        if (localName.equals(root.getLocalName())) {
            return Optional.of(root);
        }
        for (Element child : children(root)) {
            Optional<Element> found = find(child, localName);
            if (found.isPresent()) {
                return found;
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
