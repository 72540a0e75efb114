package org.smartcc.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.jena.rdf.model.Model;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartcc.store.SafeRdfXml;
import org.smartcc.store.domain.InvalidRecordException;

/** Untrusted RDF/XML: DOCTYPEs are refused in every encoding and position, deep nesting is a clear error. */
class SafeRdfXmlTest {

    static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"utf-8\"?>";
    static final String LONG_COMMENT = "<!--" + "x".repeat(5 * 1024) + "-->";

    static String patient;

    @BeforeAll
    static void readSample() throws Exception {
        patient = Files.readString(SampleData.samplePatients().resolve("p1032702.xml"));
    }

    @Test
    void utf16DocumentWithBomAndAnInternalEntityIsRefused() {
        String document = patient.replace("encoding=\"utf-8\"?>", "encoding=\"UTF-16\"?>"
                + "<!DOCTYPE rdf:RDF [<!ENTITY x \"Mallory\">]>").replace(">Amy<", ">&x;<");
        byte[] utf16 = document.getBytes(StandardCharsets.UTF_16); // big-endian with a byte order mark
        assertEquals((byte) 0xFE, utf16[0]);
        assertEquals("RDF_DOCTYPE", refusal(utf16).code());
    }

    @Test
    void doctypeAfterALongCommentIsRefused() {
        String document = patient.replace(DECLARATION, DECLARATION + LONG_COMMENT
                + "<!DOCTYPE rdf:RDF [<!ENTITY x \"Mallory\">]>").replace(">Amy<", ">&x;<");
        InvalidRecordException e = refusal(document.getBytes(StandardCharsets.UTF_8));
        assertEquals("RDF_DOCTYPE", e.code());
        assertTrue(e.getMessage().startsWith("test.xml: line 1, column "), e.getMessage());
    }

    @Test
    void externalEntityOfALocalFileIsRefusedAndNeverRead(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "s3cr3t-marker");
        String document = patient.replace(DECLARATION, DECLARATION + LONG_COMMENT
                + "<!DOCTYPE rdf:RDF [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>").replace(">Amy<", ">&x;<");
        InvalidRecordException e = refusal(document.getBytes(StandardCharsets.UTF_8));
        assertEquals("RDF_DOCTYPE", e.code());
        assertFalse(e.getMessage().contains("s3cr3t"), e.getMessage());
    }

    @Test
    void billionLaughsIsRefusedBeforeAnyExpansion() {
        StringBuilder entities = new StringBuilder("<!ENTITY l0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            entities.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        String document = patient.replace(DECLARATION, DECLARATION + LONG_COMMENT
                + "<!DOCTYPE rdf:RDF [" + entities + "]>").replace(">Amy<", ">&l9;<");
        assertEquals("RDF_DOCTYPE", refusal(document.getBytes(StandardCharsets.UTF_8)).code());
    }

    @Test
    void deepNestingIsAClearParseError() {
        int levels = 25_000; // a node and a property element each: 50,000 elements deep, valid RDF/XML otherwise
        String document = "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:ex=\"urn:ex:\">"
                + "<rdf:Description><ex:next>".repeat(levels) + "<rdf:Description/>"
                + "</ex:next></rdf:Description>".repeat(levels) + "</rdf:RDF>";
        InvalidRecordException e = refusal(document.getBytes(StandardCharsets.UTF_8));
        assertEquals("RDF_PARSE", e.code());
        assertTrue(e.getMessage().contains("nest deeper than 200"), e.getMessage());
    }

    @Test
    void theDocumentsOwnEncodingIsRespected() {
        Model utf8 = SafeRdfXml.parse(patient.getBytes(StandardCharsets.UTF_8), "test.xml");
        Model utf16 = SafeRdfXml.parse(patient.replace("encoding=\"utf-8\"", "encoding=\"UTF-16\"")
                .getBytes(StandardCharsets.UTF_16), "test.xml");
        assertTrue(utf8.isIsomorphicWith(utf16));

        String latin1 = patient.replace("encoding=\"utf-8\"", "encoding=\"ISO-8859-1\"").replace(">Amy<", ">Zoë<");
        Model model = SafeRdfXml.parse(latin1.getBytes(Charset.forName("ISO-8859-1")), "test.xml");
        assertEquals(1, model.listObjectsOfProperty(model.createProperty("http://www.w3.org/2006/vcard/ns#given-name"))
                .filterKeep(n -> n.asLiteral().getLexicalForm().equals("Zoë")).toList().size());
    }

    @Test
    void malformedXmlIsAParseErrorWithItsPosition() {
        InvalidRecordException e = refusal("<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'><broken"
                .getBytes(StandardCharsets.UTF_8));
        assertEquals("RDF_PARSE", e.code());
        assertTrue(e.getMessage().startsWith("test.xml: not valid RDF/XML: line 1, column "), e.getMessage());
    }

    private static InvalidRecordException refusal(byte[] document) {
        return assertThrows(InvalidRecordException.class, () -> SafeRdfXml.parse(document, "test.xml"));
    }
}
