package org.smartcc.store.internal.rdf;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.smartcc.store.RecordGraph;
import org.smartcc.store.RecordGraph.StatementNode;
import org.smartcc.store.SafeRdfXml;
import org.smartcc.store.SmartOntology;
import org.smartcc.store.Vocab;
import org.smartcc.store.domain.ClinicalRecord;
import org.smartcc.store.domain.Concept;
import org.smartcc.store.domain.ConceptPaths;
import org.smartcc.store.domain.Demographics;
import org.smartcc.store.domain.Fact;
import org.smartcc.store.domain.InvalidRecordException;
import org.smartcc.store.domain.SmartDates;
import org.smartcc.store.domain.Visit;

/**
 * Maps one SMART record (RDF/XML or an already parsed graph) to star-schema rows: a statement fact per statement that
 * keeps its complete RDF, coded facts beside it, visits, demographics and concepts.
 */
public final class SmartRecordMapper {

    /** i2b2 needs a start date on every fact; an undated statement takes the birth date, or this when unknown. */
    static final LocalDateTime UNKNOWN_DATE = LocalDate.of(1900, 1, 1).atStartOfDay();

    private final SmartOntology ontology;

    public SmartRecordMapper(SmartOntology ontology) {
        this.ontology = ontology;
    }

    public ClinicalRecord map(String recordId, String sourceName, byte[] rdfXml) {
        Model model = SafeRdfXml.parse(rdfXml, sourceName);
        return map(recordId, sourceName, sha256(rdfXml), model);
    }

    public ClinicalRecord map(String recordId, String sourceName, String sourceSha256, Model model) {
        if (!recordId.matches("[A-Za-z0-9._-]{1,100}")) {
            throw new InvalidRecordException("RECORD_ID", sourceName + ": record id '" + recordId
                    + "' must be 1-100 letters, digits, '.', '_' or '-'");
        }
        RecordGraph graph;
        try {
            graph = RecordGraph.of(model, recordId, ontology);
        } catch (InvalidRecordException e) {
            throw new InvalidRecordException(e.code(), sourceName + ": " + e.getMessage(), e);
        }
        if (graph.statements().isEmpty()) {
            throw new InvalidRecordException("RDF_NO_STATEMENTS", sourceName
                    + ": no SMART statements (nodes typed sp:Medication, sp:Demographics, ...) found");
        }
        Demographics demographics = demographics(graph);
        LocalDateTime undated = demographics.birthDate() == null ? UNKNOWN_DATE : demographics.birthDate().atStartOfDay();

        Map<String, Visit> visits = new LinkedHashMap<>();
        List<Fact> facts = new ArrayList<>();
        Map<String, Concept> concepts = new TreeMap<>();
        Map<String, Integer> counts = new TreeMap<>();
        int instance = 0;
        for (StatementNode st : sortedById(graph.statements())) {
            instance++;
            String type = st.type().name();
            counts.merge(type, 1, Integer::sum);
            Optional<LocalDateTime> start = startDate(st.source());
            LocalDateTime end = SmartDates.parse(StatementFacts.literal(st.source(), Vocab.spProperty("endDate"))).orElse(null);
            String visitKey = visitFor(st, graph, start, end, visits);

            LocalDateTime factStart = start.orElse(undated);
            facts.add(new Fact(st.type().conceptCode(), Fact.NO_MODIFIER, instance, visitKey, factStart, end,
                    "B", st.id(), null, null, null, st.ntriples()));
            ConceptPaths.withFolders(st.type().conceptCode(), st.type().name(), "Statement types")
                    .forEach(c -> concepts.putIfAbsent(c.path(), c));
            for (StatementFacts.Coded coded : StatementFacts.of(type, st.source(), instance, visitKey, factStart, end)) {
                facts.add(coded.fact());
                coded.concepts().forEach(c -> concepts.putIfAbsent(c.path(), c));
            }
        }
        return new ClinicalRecord(recordId, sourceName, sourceSha256, demographics, List.copyOf(visits.values()),
                dropDuplicateKeys(facts), List.copyOf(concepts.values()), counts);
    }

    /** Facts are keyed by (concept, modifier, start, visit, instance): a statement that repeats a code keeps one. */
    private static List<Fact> dropDuplicateKeys(List<Fact> facts) {
        Map<String, Fact> unique = new LinkedHashMap<>();
        for (Fact f : facts) {
            unique.putIfAbsent(f.conceptCode() + '|' + f.modifierCode() + '|' + f.startDate() + '|' + f.visitKey()
                    + '|' + f.instanceNum(), f);
        }
        return List.copyOf(unique.values());
    }

    /** Instance numbers follow the statement ids, so a reload of the same content numbers statements alike. */
    private static List<StatementNode> sortedById(List<StatementNode> statements) {
        List<StatementNode> sorted = new ArrayList<>(statements);
        sorted.sort(java.util.Comparator.comparing(StatementNode::uri));
        return sorted;
    }

    private static Optional<LocalDateTime> startDate(Resource statement) {
        for (String p : List.of("startDate", "date")) {
            Optional<LocalDateTime> d = SmartDates.parse(StatementFacts.literal(statement, Vocab.spProperty(p)));
            if (d.isPresent()) {
                return d;
            }
        }
        return SmartDates.parse(StatementFacts.literal(statement, Vocab.DATE));
    }

    /**
     * A statement's visit: its own, for an sp:Encounter; the linked encounter, for a vital sign set; otherwise one
     * visit per day with facts (as i2b2 loaders do for sources without encounters); none for undated statements.
     */
    private static String visitFor(StatementNode st, RecordGraph graph, Optional<LocalDateTime> start,
                                   LocalDateTime end, Map<String, Visit> visits) {
        if (st.type().name().equals("Encounter")) {
            String inOut = Optional.ofNullable(st.source().getPropertyResourceValue(Vocab.spProperty("encounterType")))
                    .map(t -> t.getPropertyResourceValue(Vocab.CODE_PROPERTY))
                    .map(c -> inOutCode(c.getURI())).orElse(null);
            visits.putIfAbsent(st.id(), new Visit(st.id(), start.orElse(null), end, inOut));
            return st.id();
        }
        Resource encounter = st.source().getPropertyResourceValue(Vocab.spProperty("encounter"));
        StatementNode linked = encounter == null ? null : graph.statementOf(encounter);
        if (linked != null) {
            return linked.id();
        }
        if (start.isEmpty()) {
            return null;
        }
        String key = "day:" + start.get().toLocalDate();
        visits.putIfAbsent(key, new Visit(key, start.get().toLocalDate().atStartOfDay(), null, null));
        return key;
    }

    private static String inOutCode(String encounterTypeUri) {
        String type = encounterTypeUri.substring(encounterTypeUri.lastIndexOf('#') + 1);
        return switch (type) {
            case "inpatient" -> "I";
            case "emergency" -> "E";
            case "ambulatory", "home", "field", "daytime", "virtual" -> "O";
            default -> null;
        };
    }

    private static Demographics demographics(RecordGraph graph) {
        return graph.statements().stream().filter(s -> s.type().name().equals("Demographics")).findFirst()
                .map(s -> {
                    Resource d = s.source();
                    String gender = StatementFacts.literal(d, org.apache.jena.rdf.model.ResourceFactory
                            .createProperty(Vocab.FOAF, "gender"));
                    Resource adr = d.getPropertyResourceValue(Vocab.vcard("adr"));
                    return new Demographics(sexCode(gender),
                            SmartDates.parse(StatementFacts.literal(d, Vocab.vcard("bday"))).map(LocalDateTime::toLocalDate).orElse(null),
                            SmartDates.parse(StatementFacts.literal(d, Vocab.vcard("deathdate"))).map(LocalDateTime::toLocalDate).orElse(null),
                            limit(StatementFacts.literal(adr, Vocab.vcard("postal-code")), 10),
                            limit(StatementFacts.literal(d, Vocab.spProperty("preferredLanguage")), 50),
                            limit(StatementFacts.literal(d, Vocab.spProperty("race")), 50));
                }).orElse(Demographics.unknown());
    }

    private static String sexCode(String gender) {
        if (gender == null) {
            return null;
        }
        return switch (gender.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "male" -> "M";
            case "female" -> "F";
            default -> "U";
        };
    }

    private static String limit(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256(String content) {
        return sha256(content.getBytes(StandardCharsets.UTF_8));
    }
}
