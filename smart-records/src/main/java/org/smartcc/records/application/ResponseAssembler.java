package org.smartcc.records.application;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.smartcc.records.domain.DocumentFormat;
import org.smartcc.records.domain.ResponseSummary;
import org.smartcc.store.Vocab;

/**
 * Builds the response graph: the returned statements, their one-hop neighbours, {@code sp:belongsTo} on each, the
 * server-computed file metadata of documents (§2.6) and the response summary (§2.4).
 */
final class ResponseAssembler {

    private static final Node BELONGS_TO = Vocab.BELONGS_TO.asNode();
    private static final Node FILE_NAME = sp("fileName");
    private static final String MEDIA_TYPES = "http://purl.org/NET/mediatypes/";

    private final String recordId;
    private final Node recordNode;
    private final DocumentFiles files;

    ResponseAssembler(String apiBase, String recordId, DocumentFiles files) {
        this.recordId = recordId;
        this.recordNode = NodeFactory.createURI(apiBase + "/records/" + recordId);
        this.files = files;
    }

    ResponseGraph assemble(Collection<ParsedStatement> statements, DocumentFormat format, ResponseSummary summary) {
        ResponseGraph g = new ResponseGraph();
        for (ParsedStatement s : statements) {
            s.triples().forEach(g::add);
            g.add(Triple.create(s.subject(), BELONGS_TO, recordNode));
            String fileName = s.literal(FILE_NAME);
            if (fileName != null) {
                addFileMetadata(g, s, fileName, format);
            }
        }
        if (summary != null && !statements.isEmpty()) {
            addSummary(g, summary);
        }
        return g;
    }

    /** {@code sp:fileSize} and {@code sp:resource} with location and SHA-256, as the reference server computes them. */
    private void addFileMetadata(ResponseGraph g, ParsedStatement s, String fileName, DocumentFormat format) {
        Optional<DocumentFiles.DocumentFile> file = files.find(recordId, fileName);
        if (file.isEmpty()) {
            return;
        }
        String scope = s.id() + ".file.";
        Node size = NodeFactory.createBlankNode(scope + "size");
        g.add(Triple.create(s.subject(), sp("fileSize"), size));
        g.add(Triple.create(size, RDF.type.asNode(), sp("ValueAndUnit")));
        g.add(Triple.create(size, sp("value"), NodeFactory.createLiteralString(Long.toString(file.get().size()))));
        g.add(Triple.create(size, sp("unit"), NodeFactory.createLiteralString("byte")));
        Node resource = NodeFactory.createBlankNode(scope + "resource");
        Node hash = NodeFactory.createBlankNode(scope + "hash");
        g.add(Triple.create(s.subject(), sp("resource"), resource));
        g.add(Triple.create(resource, RDF.type.asNode(), sp("Resource")));
        g.add(Triple.create(resource, sp("location"), s.subject()));
        g.add(Triple.create(resource, sp("hash"), hash));
        g.add(Triple.create(hash, RDF.type.asNode(), sp("Hash")));
        g.add(Triple.create(hash, sp("algorithm"), NodeFactory.createLiteralString("SHA-256")));
        g.add(Triple.create(hash, sp("value"), NodeFactory.createLiteralString(file.get().sha256())));
        if (format == DocumentFormat.COMBINED) {
            byte[] bytes = files.read(recordId, fileName);
            boolean text = mediaType(s).startsWith("text/");
            Node content = NodeFactory.createBlankNode(scope + "content");
            g.add(Triple.create(resource, sp("content"), content));
            g.add(Triple.create(content, RDF.type.asNode(), sp("Content")));
            g.add(Triple.create(content, sp("encoding"), NodeFactory.createLiteralString(text ? "UTF-8" : "Base64")));
            g.add(Triple.create(content, sp("value"), NodeFactory.createLiteralString(text
                    ? new String(bytes, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(bytes))));
        }
    }

    /**
     * The stored MIME type: the {@code rdfs:label} of {@code dcterms:format}, else the type its
     * {@code purl.org/NET/mediatypes/} URI names (the store keeps the URI but not always the label), else
     * octet-stream.
     */
    static String mediaType(ParsedStatement s) {
        Node format = null;
        for (Triple t : s.triples()) {
            if (t.getSubject().equals(s.subject()) && t.getPredicate().getURI().equals(Vocab.DCTERMS + "format")) {
                format = t.getObject();
            }
        }
        for (Triple t : s.triples()) {
            if (t.getSubject().equals(format) && t.getPredicate().getURI().endsWith("#label")
                    && t.getObject().isLiteral()) {
                return t.getObject().getLiteralLexicalForm().trim();
            }
        }
        if (format != null && format.isURI() && format.getURI().startsWith(MEDIA_TYPES)) {
            return format.getURI().substring(MEDIA_TYPES.length());
        }
        return "application/octet-stream";
    }

    private static void addSummary(ResponseGraph g, ResponseSummary summary) {
        Node rs = NodeFactory.createBlankNode("response-summary");
        g.add(Triple.create(rs, RDF.type.asNode(), api("ResponseSummary")));
        g.add(Triple.create(rs, api("totalResultCount"), integer(summary.totalResultCount())));
        g.add(Triple.create(rs, api("resultsReturned"), integer(summary.resultsReturned())));
        g.add(Triple.create(rs, api("processingTimeMs"), integer(summary.processingTimeMs())));
        if (summary.resultOrder() != null) {
            g.add(Triple.create(rs, api("resultOrder"), list(g, summary.resultOrder())));
        }
        if (summary.nextPageUrl() != null) {
            g.add(Triple.create(rs, api("nextPageURL"), NodeFactory.createLiteralString(summary.nextPageUrl())));
        }
    }

    private static Node list(ResponseGraph g, List<String> uris) {
        Node head = RDF.nil.asNode();
        List<String> reversed = new ArrayList<>(uris);
        java.util.Collections.reverse(reversed);
        int i = reversed.size();
        for (String uri : reversed) {
            Node cell = NodeFactory.createBlankNode("result-order-" + i--);
            g.add(Triple.create(cell, RDF.first.asNode(), NodeFactory.createURI(uri)));
            g.add(Triple.create(cell, RDF.rest.asNode(), head));
            head = cell;
        }
        return head;
    }

    private static Node integer(long value) {
        return NodeFactory.createLiteralDT(Long.toString(value), XSDDatatype.XSDinteger);
    }

    private static Node sp(String localName) {
        return NodeFactory.createURI(Vocab.SP + localName);
    }

    private static Node api(String localName) {
        return NodeFactory.createURI(Vocab.API + localName);
    }
}
