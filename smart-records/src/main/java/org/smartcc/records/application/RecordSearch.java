package org.smartcc.records.application;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.smartcc.records.domain.ApiBase;
import org.smartcc.store.Vocab;

/**
 * {@code GET /records/search} (smart-classic §2.6): the demographics of every record that matches all given
 * criteria. Names and gender match by case-insensitive prefix, birthday, zip code and medical record number exactly.
 * Parameter spellings of the ontology and of the reference server are both accepted (§11.3).
 */
public final class RecordSearch {

    private static final String VCARD = "http://www.w3.org/2006/vcard/ns#";
    private static final String FOAF = "http://xmlns.com/foaf/0.1/";
    private static final String DCTERMS = "http://purl.org/dc/terms/";

    private final StatementRepository repository;

    public RecordSearch(StatementRepository repository) {
        this.repository = repository;
    }

    /** Criteria from query parameters; unknown parameters are ignored, as the reference server did. */
    public record Criteria(String givenName, String familyName, String gender, String birthday, String zipcode,
                           String medicalRecordNumber) {

        public static Criteria of(Map<String, List<String>> query) {
            return new Criteria(first(query, "given_name", "givenName"), first(query, "family_name", "familyName"),
                    first(query, "gender"), first(query, "birthday", "date_of_birth"), first(query, "zipcode"),
                    first(query, "medical_record_number"));
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
    }

    /** The matching records' demographics, ordered by family name, then record id. */
    public RecordResponse search(Criteria criteria, String apiBase) {
        String base = ApiBase.check(apiBase);
        record Match(String familyName, String recordId, ParsedStatement demographics) {
        }
        List<Match> matches = new ArrayList<>();
        for (StatementRepository.RecordStatement found : repository.statementsOfAllRecords("Demographics")) {
            ParsedStatement s = new StatementParser(base, found.recordId()).parse(found.statement());
            Graph g = GraphFactory.createGraphMem();
            s.triples().forEach(g::add);
            Node subject = s.subject();
            Node name = object(g, subject, VCARD + "n");
            String family = name == null ? null : literal(g, name, VCARD + "family-name");
            if (prefix(criteria.familyName(), family)
                    && prefix(criteria.givenName(), name == null ? null : literal(g, name, VCARD + "given-name"))
                    && prefix(criteria.gender(), literal(g, subject, FOAF + "gender"))
                    && exact(criteria.birthday(), literal(g, subject, VCARD + "bday"))
                    && exact(criteria.zipcode(), zip(g, subject))
                    && exact(criteria.medicalRecordNumber(), mrn(g, subject))) {
                matches.add(new Match(family == null ? "" : family.toLowerCase(Locale.ROOT), found.recordId(), s));
            }
        }
        matches.sort(Comparator.comparing(Match::familyName).thenComparing(Match::recordId));
        ResponseGraph graph = new ResponseGraph();
        matches.forEach(m -> m.demographics().triples().forEach(graph::add));
        return RecordResponse.rdf(graph);
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
