package org.smartcc.api.infrastructure.population;

import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.spi.JsonProvider;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.jena.rdf.model.Model;
import org.smartcc.records.RdfFormat;
import org.smartcc.records.RdfSerializer;

/**
 * JSON-LD lines: each record's answer as the per-record call's JSON-LD (compacted with the SMART context, which each
 * line carries so that it can be read alone), written on one line. A record without statements writes no line.
 */
final class NdjsonPopulationWriter implements PopulationWriter {

    private static final JsonProvider JSON = JsonProvider.provider();
    private static final JsonReaderFactory READERS = JSON.createReaderFactory(Map.of());
    /** Without pretty printing: a JSON text without line breaks (strings escape theirs). */
    private static final JsonWriterFactory WRITERS = JSON.createWriterFactory(Map.of());

    private final OutputStream out;

    NdjsonPopulationWriter(OutputStream out) {
        this.out = out;
    }

    @Override
    public void record(String recordId, Model statements) throws IOException {
        if (statements.isEmpty()) {
            return;
        }
        ByteArrayOutputStream document = new ByteArrayOutputStream(16384);
        RdfSerializer.write(statements, RdfFormat.JSON_LD, document);
        StringWriter line = new StringWriter(document.size());
        try (JsonWriter writer = WRITERS.createWriter(line)) {
            writer.write(READERS.createReader(new ByteArrayInputStream(document.toByteArray()), StandardCharsets.UTF_8)
                    .read());
        }
        line.write('\n');
        out.write(line.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }
}
