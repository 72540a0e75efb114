package org.smartcc.records.application;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.apache.jena.rdf.model.Model;
import org.smartcc.records.RdfFormat;
import org.smartcc.records.RdfSerializer;
import org.smartcc.records.SmartPrefixes;
import org.smartcc.records.internal.RdfXmlWriter;

/**
 * What a record call answers: an RDF graph (written in the format the caller picks) or, for raw documents and the
 * photograph, the file's bytes with its stored MIME type. Not thread-safe: one response serves one request.
 */
public final class RecordResponse {

    private final ResponseGraph graph;
    private final byte[] raw;
    private final String rawMediaType;
    private Model model;

    private RecordResponse(ResponseGraph graph, byte[] raw, String rawMediaType) {
        this.graph = graph;
        this.raw = raw;
        this.rawMediaType = rawMediaType;
    }

    static RecordResponse rdf(ResponseGraph graph) {
        return new RecordResponse(graph, null, null);
    }

    static RecordResponse raw(byte[] bytes, String mediaType) {
        return new RecordResponse(null, bytes.clone(), mediaType);
    }

    public boolean isRdf() {
        return graph != null;
    }

    /** The response as a Jena model (built on first use); only for RDF responses. */
    public Model model() {
        if (graph == null) {
            throw new IllegalStateException("a raw document response has no RDF model");
        }
        if (model == null) {
            model = graph.toModel();
        }
        return model;
    }

    /** The Content-Type to send: the format's media type, or the raw file's stored type. */
    public String contentType(RdfFormat format) {
        return isRdf() ? format.mediaType() : rawMediaType;
    }

    /** Writes the body once, straight to the output (the format is ignored for raw files). */
    public void writeTo(OutputStream out, RdfFormat format) {
        if (isRdf()) {
            if (format == RdfFormat.RDF_XML) {
                RdfXmlWriter.write(graph.triples(), SmartPrefixes.MAP, out);
            } else {
                RdfSerializer.write(model(), format, out);
            }
            return;
        }
        try {
            out.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] body(RdfFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        writeTo(out, format);
        return out.toByteArray();
    }
}
