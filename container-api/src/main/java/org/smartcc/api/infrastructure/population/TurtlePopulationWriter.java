package org.smartcc.api.infrastructure.population;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.atlas.io.AWriter;
import org.apache.jena.atlas.io.IO;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.out.NodeFormatter;
import org.apache.jena.riot.out.NodeFormatterTTL;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.smartcc.records.SmartPrefixes;

/**
 * One Turtle document: the SMART prefixes once, then each record's statements grouped by subject. Only one record's
 * statements are held at a time.
 */
final class TurtlePopulationWriter implements PopulationWriter {

    private final AWriter out;
    private final NodeFormatter nodes = new NodeFormatterTTL(null, PrefixMapFactory.create(SmartPrefixes.MAP));
    private final BlankLabels blanks = new BlankLabels();
    private boolean started;

    TurtlePopulationWriter(OutputStream stream) {
        // an 8 KB buffer (Jena's own is 64 KB): export files are split on what has been handed on
        this.out = IO.wrap(new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8)));
    }

    @Override
    public void record(String recordId, Model statements) {
        start();
        Map<Node, List<Triple>> bySubject = new LinkedHashMap<>();
        statements.getGraph().find().forEachRemaining(t ->
                bySubject.computeIfAbsent(t.getSubject(), s -> new ArrayList<>()).add(t));
        for (Map.Entry<Node, List<Triple>> subject : bySubject.entrySet()) {
            node(subject.getKey());
            String separator = " ";
            for (Triple t : subject.getValue()) {
                out.print(separator);
                node(t.getPredicate());
                out.print(' ');
                node(t.getObject());
                separator = " ;\n    ";
            }
            out.print(" .\n");
        }
        blanks.endRecord();
    }

    private void start() {
        if (started) {
            return;
        }
        started = true;
        // The namespaces are the project's constants, IRIs without characters to escape.
        SmartPrefixes.MAP.forEach((prefix, namespace) -> out.print("@prefix " + prefix + ": <" + namespace + "> .\n"));
        out.print('\n');
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
        start();
        out.flush();
    }
}
