package org.smartcc.api.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smartcc.records.RdfFormat;

class RdfNegotiationTest {

    @Test
    void theFirstAcceptableRdfSyntaxWinsAndAnythingElseGetsRdfXml() {
        assertEquals(RdfFormat.TURTLE, RdfNegotiation.choose(List.of(type("text/turtle"),
                type("application/rdf+xml"))));
        assertEquals(RdfFormat.JSON_LD, RdfNegotiation.choose(List.of(type("text/html"),
                type("application/ld+json"))));
        assertEquals(RdfFormat.RDF_XML, RdfNegotiation.choose(List.of(type("text/html"),
                MediaType.WILDCARD_TYPE, type("text/turtle"))));
        assertEquals(RdfFormat.RDF_XML, RdfNegotiation.choose(List.of(type("image/png"))));
        assertEquals(RdfFormat.RDF_XML, RdfNegotiation.choose(List.of()));
    }

    @Test
    void legacyVitalSignsPathsMapToVitalSignSets() {
        assertEquals("/records/12/vital_sign_sets/", LegacyPaths.current("/records/12/vital_signs/"));
        assertEquals("/records/12/vital_sign_sets/abc", LegacyPaths.current("/records/12/vital_signs/abc"));
        assertEquals("/records/12/medications/", LegacyPaths.current("/records/12/medications/"));
    }

    /** Built directly: {@code MediaType.valueOf} needs a JAX-RS runtime. */
    private static MediaType type(String value) {
        String[] parts = value.split("/");
        return new MediaType(parts[0], parts[1]);
    }
}
