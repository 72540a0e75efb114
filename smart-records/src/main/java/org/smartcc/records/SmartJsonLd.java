package org.smartcc.records;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.document.RdfDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.system.JenaTitanium;
import org.apache.jena.sparql.core.DatasetGraphFactory;

/**
 * JSON-LD compacted with the SMART context that the classic JS client used ({@code smart_context.jsonld}, copied from
 * smart_docs: SMART terms bare, e.g. {@code drugName}, others {@code prefix__local}), embedded in every answer so that
 * nothing has to be fetched to read it. Compaction never loads a remote document.
 */
final class SmartJsonLd {

    private static final JsonProvider JSON = JsonProvider.provider();
    private static final Document CONTEXT = loadContext();
    private static final DocumentLoader NO_REMOTE = (url, options) -> {
        throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, "remote documents are not loaded: " + url);
    };

    private SmartJsonLd() {
    }

    static void write(Model model, OutputStream out) {
        try {
            var expanded = JsonLd.fromRdf(RdfDocument.of(JenaTitanium.convert(DatasetGraphFactory.wrap(model.getGraph()))))
                    .loader(NO_REMOTE).get();
            JsonObject compacted = JsonLd.compact(JsonDocument.of(expanded), CONTEXT).loader(NO_REMOTE).get();
            try (JsonGenerator generator = JSON.createGeneratorFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
                    .createGenerator(out, StandardCharsets.UTF_8)) {
                generator.write(compacted);
            }
        } catch (JsonLdError e) {
            throw new IllegalStateException("JSON-LD could not be written: " + e.getMessage(), e);
        }
    }

    /** The file is the JS client's {@code '@context' = {...}}; the object after the '=' is the context. */
    private static Document loadContext() {
        try (InputStream in = SmartJsonLd.class.getResourceAsStream("/jsonld/smart_context.jsonld")) {
            if (in == null) {
                throw new IllegalStateException("resource /jsonld/smart_context.jsonld is missing");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            JsonStructure context = JSON.createReader(new StringReader(text.substring(text.indexOf('{')))).read();
            return JsonDocument.of(JSON.createObjectBuilder().add("@context", context).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
