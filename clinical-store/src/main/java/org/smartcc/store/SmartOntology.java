package org.smartcc.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.RDFS;
import org.smartcc.store.domain.StatementType;

/**
 * The SMART ontology, read from the OWL file shipped in this module. Statement types and their URI templates come
 * from here, not from a hand-written list.
 */
public final class SmartOntology {

    /** The dev-2014 ontology is a superset of 0.6.1 (it adds the imaging classes), so the store knows both. */
    public static final String DEV_2014_RESOURCE = "/ontology/smart-dev-2014-05.owl";
    public static final String STABLE_RESOURCE = "/ontology/smart.owl";

    private static volatile SmartOntology shared;

    private final Model model;
    private final Map<String, StatementType> statementTypes;

    private SmartOntology(Model model) {
        this.model = model;
        this.statementTypes = findStatementTypes(model);
    }

    /** The ontology is immutable and costly to parse, so one instance serves the whole JVM. */
    public static SmartOntology shared() {
        SmartOntology local = shared;
        if (local == null) {
            synchronized (SmartOntology.class) {
                if (shared == null) {
                    shared = new SmartOntology(parseTrusted(readOwl(DEV_2014_RESOURCE)));
                }
                local = shared;
            }
        }
        return local;
    }

    /** The OWL text as shipped, with the one malformed {@code xml:lang} attribute of the original removed. */
    public static byte[] readOwl(String resource) {
        try (InputStream in = SmartOntology.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("ontology resource missing: " + resource);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.replaceAll("xml:lang=\"apps\\.smartplatforms\\.org[^\"]*\"", "")
                    .getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shipped OWL declares XML entities for its namespaces, so it is parsed as the trusted file it is. */
    private static Model parseTrusted(byte[] owl) {
        Model model = ModelFactory.createDefaultModel();
        RDFParser.create().source(new ByteArrayInputStream(owl)).lang(Lang.RDFXML).base(Vocab.SP).parse(model);
        return model;
    }

    public Model model() {
        return model;
    }

    public Collection<StatementType> statementTypes() {
        return statementTypes.values();
    }

    public Optional<StatementType> statementType(String localName) {
        return Optional.ofNullable(statementTypes.get(localName));
    }

    /** Every class below sp:Statement that has a URI template, keyed by local name. */
    private static Map<String, StatementType> findStatementTypes(Model model) {
        Map<String, StatementType> types = new TreeMap<>();
        Deque<Resource> todo = new ArrayDeque<>();
        todo.add(model.createResource(Vocab.STATEMENT.getURI()));
        Map<String, Resource> seen = new LinkedHashMap<>();
        while (!todo.isEmpty()) {
            Resource parent = todo.pop();
            for (Resource child : model.listSubjectsWithProperty(RDFS.subClassOf, parent).toList()) {
                if (child.isURIResource() && seen.putIfAbsent(child.getURI(), child) == null) {
                    todo.add(child);
                    basePath(child).ifPresent(path -> types.put(child.getLocalName(),
                            new StatementType(child.getLocalName(), path)));
                }
            }
        }
        return types;
    }

    private static Optional<String> basePath(Resource cls) {
        Statement s = cls.getProperty(Vocab.BASE_PATH);
        return Optional.ofNullable(s).map(Statement::getObject).filter(RDFNode::isLiteral)
                .map(n -> n.asLiteral().getLexicalForm());
    }
}
