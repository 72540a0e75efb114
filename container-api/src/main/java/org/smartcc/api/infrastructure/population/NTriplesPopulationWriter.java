package org.smartcc.api.infrastructure.population;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import org.apache.jena.atlas.io.AWriter;
import org.apache.jena.atlas.io.IO;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.out.NodeFormatter;
import org.apache.jena.riot.out.NodeFormatterNT;

/** N-Triples, record after record: a line per statement, so the document is any concatenation of its records. */
final class NTriplesPopulationWriter implements PopulationWriter {

    private final AWriter out;
    private final NodeFormatter nodes = new NodeFormatterNT();
    private final BlankLabels blanks = new BlankLabels();

    NTriplesPopulationWriter(OutputStream stream) {
        // an 8 KB buffer (Jena's own is 64 KB): export files are split on what has been handed on
        this.out = IO.wrap(new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8)));
    }

    @Override
    public void record(String recordId, Model statements) {
        statements.getGraph().find().forEachRemaining(this::triple);
        blanks.endRecord();
    }

    private void triple(Triple t) {
        node(t.getSubject());
        out.print(' ');
        node(t.getPredicate());
        out.print(' ');
        node(t.getObject());
        out.print(" .\n");
    }

    private void node(Node n) {
        if (n.isBlank()) {
            out.print("_:");
            out.print(blanks.of(n));
        } else {
            nodes.format(out, n);
        }
    }

    @Override
    public void finish() {
        out.flush();
    }
}
