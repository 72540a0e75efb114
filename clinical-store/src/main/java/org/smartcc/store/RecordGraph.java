package org.smartcc.store;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.smartcc.store.SmartOntology;
import org.smartcc.store.Vocab;
import org.smartcc.store.domain.InvalidRecordException;
import org.smartcc.store.domain.StatementType;

/**
 * The statements of one SMART record graph, each with a stable id and its own RDF.
 *
 * <p>Sample files give statements as blank nodes and leave out {@code sp:belongsTo} on some of them. Here every node
 * typed with a statement class gets an URI {@code urn:smartcc:api/records/{id}/{collection}/{uuid}} and
 * {@code sp:belongsTo} the record. The uuid is derived from the statement's content, so reloading a file (even one
 * regenerated with other blank-node labels) gives the same URIs.
 */
public final class RecordGraph {

    /** One statement: its node in the source graph, type, minted URI and RDF (N-Triples, lines sorted). */
    public record StatementNode(Resource source, StatementType type, String id, String uri, String ntriples) {
    }

    private final String recordId;
    private final Map<Resource, StatementNode> statements;

    private RecordGraph(String recordId, Map<Resource, StatementNode> statements) {
        this.recordId = recordId;
        this.statements = statements;
    }

    public static RecordGraph of(Model source, String recordId, SmartOntology ontology) {
        Map<Resource, StatementType> typed = new LinkedHashMap<>();
        for (StatementType type : ontology.statementTypes()) {
            for (Resource node : source.listSubjectsWithProperty(RDF.type, Vocab.sp(type.name())).toList()) {
                StatementType previous = typed.put(node, type);
                if (previous != null) {
                    throw new InvalidRecordException("RDF_STATEMENT_TYPES", "a node is typed both sp:"
                            + previous.name() + " and sp:" + type.name() + "; a statement has one type");
                }
            }
        }
        checkOneRecord(source, recordId);
        Map<Resource, String> uris = mintUris(typed, recordId);
        Map<Resource, StatementNode> statements = new LinkedHashMap<>();
        String recordUri = Vocab.STORE_BASE + "/records/" + recordId;
        typed.forEach((node, type) -> {
            String uri = uris.get(node);
            String id = uri.substring(uri.lastIndexOf('/') + 1);
            statements.put(node, new StatementNode(node, type, id, uri, closure(node, uris, recordUri)));
        });
        return new RecordGraph(recordId, statements);
    }

    public String recordId() {
        return recordId;
    }

    public List<StatementNode> statements() {
        return List.copyOf(statements.values());
    }

    /** The statement a node of the source graph stands for, if it is one. */
    public StatementNode statementOf(Resource node) {
        return statements.get(node);
    }

    /** All statements must belong to the same record: a file holds one patient. */
    private static void checkOneRecord(Model source, String recordId) {
        Set<RDFNode> records = source.listObjectsOfProperty(Vocab.BELONGS_TO).toSet();
        if (records.size() > 1) {
            throw new InvalidRecordException("RDF_MANY_RECORDS", "statements belong to " + records.size()
                    + " different records; record " + recordId + " must be loaded from a graph of one patient");
        }
    }

    private static Map<Resource, String> mintUris(Map<Resource, StatementType> typed, String recordId) {
        Map<Resource, String> uris = new HashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        List<Map.Entry<Resource, StatementType>> ordered = new ArrayList<>(typed.entrySet());
        Map<Resource, String> keys = new HashMap<>();
        for (Map.Entry<Resource, StatementType> e : ordered) {
            keys.put(e.getKey(), canonical(e.getKey(), typed.keySet(), new HashSet<>()));
        }
        ordered.sort(Comparator.comparing((Map.Entry<Resource, StatementType> e) -> e.getValue().name())
                .thenComparing(e -> keys.get(e.getKey())));
        for (Map.Entry<Resource, StatementType> e : ordered) {
            StatementType type = e.getValue();
            String key = recordId + '\n' + type.name() + '\n' + keys.get(e.getKey());
            int duplicate = seen.merge(key, 1, Integer::sum);
            String id = existingId(e.getKey(), recordId)
                    .orElse(UUID.nameUUIDFromBytes((key + '\n' + duplicate).getBytes(StandardCharsets.UTF_8)).toString());
            uris.put(e.getKey(), Vocab.STORE_BASE + type.pathFor(recordId, id));
        }
        return uris;
    }

    /** A statement that already has an URI of this record keeps its last path segment as id. */
    private static java.util.Optional<String> existingId(Resource node, String recordId) {
        if (node.isURIResource() && node.getURI().contains("/records/" + recordId + "/")) {
            String uri = node.getURI();
            String id = uri.substring(uri.lastIndexOf('/') + 1);
            return id.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(id);
        }
        return java.util.Optional.empty();
    }

    /**
     * A text that is the same for two nodes with the same content, whatever their blank-node labels: sorted
     * property/value pairs, blank nodes expanded in place, other statements by type only (not followed), the record
     * link left out.
     */
    private static String canonical(Resource node, Set<Resource> statements, Set<Resource> path) {
        if (!path.add(node)) {
            return "(cycle)";
        }
        List<String> parts = new ArrayList<>();
        for (Statement s : node.listProperties().toList()) {
            if (s.getPredicate().equals(Vocab.BELONGS_TO)) {
                continue;
            }
            RDFNode o = s.getObject();
            String value;
            if (o.isLiteral()) {
                value = '"' + o.asLiteral().getLexicalForm() + '"';
            } else if (statements.contains(o.asResource())) {
                value = "statement:" + o.asResource().getPropertyResourceValue(RDF.type);
            } else if (o.isAnon()) {
                value = '[' + canonical(o.asResource(), statements, path) + ']';
            } else {
                value = '<' + o.asResource().getURI() + '>';
            }
            parts.add(s.getPredicate().getURI() + '=' + value);
        }
        path.remove(node);
        parts.sort(null);
        return String.join(";", parts);
    }

    /** The statement's own triples, its blank nodes, and the code nodes it uses, with statement nodes renamed. */
    private static String closure(Resource statement, Map<Resource, String> uris, String recordUri) {
        Model out = ModelFactory.createDefaultModel();
        Resource subject = out.createResource(uris.get(statement));
        out.add(subject, Vocab.BELONGS_TO, out.createResource(recordUri));
        copy(statement, subject, uris, out, new HashMap<>());
        StringWriter writer = new StringWriter();
        RDFDataMgr.write(writer, out, Lang.NTRIPLES);
        List<String> lines = new ArrayList<>(List.of(writer.toString().split("\n")));
        lines.removeIf(String::isBlank);
        lines.sort(null);
        return String.join("\n", lines) + "\n";
    }

    private static void copy(Resource from, Resource to, Map<Resource, String> uris, Model out,
                             Map<Resource, Resource> copied) {
        if (copied.putIfAbsent(from, to) != null) {
            return;
        }
        for (Statement s : from.listProperties().toList()) {
            if (s.getPredicate().equals(Vocab.BELONGS_TO)) {
                continue;
            }
            RDFNode o = s.getObject();
            if (o.isLiteral()) {
                out.add(to, s.getPredicate(), o);
            } else if (uris.containsKey(o.asResource())) {
                out.add(to, s.getPredicate(), out.createResource(uris.get(o.asResource())));
            } else if (o.isAnon()) {
                Resource blank = copied.containsKey(o.asResource()) ? copied.get(o.asResource()) : out.createResource();
                out.add(to, s.getPredicate(), blank);
                copy(o.asResource(), blank, uris, out, copied);
            } else {
                Resource target = o.asResource();
                out.add(to, s.getPredicate(), target);
                // Codes and media types are shared URI nodes whose labels apps read (dcterms:format → its rdfs:label)
                if (target.hasProperty(RDF.type, Vocab.CODE) || target.hasProperty(RDF.type, DCTerms.MediaTypeOrExtent)) {
                    copy(target, out.createResource(target.getURI()), uris, out, copied);
                }
            }
        }
    }
}
