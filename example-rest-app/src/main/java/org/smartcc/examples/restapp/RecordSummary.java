package org.smartcc.examples.restapp;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the app shows of a record: the patient's name from the demographics (vCard {@code v:n}) and each medication's
 * drug name (its coded value's title, else its code's), newest first (smart-classic's Demographics and Medication).
 */
public record RecordSummary(String patientName, List<Medication> medications) {

    static final String SP = "http://smartplatforms.org/terms#";
    static final String VCARD = "http://www.w3.org/2006/vcard/ns#";
    static final String DCTERMS = "http://purl.org/dc/terms/";
    static final String UNKNOWN_PATIENT = "Unknown patient";

    /** One medication: its drug name and start date (empty when the record has none). */
    public record Medication(String name, String startDate) {
    }

    /** @throws AppFailure RECORD_UNREADABLE when an answer is not RDF/XML */
    public static RecordSummary read(String demographicsRdfXml, String medicationsRdfXml) {
        return new RecordSummary(patientName(RdfXmlGraph.parse(demographicsRdfXml)),
                medications(RdfXmlGraph.parse(medicationsRdfXml)));
    }

    private static String patientName(RdfXmlGraph graph) {
        return graph.subjectsOfType(SP + "Demographics").stream()
                .flatMap(d -> graph.resource(d, VCARD + "n").stream())
                .map(name -> Stream.of(graph.literal(name, VCARD + "given-name"),
                                graph.literal(name, VCARD + "family-name"))
                        .flatMap(Optional::stream).filter(part -> !part.isEmpty()).collect(Collectors.joining(" ")))
                .filter(name -> !name.isEmpty()).findFirst().orElse(UNKNOWN_PATIENT);
    }

    private static List<Medication> medications(RdfXmlGraph graph) {
        return graph.subjectsOfType(SP + "Medication").stream()
                .map(m -> new Medication(drugName(graph, m), graph.literal(m, SP + "startDate").orElse("")))
                .sorted(Comparator.comparing(Medication::startDate).reversed().thenComparing(Medication::name))
                .toList();
    }

    private static String drugName(RdfXmlGraph graph, String medication) {
        return graph.resource(medication, SP + "drugName")
                .flatMap(coded -> graph.literal(coded, DCTERMS + "title")
                        .or(() -> graph.resource(coded, SP + "code").flatMap(c -> graph.literal(c, DCTERMS + "title"))))
                .orElse("(unnamed)");
    }
}
