package org.smartcc.api.infrastructure.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.smartcc.store.Vocab;

/**
 * Each format's writer over several records: its output parses back with Jena to exactly the union of the records'
 * answers (each record's blank nodes its own, though two records reuse the same labels), as one document.
 */
class PopulationWritersTest {

    private static final String BASE = "http://localhost:8080/records/";

    @Test
    void nTriplesIsTheUnionOfTheRecords() throws IOException {
        String out = write(PopulationFormat.N_TRIPLES, records());
        assertIsomorphic(union(records()), parse(out, Lang.NTRIPLES));
    }

    @Test
    void turtleIsOneDocumentWithThePrefixesOnce() throws IOException {
        String out = write(PopulationFormat.TURTLE, records());
        assertEquals(1, count(out, "@prefix sp:"), out);
        assertIsomorphic(union(records()), parse(out, Lang.TURTLE));
    }

    @Test
    void rdfXmlIsOneWellFormedDocument() throws IOException {
        String out = write(PopulationFormat.RDF_XML, records());
        assertEquals(1, count(out, "<?xml"), out);
        assertEquals(1, count(out, "</rdf:RDF>"), out);
        assertIsomorphic(union(records()), parse(out, Lang.RDFXML));
    }

    @Test
    void ndjsonIsOneJsonLdGraphPerRecord() throws IOException {
        String out = write(PopulationFormat.NDJSON, records());
        String[] lines = out.split("\n");
        assertEquals(2, lines.length, out);
        Model parsed = ModelFactory.createDefaultModel();
        for (String line : lines) {
            assertTrue(line.startsWith("{") && line.endsWith("}"), line);
            parsed.add(parse(line, Lang.JSONLD));
        }
        assertIsomorphic(union(records()), parsed);
    }

    @Test
    void noRecordsIsStillAWellFormedDocument() throws IOException {
        for (PopulationFormat format : RDF_FORMATS) {
            String out = write(format, List.of());
            if (format != PopulationFormat.NDJSON) {
                assertTrue(parse(out, lang(format)).isEmpty(), format + ": " + out);
            } else {
                assertEquals("", out);
            }
        }
    }

    @Test
    void mediaTypesNameTheirFormat() {
        for (PopulationFormat format : PopulationFormat.values()) {
            assertEquals(format, PopulationFormat.ofMediaType(format.mediaType() + "; charset=UTF-8").orElseThrow());
        }
        assertTrue(PopulationFormat.ofMediaType("application/ld+json").isEmpty());
    }

    /** The RDF formats; the tabular ones have tests of their own. */
    private static final List<PopulationFormat> RDF_FORMATS = List.of(PopulationFormat.N_TRIPLES,
            PopulationFormat.TURTLE, PopulationFormat.RDF_XML, PopulationFormat.NDJSON);

    /** Two records as the per-record API answers them: the same blank node labels, odd literals, a foreign property. */
    private static List<Model> records() {
        return List.of(record("1001", "metformin & <co> \"quoted\"\nsecond line"), record("1002", "aspirin"));
    }

    private static Model record(String recordId, String drugName) {
        Model m = ModelFactory.createDefaultModel();
        Node medication = NodeFactory.createURI(BASE + recordId + "/medications/m1");
        Node code = NodeFactory.createBlankNode("m1.code");
        Node quantity = NodeFactory.createBlankNode("m1.quantity");
        add(m, medication, RDF.type.asNode(), NodeFactory.createURI(Vocab.SP + "Medication"));
        add(m, medication, NodeFactory.createURI(Vocab.SP + "belongsTo"), NodeFactory.createURI(BASE + recordId));
        add(m, medication, NodeFactory.createURI(Vocab.SP + "drugName"), code);
        add(m, code, NodeFactory.createURI("http://purl.org/dc/terms/title"), NodeFactory.createLiteralString(drugName));
        add(m, code, NodeFactory.createURI("http://example.org/other#label"), NodeFactory.createLiteralLang(drugName, "en"));
        add(m, medication, NodeFactory.createURI(Vocab.SP + "quantity"), quantity);
        add(m, quantity, NodeFactory.createURI(Vocab.SP + "value"),
                NodeFactory.createLiteralDT("2", XSDDatatype.XSDinteger));
        add(m, medication, NodeFactory.createURI(Vocab.SP + "startDate"),
                NodeFactory.createLiteralDT("2010-05-12", XSDDatatype.XSDdate));
        return m;
    }

    private static void add(Model m, Node s, Node p, Node o) {
        m.getGraph().add(Triple.create(s, p, o));
    }

    private static String write(PopulationFormat format, List<Model> records) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PopulationWriter writer = format.open(out, SampleRecords.COLLECTIONS.named("medications"));
        for (int i = 0; i < records.size(); i++) {
            writer.record("100" + (i + 1), records.get(i));
        }
        writer.finish();
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The union as a client sums the per-record answers: each parsed alone, so each keeps its own blank nodes. */
    private static Model union(List<Model> records) {
        Model union = ModelFactory.createDefaultModel();
        for (Model record : records) {
            ByteArrayOutputStream nt = new ByteArrayOutputStream();
            RDFDataMgr.write(nt, record, Lang.NTRIPLES);
            union.add(parse(nt.toString(StandardCharsets.UTF_8), Lang.NTRIPLES));
        }
        return union;
    }

    private static Model parse(String text, Lang lang) {
        Model m = ModelFactory.createDefaultModel();
        RDFParser.create().source(new StringReader(text)).lang(lang).parse(m);
        return m;
    }

    private static Lang lang(PopulationFormat format) {
        return switch (format) {
            case N_TRIPLES -> Lang.NTRIPLES;
            case TURTLE -> Lang.TURTLE;
            case RDF_XML -> Lang.RDFXML;
            case NDJSON -> Lang.JSONLD;
            case CSV, PARQUET -> throw new IllegalArgumentException(format + " is tabular (TabularRowsTest, ...)");
        };
    }

    private static void assertIsomorphic(Model expected, Model actual) {
        assertEquals(expected.size(), actual.size(), "statements");
        assertTrue(expected.isIsomorphicWith(actual), () -> "expected\n" + text(expected) + "\nactual\n" + text(actual));
    }

    private static String text(Model m) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFDataMgr.write(out, m, Lang.NTRIPLES);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
