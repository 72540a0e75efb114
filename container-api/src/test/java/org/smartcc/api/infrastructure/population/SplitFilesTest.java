package org.smartcc.api.infrastructure.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartcc.store.Vocab;

/**
 * An export part split into files: a new file after the record that reaches the size, numbered on from the first
 * number, each a complete document of its format under its final name, together holding every record once.
 */
class SplitFilesTest {

    private static final long MAX = 20_000;
    private static final PopulationCollections.Collection MEDICATIONS = SampleRecords.COLLECTIONS.named("medications");

    @TempDir
    Path dir;

    @Test
    void nTriplesSplitsAfterTheRecordThatReachesTheSize() throws IOException {
        List<SplitFiles.Completed> files = write(PopulationFormat.N_TRIPLES, 100, 7);
        assertTrue(files.size() >= 3, "several files: " + files);
        checkFiles(files, 7, Lang.NTRIPLES, 100);
    }

    @Test
    void eachRdfXmlFileIsADocumentOfItsOwn() throws IOException {
        List<SplitFiles.Completed> files = write(PopulationFormat.RDF_XML, 100, 1);
        assertTrue(files.size() >= 3, "several files: " + files);
        checkFiles(files, 1, Lang.RDFXML, 100);
    }

    @Test
    void aPartSmallerThanTheSizeIsOneFileAndAnEmptyPartNone() throws IOException {
        checkFiles(write(PopulationFormat.TURTLE, 2, 1), 1, Lang.TURTLE, 2);
        assertEquals(List.of(), write(PopulationFormat.TURTLE, 0, 4));
    }

    @Test
    void anAbandonedFileLeavesNothing() throws IOException {
        List<SplitFiles.Completed> completed = new ArrayList<>();
        SplitFiles files = new SplitFiles(dir, MEDICATIONS, PopulationFormat.N_TRIPLES, MAX, 1, completed::add);
        files.record("r0", record(0));
        files.abandon();
        assertEquals(List.of(), completed);
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(), left.toList());
        }
    }

    private List<SplitFiles.Completed> write(PopulationFormat format, int records, int firstNumber)
            throws IOException {
        List<SplitFiles.Completed> completed = new ArrayList<>();
        SplitFiles files = new SplitFiles(dir, MEDICATIONS, format, MAX, firstNumber, completed::add);
        for (int i = 0; i < records; i++) {
            files.record(String.format("r%03d", i), record(i));
        }
        files.finish();
        assertEquals(firstNumber + completed.size(), files.nextNumber());
        return completed;
    }

    private void checkFiles(List<SplitFiles.Completed> files, int firstNumber, Lang lang, int records)
            throws IOException {
        Model all = ModelFactory.createDefaultModel();
        long recordsInFiles = 0;
        for (int i = 0; i < files.size(); i++) {
            SplitFiles.Completed f = files.get(i);
            assertEquals(firstNumber + i, f.number());
            assertEquals(Files.size(f.file()), f.bytes());
            if (i < files.size() - 1) {
                assertTrue(f.bytes() >= MAX, "a file ends once it reaches the size: " + f);
            }
            Model parsed = RDFDataMgr.loadModel(f.file().toString(), lang);
            assertEquals(f.statements(), parsed.size(), f.toString());
            all.add(parsed);
            recordsInFiles += f.records();
        }
        assertEquals(records, recordsInFiles);
        assertEquals(records * 3L, all.size(), "every record once");
        if (!files.isEmpty()) {
            assertEquals(String.format("r%03d", records - 1), files.get(files.size() - 1).lastRecordId());
        }
        try (Stream<Path> names = Files.list(dir)) {
            assertTrue(names.noneMatch(p -> p.toString().endsWith(".part")), "no temporary file stays");
        }
    }

    /** A record of three statements, the last with a long literal so that records have some size. */
    private static Model record(int i) {
        Model m = ModelFactory.createDefaultModel();
        var s = NodeFactory.createURI("http://localhost:8080/records/" + i + "/medications/m1");
        m.getGraph().add(Triple.create(s, NodeFactory.createURI(Vocab.SP + "belongsTo"),
                NodeFactory.createURI("http://localhost:8080/records/" + i)));
        m.getGraph().add(Triple.create(s, NodeFactory.createURI(Vocab.SP + "drugName"),
                NodeFactory.createLiteralString("drug " + i)));
        m.getGraph().add(Triple.create(s, NodeFactory.createURI(Vocab.SP + "instructions"),
                NodeFactory.createLiteralString("take one tablet by mouth ".repeat(40) + i)));
        return m;
    }
}
