package org.smartcc.store.infrastructure.rdf;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.ErrorHandler;
import org.smartcc.store.domain.InvalidRecordException;

/**
 * Parses untrusted RDF/XML. A DOCTYPE is refused before the parser sees the document, so no entity (internal or
 * external) is ever expanded and nothing is fetched; relative IRIs resolve against a fixed, non-network base.
 */
public final class SafeRdfXml {

    private static final String PARSE_BASE = "urn:smartcc:source:";

    private SafeRdfXml() {
    }

    /** @throws InvalidRecordException with code {@code RDF_PARSE} or {@code RDF_DOCTYPE} naming the problem */
    public static Model parse(byte[] content, String sourceName) {
        String head = new String(content, 0, Math.min(content.length, 4096), StandardCharsets.UTF_8);
        if (head.contains("<!DOCTYPE") || head.contains("<!ENTITY")) {
            throw new InvalidRecordException("RDF_DOCTYPE",
                    sourceName + ": DOCTYPE and entity declarations are not accepted in RDF/XML");
        }
        Model model = ModelFactory.createDefaultModel();
        try {
            RDFParser.create()
                    .source(new ByteArrayInputStream(content))
                    .lang(Lang.RDFXML)
                    .base(PARSE_BASE)
                    .errorHandler(new FailOnError(sourceName))
                    .parse(model);
        } catch (RiotException e) {
            throw new InvalidRecordException("RDF_PARSE", sourceName + ": not valid RDF/XML: " + e.getMessage(), e);
        }
        return model;
    }

    /** Warnings (odd language tags and the like) are tolerated; errors stop the parse with their position. */
    private record FailOnError(String sourceName) implements ErrorHandler {
        @Override
        public void warning(String message, long line, long col) {
        }

        @Override
        public void error(String message, long line, long col) {
            throw new RiotException(position(line, col) + message);
        }

        @Override
        public void fatal(String message, long line, long col) {
            throw new RiotException(position(line, col) + message);
        }

        private static String position(long line, long col) {
            return line > 0 ? "line " + line + ", column " + col + ": " : "";
        }
    }
}
