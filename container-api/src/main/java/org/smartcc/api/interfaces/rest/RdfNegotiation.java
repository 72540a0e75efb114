package org.smartcc.api.interfaces.rest;

import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import org.smartcc.records.RdfFormat;

/**
 * Picks the RDF syntax from {@code Accept}: the first acceptable of RDF/XML, Turtle and JSON-LD. Anything else,
 * wildcards included, gets RDF/XML: the 0.6.1 API had no negotiation, and its clients send browser-style headers.
 */
final class RdfNegotiation {

    private RdfNegotiation() {
    }

    /** @param acceptable the Accept header's types, best first (as JAX-RS sorts them) */
    static RdfFormat choose(List<MediaType> acceptable) {
        for (MediaType type : acceptable) {
            if (type.isWildcardType() || type.isWildcardSubtype()) {
                return RdfFormat.RDF_XML;
            }
            Optional<RdfFormat> format = RdfFormat.ofMediaType(type.getType() + "/" + type.getSubtype());
            if (format.isPresent()) {
                return format.get();
            }
        }
        return RdfFormat.RDF_XML;
    }
}
