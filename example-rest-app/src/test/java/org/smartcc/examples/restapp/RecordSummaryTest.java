package org.smartcc.examples.restapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The container's answers are RDF/XML as Jena's plain writer makes them; the abbreviated forms are read too. */
class RecordSummaryTest {

    private static final String PREFIXES = "xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\""
            + " xmlns:sp=\"http://smartplatforms.org/terms#\" xmlns:v=\"http://www.w3.org/2006/vcard/ns#\""
            + " xmlns:dcterms=\"http://purl.org/dc/terms/\"";

    static final String DEMOGRAPHICS = "<rdf:RDF " + PREFIXES + ">"
            + "<rdf:Description rdf:about=\"http://localhost:8080/records/1032702/demographics\">"
            + "  <rdf:type rdf:resource=\"http://smartplatforms.org/terms#Demographics\"/>"
            + "  <v:n rdf:nodeID=\"name1\"/>"
            + "</rdf:Description>"
            + "<rdf:Description rdf:nodeID=\"name1\">"
            + "  <rdf:type rdf:resource=\"http://www.w3.org/2006/vcard/ns#Name\"/>"
            + "  <v:given-name>Amy</v:given-name><v:family-name>Shaw</v:family-name>"
            + "  <v:additional-name>V</v:additional-name>"
            + "</rdf:Description></rdf:RDF>";

    static final String MEDICATIONS = "<rdf:RDF " + PREFIXES + ">"
            + "<rdf:Description rdf:about=\"http://localhost:8080/records/1032702/medications/1\">"
            + "  <rdf:type rdf:resource=\"http://smartplatforms.org/terms#Medication\"/>"
            + "  <sp:drugName rdf:nodeID=\"drug1\"/><sp:startDate>2008-04-05</sp:startDate>"
            + "</rdf:Description>"
            + "<rdf:Description rdf:nodeID=\"drug1\">"
            + "  <rdf:type rdf:resource=\"http://smartplatforms.org/terms#CodedValue\"/>"
            + "  <dcterms:title>Amoxicillin 50 MG/ML Oral Suspension</dcterms:title>"
            + "  <sp:code rdf:resource=\"http://purl.bioontology.org/ontology/RXNORM/308182\"/>"
            + "</rdf:Description>"
            // a typed node whose drug name has no title of its own: its code's title is the name
            + "<sp:Medication rdf:about=\"http://localhost:8080/records/1032702/medications/2\">"
            + "  <sp:drugName rdf:parseType=\"Resource\">"
            + "    <sp:code rdf:resource=\"http://purl.bioontology.org/ontology/RXNORM/197361\"/>"
            + "  </sp:drugName>"
            + "  <sp:startDate>2010-01-01</sp:startDate>"
            + "</sp:Medication>"
            + "<rdf:Description rdf:about=\"http://purl.bioontology.org/ontology/RXNORM/197361\">"
            + "  <dcterms:title>Amlodipine 5 MG Oral Tablet</dcterms:title>"
            + "</rdf:Description></rdf:RDF>";

    @Test
    void theNameIsGivenAndFamilyNameAndTheMedicationsAreNewestFirst() {
        RecordSummary summary = RecordSummary.read(DEMOGRAPHICS, MEDICATIONS);
        assertEquals("Amy Shaw", summary.patientName());
        assertEquals(List.of(new RecordSummary.Medication("Amlodipine 5 MG Oral Tablet", "2010-01-01"),
                new RecordSummary.Medication("Amoxicillin 50 MG/ML Oral Suspension", "2008-04-05")),
                summary.medications());
    }

    @Test
    void aRecordWithoutMedicationsOrNameIsShownAsSuch() {
        String empty = "<rdf:RDF " + PREFIXES + "/>";
        RecordSummary summary = RecordSummary.read(empty, empty);
        assertEquals(RecordSummary.UNKNOWN_PATIENT, summary.patientName());
        assertTrue(summary.medications().isEmpty());
    }

    @Test
    void nestedNodesAndPropertyAttributesAreStatementsToo() {
        RdfXmlGraph graph = RdfXmlGraph.parse("<rdf:RDF " + PREFIXES + "><sp:Demographics rdf:about=\"urn:d\">"
                + "<v:n><v:Name v:given-name=\"Joseph\" v:family-name=\"Ross\"/></v:n></sp:Demographics></rdf:RDF>");
        assertEquals(List.of("urn:d"), graph.subjectsOfType(RecordSummary.SP + "Demographics"));
        String name = graph.resource("urn:d", RecordSummary.VCARD + "n").orElseThrow();
        assertEquals("Ross", graph.literal(name, RecordSummary.VCARD + "family-name").orElseThrow());
    }

    @Test
    void aDoctypeIsRefusedSoNoEntityIsExpanded() {
        String withEntity = "<?xml version=\"1.0\"?><!DOCTYPE rdf:RDF [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + DEMOGRAPHICS.replace("<v:given-name>Amy", "<v:given-name>&x;");
        AppFailure failure = assertThrows(AppFailure.class, () -> RecordSummary.read(withEntity, MEDICATIONS));
        assertEquals("RECORD_UNREADABLE", failure.code());
    }

    @Test
    void anAnswerThatIsNotXmlIsAFailureOfItsOwn() {
        AppFailure failure = assertThrows(AppFailure.class, () -> RecordSummary.read("{\"code\": 1}", MEDICATIONS));
        assertEquals(502, failure.status());
    }
}
