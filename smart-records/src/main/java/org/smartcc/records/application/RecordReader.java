package org.smartcc.records.application;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.smartcc.records.domain.ApiBase;
import org.smartcc.records.domain.ApiCall;
import org.smartcc.records.domain.CallCategory;
import org.smartcc.records.domain.CallMatch;
import org.smartcc.records.domain.Cardinality;
import org.smartcc.records.domain.DocumentFormat;
import org.smartcc.records.domain.ErrorCode;
import org.smartcc.records.domain.Paging;
import org.smartcc.records.domain.RecordQuery;
import org.smartcc.records.domain.RecordQueryParser;
import org.smartcc.records.domain.RecordsException;
import org.smartcc.records.domain.ResponseSummary;
import org.smartcc.store.SmartOntology;
import org.smartcc.store.Vocab;

/**
 * Serves the record GET calls of the ontology (collections, items, demographics, social history, documents,
 * photograph): one store query for the requested statements, one for the statements they link to, filtering,
 * sorting and paging in plain Java, then the response graph.
 */
public final class RecordReader {

    /** {@code GET allergies/} also returns the exclusions (reference {@code record_get_allergies}, §2.5). */
    private static final Map<String, List<String>> COLLECTION_TYPES = Map.of("Allergy", List.of("Allergy", "AllergyExclusion"));
    /** Served as the raw file whatever the query says (§2.6). */
    private static final String PHOTOGRAPH = "Photograph";

    private final StatementRepository repository;
    private final SmartOntology ontology;
    private final DocumentFiles files;
    private final StatementLinks links;

    public RecordReader(StatementRepository repository, SmartOntology ontology, DocumentFiles files) {
        this.repository = repository;
        this.ontology = ontology;
        this.files = files;
        this.links = new StatementLinks(ontology);
    }

    /** See {@link StatementRepository#recordVersion}: responses of a record may be reused while it is unchanged. */
    public Optional<String> recordVersion(String recordId) {
        return repository.recordVersion(recordId);
    }

    /** Whether this reader serves a call: a record GET whose target is a statement class. */
    public boolean serves(ApiCall call) {
        return call.httpMethod().equals("GET") && call.category() == CallCategory.RECORD
                && ontology.statementType(call.targetClass()).isPresent();
    }

    /**
     * @param query   the query parameters, decoded (a JAX-RS {@code MultivaluedMap} will do)
     * @param apiBase the base statement URIs are served under, e.g. {@code http://localhost:8080}
     * @throws RecordsException RECORD_NOT_FOUND, NOT_FOUND, BAD_FILTER, BAD_PAGING, BAD_PARAMETER, UNSUPPORTED_CALL
     */
    public RecordResponse read(CallMatch match, Map<String, List<String>> query, String apiBase) {
        long started = System.nanoTime();
        ApiCall call = match.call();
        if (!serves(call)) {
            throw new RecordsException(ErrorCode.UNSUPPORTED_CALL, call.name() + " is not a record read call");
        }
        String base = ApiBase.check(apiBase);
        String recordId = match.recordId().orElseThrow();
        int patientNum = repository.patientNum(recordId).orElseThrow(() ->
                new RecordsException(ErrorCode.RECORD_NOT_FOUND, "record '" + recordId + "' not found"));
        RecordQuery recordQuery = RecordQueryParser.parse(call, query);
        StatementParser parser = new StatementParser(base, recordId);

        List<ParsedStatement> requested = requested(call, match, patientNum).stream().map(parser::parse).toList();
        Map<Node, ParsedStatement> neighbours = neighbours(patientNum, requested, parser, base + "/records/" + recordId + "/");

        List<ParsedStatement> selected;
        ResponseSummary summary;
        if (call.cardinality() == Cardinality.MULTIPLE) {
            List<ParsedStatement> loaded = new ArrayList<>(requested);
            loaded.addAll(neighbours.values());
            List<ParsedStatement> matching = StatementSelection.sort(
                    StatementSelection.filter(requested, loaded, recordQuery.conditions()), call.defaultSort());
            selected = page(matching, recordQuery);
            summary = summary(started, matching.size(), selected, recordQuery, base + fill(call, match));
        } else {
            selected = requested;
            summary = new ResponseSummary(selected.size(), selected.size(), elapsedMs(started), null, null);
        }

        DocumentFormat format = recordQuery.format().orElse(defaultFormat(call));
        if (format == DocumentFormat.RAW) {
            if (call.cardinality() == Cardinality.SINGLE) {
                return raw(recordId, selected.get(0));
            }
            format = DocumentFormat.METADATA;
        }
        List<ParsedStatement> output = new ArrayList<>(selected);
        Set<Node> seen = selected.stream().map(ParsedStatement::subject).collect(Collectors.toCollection(HashSet::new));
        for (ParsedStatement s : selected) {
            for (Node link : s.links()) {
                ParsedStatement n = neighbours.get(link);
                if (n != null && seen.add(link)) {
                    output.add(n);
                }
            }
        }
        return RecordResponse.rdf(new ResponseAssembler(base, recordId, files).assemble(output, format, summary));
    }

    private List<StoredStatement> requested(ApiCall call, CallMatch match, int patientNum) {
        String target = call.targetClass();
        if (call.cardinality() == Cardinality.MULTIPLE) {
            return repository.statements(patientNum, COLLECTION_TYPES.getOrDefault(target, List.of(target)));
        }
        if (match.itemId().isPresent()) {
            String id = match.itemId().get();
            return List.of(repository.statement(patientNum, target, id).orElseThrow(() ->
                    new RecordsException(ErrorCode.NOT_FOUND, target + " '" + id + "' not found in record '"
                            + match.recordId().orElseThrow() + "'")));
        }
        // A singleton (demographics, social history, photograph): the record holds at most one; take the lowest id
        // should a source ever have given two, so the answer is repeatable. None is an empty answer, like an empty
        // collection: the record exists, it just says nothing of this kind (the photograph, a file, is a 404 then).
        List<StoredStatement> all = repository.statements(patientNum, List.of(target));
        if (all.isEmpty() && target.equals(PHOTOGRAPH)) {
            throw new RecordsException(ErrorCode.NOT_FOUND, "record '" + match.recordId().orElseThrow()
                    + "' has no photograph");
        }
        return all.stream().min(Comparator.comparing(StoredStatement::id)).map(List::of).orElse(List.of());
    }

    /** The statements the requested ones link to, fetched with one query over their types. */
    private Map<Node, ParsedStatement> neighbours(int patientNum, List<ParsedStatement> requested,
                                                  StatementParser parser, String recordPrefix) {
        Set<Node> own = requested.stream().map(ParsedStatement::subject).collect(Collectors.toSet());
        Map<String, Set<String>> wanted = new HashMap<>();
        for (ParsedStatement s : requested) {
            for (Node link : s.links()) {
                if (!own.contains(link)) {
                    links.resolve(link.getURI(), recordPrefix)
                            .ifPresent(t -> wanted.computeIfAbsent(t.type(), k -> new HashSet<>()).add(t.id()));
                }
            }
        }
        Map<Node, ParsedStatement> found = new LinkedHashMap<>();
        if (wanted.isEmpty()) {
            return found;
        }
        for (StoredStatement stored : repository.statements(patientNum, wanted.keySet())) {
            if (wanted.get(stored.type()).contains(stored.id())) {
                ParsedStatement p = parser.parse(stored);
                found.put(p.subject(), p);
            }
        }
        return found;
    }

    private static List<ParsedStatement> page(List<ParsedStatement> matching, RecordQuery query) {
        if (query.paging().isEmpty()) {
            return matching;
        }
        Paging p = query.paging().get();
        int from = Math.min(p.offset(), matching.size());
        int to = (int) Math.min((long) from + p.limit(), matching.size());
        return matching.subList(from, to);
    }

    private static ResponseSummary summary(long started, int total, List<ParsedStatement> page, RecordQuery query,
                                           String collectionUrl) {
        if (query.paging().isEmpty()) {
            return new ResponseSummary(total, page.size(), elapsedMs(started), null, null);
        }
        Paging p = query.paging().get();
        List<String> order = page.stream().map(s -> s.subject().getURI()).toList();
        long nextOffset = (long) p.offset() + p.limit();
        String next = nextOffset < total ? collectionUrl + "?" + queryString(query.parameters(), nextOffset) : null;
        return new ResponseSummary(total, page.size(), elapsedMs(started), order, next);
    }

    /** The request's parameters in their order, with {@code offset} advanced (appended if it was not given). */
    private static String queryString(Map<String, String> parameters, long offset) {
        Map<String, String> next = new LinkedHashMap<>(parameters);
        next.put("offset", Long.toString(offset));
        List<String> pairs = new ArrayList<>();
        next.forEach((k, v) -> pairs.add(encode(k) + "=" + encode(v)));
        return String.join("&", pairs);
    }

    /** The request path rebuilt from the call's template, variables percent-encoded again. */
    private static String fill(ApiCall call, CallMatch match) {
        String path = call.path().template();
        for (Map.Entry<String, String> v : match.variables().entrySet()) {
            path = path.replace("{" + v.getKey() + "}", encode(v.getValue()).replace("+", "%20"));
        }
        return path;
    }

    private RecordResponse raw(String recordId, ParsedStatement document) {
        String fileName = document.literal(NodeFactory.createURI(Vocab.SP + "fileName"));
        if (fileName == null || files.find(recordId, fileName).isEmpty()) {
            throw new RecordsException(ErrorCode.NOT_FOUND, document.type() + " '" + document.id()
                    + "' has no file in record '" + recordId + "'; ask for format=metadata");
        }
        return RecordResponse.raw(files.read(recordId, fileName), ResponseAssembler.mediaType(document));
    }

    /** Single documents default to the raw file (§2.6), the photograph is always raw, all else is metadata. */
    private static DocumentFormat defaultFormat(ApiCall call) {
        if (call.targetClass().equals(PHOTOGRAPH)
                || call.cardinality() == Cardinality.SINGLE && call.parameters().contains("format")) {
            return DocumentFormat.RAW;
        }
        return DocumentFormat.METADATA;
    }

    private static long elapsedMs(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
