package org.smartcc.records.infrastructure;

import java.io.OutputStream;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFWriter;

/** Writes a response model in one of the offered formats, with the SMART prefixes. */
public final class RdfSerializer {

    private RdfSerializer() {
    }

    public static void write(Model model, RdfFormat format, OutputStream out) {
        RDFWriter.source(model).format(format.jenaFormat()).output(out);
    }
}
