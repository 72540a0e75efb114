package org.smartcc.store;

import java.io.ByteArrayInputStream;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.ErrorHandler;
import org.smartcc.store.domain.InvalidRecordException;

/**
 * Parses untrusted RDF/XML. {@link XmlPrePass} reads the same bytes first and refuses a DOCTYPE, so no entity
 * (internal or external) is ever expanded and nothing is fetched; relative IRIs resolve against a fixed, non-network
 * base. Jena 5.6.0's RDF/XML parser (RRX on SAX, {@code ReaderRDFXML_SAX}) would expand the internal entities of a
 * DOCTYPE; it turns off external DTDs and external entities itself, but on whichever SAX parser the class path
 * supplies, which is why the guard is the JDK's own parser run beforehand.
 */
public final class SafeRdfXml {

    private static final String PARSE_BASE = "urn:smartcc:source:";

    private SafeRdfXml() {
    }

    /** @throws InvalidRecordException with code {@code RDF_PARSE} or {@code RDF_DOCTYPE} naming the problem */
    public static Model parse(byte[] content, String sourceName) {
        XmlPrePass.check(content, sourceName);
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
