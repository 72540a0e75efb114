package org.smartcc.records;

import java.io.OutputStream;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFWriter;

/** Writes a response model in one of the offered formats: SMART prefixes, and for JSON-LD the SMART context. */
public final class RdfSerializer {

    private RdfSerializer() {
    }

    public static void write(Model model, RdfFormat format, OutputStream out) {
        if (format == RdfFormat.JSON_LD) {
            SmartJsonLd.write(model, out);
        } else {
            RDFWriter.source(model).format(format.jenaFormat()).output(out);
        }
    }
}
