package org.smartcc.records.application;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.smartcc.records.domain.ApiBase;
import org.smartcc.store.Vocab;

/**
 * {@code GET /records/search} (smart-classic §2.6): the demographics of every record that matches all given
 * criteria. Names and gender match by case-insensitive prefix, birthday, zip code and medical record number exactly.
 * Parameter spellings of the ontology and of the reference server are both accepted (§11.3). The launcher's record
 * list and patient banner read the same demographics as {@link Banner}s.
 */
public final class RecordSearch {

    private static final String VCARD = "http://www.w3.org/2006/vcard/ns#";
    private static final String FOAF = "http://xmlns.com/foaf/0.1/";
    private static final String DCTERMS = "http://purl.org/dc/terms/";
    /** Statement URIs are only parsed through here to read literals, so any base does. */
    private static final String PARSING_BASE = "http://localhost/banner";

    private final StatementRepository repository;

    public RecordSearch(StatementRepository repository) {
        this.repository = repository;
    }

    /**
     * Criteria from query parameters; unknown parameters are ignored, as the reference server did.
     *
     * @param name words each of which starts the given or the family name (the launcher's search box); null for any
     */
    public record Criteria(String givenName, String familyName, String gender, String birthday, String zipcode,
                           String medicalRecordNumber, String name) {

        public static Criteria of(Map<String, List<String>> query) {
            return new Criteria(first(query, "given_name", "givenName"), first(query, "family_name", "familyName"),
                    first(query, "gender"), first(query, "birthday", "date_of_birth"), first(query, "zipcode"),
                    first(query, "medical_record_number"), null);
        }

        /** The launcher's search: a name (given or family, by prefix), a birthday, a record number; each optional. */
        public static Criteria launcher(String name, String birthday, String medicalRecordNumber) {
            return new Criteria(null, null, null, blankToNull(birthday), null, blankToNull(medicalRecordNumber),
                    blankToNull(name));
        }

        private static String first(Map<String, List<String>> query, String... names) {
            for (String name : names) {
                List<String> values = query.get(name);
                if (values != null && !values.isEmpty() && !values.get(0).isBlank()) {
                    return values.get(0).trim();
                }
            }
            return null;
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.trim();
        }
    }

    /** What a patient banner shows of a record's demographics; a field the record lacks is null. */
    public record Banner(String recordId, String givenName, String familyName, String gender, String birthday,
                        String medicalRecordNumber) {

        /** Given and family name; the record id when the record has neither. */
        public String fullName() {
            String name = Stream.of(givenName, familyName).filter(n -> n != null && !n.isBlank())
                    .collect(Collectors.joining(" "));
            return name.isEmpty() ? recordId : name;
        }
    }

    /** The matching records' demographics, ordered by family name, then record id. */
    public RecordResponse search(Criteria criteria, String apiBase) {
        String base = ApiBase.check(apiBase);
        List<Match> matches = matching(criteria, base);
        matches.sort(Comparator.comparing((Match m) -> lower(m.banner().familyName()))
                .thenComparing(m -> m.banner().recordId()));
        ResponseGraph graph = new ResponseGraph();
        matches.forEach(m -> m.demographics().triples().forEach(graph::add));
        return RecordResponse.rdf(graph);
    }

    /** The matching records' banners, ordered by family name, then given name, then record id. */
    public List<Banner> banners(Criteria criteria) {
        return matching(criteria, PARSING_BASE).stream().map(Match::banner)
                .sorted(Comparator.comparing((Banner b) -> lower(b.familyName()))
                        .thenComparing(b -> lower(b.givenName())).thenComparing(Banner::recordId))
                .toList();
    }

    /** The banner of one record; empty when the record is unknown or has no demographics. */
    public Optional<Banner> banner(String recordId) {
        OptionalInt patient = repository.patientNum(recordId);
        if (patient.isEmpty()) {
            return Optional.empty();
        }
        return repository.statements(patient.getAsInt(), List.of("Demographics")).stream().findFirst()
                .map(statement -> read(recordId, statement, PARSING_BASE).banner());
    }

    private record Match(Banner banner, ParsedStatement demographics, Graph graph, Node subject) {
    }

    private List<Match> matching(Criteria criteria, String base) {
        List<Match> matches = new ArrayList<>();
        for (StatementRepository.RecordStatement found : repository.statementsOfAllRecords("Demographics")) {
            Match m = read(found.recordId(), found.statement(), base);
            Banner b = m.banner();
            if (prefix(criteria.familyName(), b.familyName()) && prefix(criteria.givenName(), b.givenName())
                    && nameWords(criteria.name(), b)
                    && prefix(criteria.gender(), b.gender())
                    && exact(criteria.birthday(), b.birthday())
                    && exact(criteria.zipcode(), zip(m.graph(), m.subject()))
                    && exact(criteria.medicalRecordNumber(), b.medicalRecordNumber())) {
                matches.add(m);
            }
        }
        return matches;
    }

    private static Match read(String recordId, StoredStatement statement, String base) {
        ParsedStatement s = new StatementParser(base, recordId).parse(statement);
        Graph g = GraphFactory.createGraphMem();
        s.triples().forEach(g::add);
        Node subject = s.subject();
        Node name = object(g, subject, VCARD + "n");
        Banner banner = new Banner(recordId, name == null ? null : literal(g, name, VCARD + "given-name"),
                name == null ? null : literal(g, name, VCARD + "family-name"), literal(g, subject, FOAF + "gender"),
                literal(g, subject, VCARD + "bday"), mrn(g, subject));
        return new Match(banner, s, g, subject);
    }

    /** Every word of the wanted text starts the given or the family name. */
    private static boolean nameWords(String wanted, Banner banner) {
        return wanted == null || Arrays.stream(wanted.trim().split("\\s+"))
                .allMatch(word -> prefix(word, banner.givenName()) || prefix(word, banner.familyName()));
    }

    private static String lower(String value) {
        return value == null ? "" : value.toLowerCase(Locale.ROOT);
    }

    private static String zip(Graph g, Node subject) {
        Node address = object(g, subject, VCARD + "adr");
        return address == null ? null : literal(g, address, VCARD + "postal-code");
    }

    private static String mrn(Graph g, Node subject) {
        Node code = object(g, subject, Vocab.SP + "medicalRecordNumber");
        return code == null ? null : literal(g, code, DCTERMS + "identifier");
    }

    private static boolean prefix(String wanted, String actual) {
        return wanted == null || actual != null
                && actual.toLowerCase(Locale.ROOT).startsWith(wanted.toLowerCase(Locale.ROOT));
    }

    private static boolean exact(String wanted, String actual) {
        return wanted == null || wanted.equals(actual);
    }

    private static Node object(Graph g, Node subject, String property) {
        var it = g.find(subject, NodeFactory.createURI(property), Node.ANY);
        try {
            return it.hasNext() ? it.next().getObject() : null;
        } finally {
            it.close();
        }
    }

    private static String literal(Graph g, Node subject, String property) {
        Node o = object(g, subject, property);
        return o != null && o.isLiteral() ? o.getLiteralLexicalForm() : null;
    }
}
