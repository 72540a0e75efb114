package org.smartcc.records.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.RDF;
import org.smartcc.records.domain.ApiCall;
import org.smartcc.records.domain.ApiCallTable;
import org.smartcc.records.domain.CallCategory;
import org.smartcc.records.domain.Cardinality;
import org.smartcc.records.domain.FilterDefinition;
import org.smartcc.records.domain.PathTemplate;
import org.smartcc.store.SmartOntology;
import org.smartcc.store.Vocab;
import org.smartcc.store.domain.StatementType;

/**
 * Builds the call table from the {@code api:Call} individuals of the ontology the store ships (the dev-2014 file, a
 * superset of 0.6.1), the way the reference server builds its URL patterns. Two bugs of the original are corrected
 * here, deliberately (spec §11): {@code get_lab_panel} has a collection path, and {@code get_documents} sorts on the
 * non-existent {@code sp:date}.
 */
public final class OntologyApiCalls {

    /** Prefixes the {@code api:filterSparql} templates and {@code api:defaultSort} values use. */
    private static final Map<String, String> PREFIXES = Map.of(
            "sp", Vocab.SP, "dcterms", Vocab.DCTERMS, "spcode", Vocab.SPCODE, "v", Vocab.VCARD, "foaf", Vocab.FOAF,
            "rdf", RDF.getURI(), "rdfs", "http://www.w3.org/2000/01/rdf-schema#");
    /** {@code ?v sp:drugName/sp:code ?c .} optionally followed by {@code FILTER (?c = uri(<prefix{param}suffix>))}. */
    private static final Pattern FILTER_SPARQL = Pattern.compile(
            "\\s*\\?v\\s+(\\S+)\\s+\\?(\\w+)\\s*\\.\\s*(?:FILTER\\s*\\(\\s*\\?\\2\\s*=\\s*uri\\(\\s*<([^>{]*)\\{(\\w+)}([^>]*)>\\s*\\)\\s*\\)\\s*)?",
            Pattern.DOTALL);
    private static final String MISNAMED_DOCUMENT_SORT = Vocab.SP + "date";

    private OntologyApiCalls() {
    }

    public static ApiCallTable table(SmartOntology ontology) {
        return new ApiCallTable(read(ontology));
    }

    static List<ApiCall> read(SmartOntology ontology) {
        Model m = ontology.model();
        List<ApiCall> calls = new ArrayList<>();
        for (Resource call : m.listSubjectsWithProperty(RDF.type, m.createResource(Vocab.API + "Call")).toList()) {
            String target = call.getPropertyResourceValue(api("target")).getLocalName();
            String method = text(call, "httpMethod").orElseThrow();
            Cardinality cardinality = Cardinality.of(text(call, "cardinality").orElseThrow());
            String path = text(call, "path").orElseThrow();
            if (method.equals("GET") && cardinality == Cardinality.SINGLE && path.endsWith("/")) {
                path = itemPath(ontology, target).orElse(path);
            }
            String sort = text(call, "defaultSort").map(OntologyApiCalls::expand)
                    .map(s -> s.equals(MISNAMED_DOCUMENT_SORT) ? Vocab.DCTERMS + "date" : s).orElse(null);
            calls.add(new ApiCall(text(call, "clientMethodName").orElse(call.getLocalName()), method,
                    PathTemplate.of(path), CallCategory.of(text(call, "category").orElseThrow()), cardinality, target,
                    sort, filters(call), parameters(call)));
        }
        calls.sort(Comparator.comparing(ApiCall::name).thenComparing(ApiCall::httpMethod));
        return calls;
    }

    /** The item path of a class from its statement URI template, e.g. {@code .../lab_panels/{lab_panel_id}}. */
    private static Optional<String> itemPath(SmartOntology ontology, String target) {
        return ontology.statementType(target).map(StatementType::basePath).filter(p -> p.endsWith("}"));
    }

    private static List<FilterDefinition> filters(Resource call) {
        List<FilterDefinition> filters = new ArrayList<>();
        for (Statement s : call.listProperties(api("hasFilter")).toList()) {
            Resource f = s.getResource();
            String parameter = text(f, "clientParameterName").orElseThrow();
            String sparql = text(f, "filterSparql").orElseThrow();
            filters.add(filter(parameter, sparql));
        }
        filters.sort(Comparator.comparing(FilterDefinition::parameter));
        return filters;
    }

    static FilterDefinition filter(String parameter, String sparql) {
        Matcher m = FILTER_SPARQL.matcher(sparql);
        if (!m.matches()) {
            throw new IllegalStateException("filter " + parameter + ": api:filterSparql not understood: " + sparql);
        }
        List<String> path = new ArrayList<>();
        for (String step : m.group(1).split("/")) {
            path.add(expand(step));
        }
        return m.group(3) == null ? FilterDefinition.date(parameter, path)
                : FilterDefinition.code(parameter, path, m.group(3), m.group(5));
    }

    private static List<String> parameters(Resource call) {
        List<String> names = new ArrayList<>();
        for (Statement s : call.listProperties(api("hasParameter")).toList()) {
            text(s.getResource(), "clientParameterName").ifPresent(names::add);
        }
        names.sort(null);
        return names;
    }

    private static String expand(String prefixedName) {
        int colon = prefixedName.indexOf(':');
        String namespace = colon < 0 ? null : PREFIXES.get(prefixedName.substring(0, colon));
        if (namespace == null) {
            throw new IllegalStateException("unknown prefix in ontology term: " + prefixedName);
        }
        return namespace + prefixedName.substring(colon + 1);
    }

    private static Optional<String> text(Resource r, String property) {
        Statement s = r.getProperty(api(property));
        return Optional.ofNullable(s).map(Statement::getObject).filter(RDFNode::isLiteral)
                .map(n -> n.asLiteral().getLexicalForm().trim());
    }

    private static Property api(String localName) {
        return org.apache.jena.rdf.model.ResourceFactory.createProperty(Vocab.API, localName);
    }
}
