package org.smartcc.store;

import java.io.ByteArrayInputStream;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.smartcc.store.domain.InvalidRecordException;

/**
 * Reads an untrusted XML document once with an XML parser before RDF/XML parsing: a DOCTYPE anywhere in the prolog,
 * in whatever encoding the document declares (a BOM, {@code encoding="..."}), is refused, and so is nesting deeper
 * than {@link #MAX_DEPTH}. A text search cannot do this: it misses a UTF-16 document or a DOCTYPE behind a long
 * comment. Without a DOCTYPE no entity can be declared, so none is ever expanded and nothing can be fetched.
 */
final class XmlPrePass {

    /** SMART records nest about ten elements deep; this leaves room while keeping any recursive reader safe. */
    static final int MAX_DEPTH = 200;

    private XmlPrePass() {
    }

    /** @throws InvalidRecordException {@code RDF_DOCTYPE}, or {@code RDF_PARSE} for malformed or too deep XML */
    static void check(byte[] content, String sourceName) {
        XMLStreamReader reader = null;
        try {
            reader = newFactory().createXMLStreamReader(new ByteArrayInputStream(content));
            int depth = 0;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new InvalidRecordException("RDF_DOCTYPE", sourceName + ": " + position(reader.getLocation())
                            + "DOCTYPE and entity declarations are not accepted in RDF/XML");
                } else if (event == XMLStreamConstants.START_ELEMENT && ++depth > MAX_DEPTH) {
                    throw new InvalidRecordException("RDF_PARSE", sourceName + ": not valid RDF/XML: "
                            + position(reader.getLocation()) + "elements nest deeper than " + MAX_DEPTH);
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
        } catch (XMLStreamException e) {
            throw new InvalidRecordException("RDF_PARSE", sourceName + ": not valid RDF/XML: "
                    + position(e.getLocation()) + withoutLocation(e.getMessage()), e);
        } finally {
            close(reader);
        }
    }

    /**
     * The JDK's own StAX, never one that a server's class path supplies, so that these settings mean what they say.
     * A new factory per document: the JDK does not promise that a shared one is safe across threads.
     */
    private static XMLInputFactory newFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("no external resource is read: " + systemId);
        });
        return factory;
    }

    private static String position(Location location) {
        return location != null && location.getLineNumber() > 0
                ? "line " + location.getLineNumber() + ", column " + location.getColumnNumber() + ": " : "";
    }

    /** The JDK puts "ParseError at [row,col]:[1,73]" before the message; the position is given our way instead. */
    private static String withoutLocation(String message) {
        String marker = "Message: ";
        int at = message == null ? -1 : message.indexOf(marker);
        return at < 0 ? String.valueOf(message) : message.substring(at + marker.length());
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException e) {
                // nothing was written and the bytes are in memory: a failed close leaves nothing behind
            }
        }
    }
}
