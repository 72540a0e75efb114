package org.smartcc.records;

import java.util.Locale;
import java.util.Optional;
import org.apache.jena.riot.RDFFormat;

/**
 * The serialisations offered. RDF/XML is the SMART wire format and the default; Turtle and JSON-LD (its context: the
 * §3.2 prefixes) are extras for clients that ask for them. Record responses write RDF/XML with {@link RdfXmlWriter};
 * the Jena format here serves {@link RdfSerializer} for other models (Jena's plain writer, not the much slower
 * "abbreviated" one).
 */
public enum RdfFormat {
    RDF_XML("application/rdf+xml", RDFFormat.RDFXML_PLAIN),
    TURTLE("text/turtle", RDFFormat.TURTLE_BLOCKS),
    /** Written by {@link SmartJsonLd} with the SMART context, not by a Jena writer. */
    JSON_LD("application/ld+json", null);

    private final String mediaType;
    private final RDFFormat jenaFormat;

    RdfFormat(String mediaType, RDFFormat jenaFormat) {
        this.mediaType = mediaType;
        this.jenaFormat = jenaFormat;
    }

    public String mediaType() {
        return mediaType;
    }

    RDFFormat jenaFormat() {
        return jenaFormat;
    }

    /** The format of a media type (parameters such as {@code ;charset} ignored), if offered. */
    public static Optional<RdfFormat> ofMediaType(String mediaType) {
        if (mediaType == null) {
            return Optional.empty();
        }
        String type = mediaType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        for (RdfFormat f : values()) {
            if (f.mediaType.equals(type)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
