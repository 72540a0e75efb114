package org.smartcc.api.interfaces.rest;

import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.smartcc.engine.query.QueryDefinitionException;

/**
 * The login of an i2b2 message, its {@code message_header/security} element, read by a streaming parser that stops at
 * the end of that element: a caller who cannot log in never makes the server parse the rest of the message (the body
 * itself is read whole first, within the cohort body limit, as a form-encoded one must be decoded). DOCTYPEs are refused, so no entity is ever declared or fetched; elements may nest at most
 * {@link #MAX_DEPTH} deep before the login.
 */
final class I2b2Login {

    /** i2b2's security element sits at depth 3; clients add no more than a few levels around it. */
    static final int MAX_DEPTH = 32;

    private static final XMLInputFactory FACTORY = factory();

    /** The user, password and domain of the message; empty strings for the ones it leaves out. */
    record Credentials(String domain, String username, String password) {
    }

    private I2b2Login() {
    }

    /**
     * Reads up to the end of {@code message_header/security}.
     *
     * @return empty when the message header ends, or the message does, without a security element
     * @throws QueryDefinitionException for XML that is not well-formed, a DOCTYPE, or nesting beyond the limit
     */
    static Optional<Credentials> read(InputStream message) {
        try {
            XMLStreamReader reader = FACTORY.createXMLStreamReader(message);
            try {
                return read(reader);
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            Location at = e.getLocation();
            throw new QueryDefinitionException("message", "not well-formed XML" + (at == null ? "" : " at line "
                    + at.getLineNumber() + ", column " + at.getColumnNumber()) + ": " + e.getMessage());
        }
    }

    private static Optional<Credentials> read(XMLStreamReader reader) throws XMLStreamException {
        Deque<String> open = new ArrayDeque<>();
        Map<String, StringBuilder> fields = new HashMap<>();
        while (reader.hasNext()) {
            switch (reader.next()) {
                case XMLStreamConstants.DTD -> throw new QueryDefinitionException("message",
                        "DOCTYPEs are not accepted");
                case XMLStreamConstants.START_ELEMENT -> {
                    if (open.size() >= MAX_DEPTH) {
                        throw new QueryDefinitionException("message", "elements nest more than " + MAX_DEPTH
                                + " deep before the login");
                    }
                    open.push(reader.getLocalName());
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                    if (inSecurityField(open)) {
                        fields.computeIfAbsent(open.peek(), k -> new StringBuilder()).append(reader.getText());
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    String closed = open.pop();
                    if (closed.equals("security") && "message_header".equals(open.peek())) {
                        return Optional.of(new Credentials(text(fields, "domain"), text(fields, "username"),
                                text(fields, "password")));
                    }
                    if (closed.equals("message_header")) {
                        return Optional.empty();
                    }
                }
                default -> {
                    // comments, processing instructions and white space outside the login do not matter
                }
            }
        }
        return Optional.empty();
    }

    /** Whether the innermost open element is a child of message_header/security. */
    private static boolean inSecurityField(Deque<String> open) {
        if (open.size() < 3) {
            return false;
        }
        var outer = open.iterator();
        outer.next();
        return outer.next().equals("security") && outer.next().equals("message_header");
    }

    private static String text(Map<String, StringBuilder> fields, String name) {
        return fields.getOrDefault(name, new StringBuilder()).toString().trim();
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setXMLResolver((publicId, systemId, base, namespace) -> {
            throw new XMLStreamException("external resources are not fetched");
        });
        return factory;
    }
}
