package org.smartcc.api.infrastructure.population;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDFS;
import org.smartcc.api.infrastructure.population.TabularField.Kind;
import org.smartcc.store.SmartOntology;
import org.smartcc.store.Vocab;

/**
 * The ordered columns of one collection's tabular projection, generated from the SMART ontology's restrictions on the
 * collection's statement class (and its superclasses): {@code record_id}, {@code statement}, then one column per
 * data property, three per code ({@code _system}, {@code _code}, {@code _title}), two per value and unit
 * ({@code _value}, {@code _unit}); a structured part (a lab result's quantitative result and its normal range, a
 * vital sign set's blood pressure, a name or an address) is flattened into {@code <field>_<part>} columns, at most
 * {@value #MAX_NESTING} levels deep. Links to people and organisations (providers, facilities, pharmacies) and
 * to several other statements are left out: they are in the RDF formats. The fields come in the order the class's
 * {@code api:example} first names them, then by name.
 */
public final class TabularColumns {

    public static final String RECORD_ID = "record_id";
    public static final String STATEMENT = "statement";

    /** A lab result's {@code quantitativeResult/normalRange/minimum} is two levels below the statement. */
    static final int MAX_NESTING = 2;

    private static final Property BELONGS_TO = Vocab.BELONGS_TO;
    private static final Property EXAMPLE = ResourceFactory.createProperty(Vocab.API, "example");
    /** The element names of an {@code api:example} RDF/XML text, in document order. */
    private static final Pattern ELEMENT = Pattern.compile("<[A-Za-z][\\w.-]*:([A-Za-z][\\w-]*)");

    private final String collection;
    private final Resource statementClass;
    private final List<TabularField> fields;
    private final List<String> names;

    private TabularColumns(String collection, Resource statementClass, List<TabularField> fields) {
        this.collection = collection;
        this.statementClass = statementClass;
        this.fields = List.copyOf(fields);
        List<String> all = new ArrayList<>(List.of(RECORD_ID, STATEMENT));
        fields.forEach(f -> all.addAll(f.columns()));
        if (new HashSet<>(all).size() != all.size()) {
            throw new IllegalStateException("two columns of " + collection + " have one name: " + all);
        }
        this.names = List.copyOf(all);
    }

    /**
     * @param collection     the collection's name ({@code medications}), which names the Parquet schema
     * @param classLocalName the statement class the collection's call returns, e.g. {@code Medication}
     */
    public static TabularColumns of(SmartOntology ontology, String collection, String classLocalName) {
        Model model = ontology.model();
        Resource cls = model.getResource(Vocab.SP + classLocalName);
        Walker walker = new Walker(model, exampleOrder(cls));
        return new TabularColumns(collection, cls, walker.fields(cls, List.of(), "", 0));
    }

    public String collection() {
        return collection;
    }

    /** The {@code sp:} class whose statements are the rows. */
    public Resource statementClass() {
        return statementClass;
    }

    /** Every column name, {@code record_id} and {@code statement} first. */
    public List<String> names() {
        return names;
    }

    List<TabularField> fields() {
        return fields;
    }

    /** Local names in the order the class's example (or its nearest superclass's) first shows them. */
    private static Map<String, Integer> exampleOrder(Resource cls) {
        Map<String, Integer> order = new HashMap<>();
        for (Resource c : superclasses(cls)) {
            Statement example = c.getProperty(EXAMPLE);
            if (example != null && example.getObject().isLiteral()) {
                Matcher m = ELEMENT.matcher(example.getString());
                while (m.find()) {
                    order.putIfAbsent(m.group(1), order.size());
                }
                break;
            }
        }
        return order;
    }

    /** The class and its named superclasses, nearest first. */
    static List<Resource> superclasses(Resource cls) {
        Set<Resource> seen = new LinkedHashSet<>();
        Deque<Resource> todo = new ArrayDeque<>(List.of(cls));
        while (!todo.isEmpty()) {
            Resource c = todo.removeFirst();
            if (c.isURIResource() && seen.add(c)) {
                c.listProperties(RDFS.subClassOf).forEach(s -> {
                    if (s.getObject().isURIResource()) {
                        todo.addLast(s.getResource());
                    }
                });
            }
        }
        return List.copyOf(seen);
    }

    /** What the ontology's restrictions say about one property of a class. */
    private static final class Restricted {
        final Property property;
        Resource range;
        boolean coded;
        boolean valued;
        boolean single;

        Restricted(Property property) {
            this.property = property;
        }
    }

    /** Walks the restrictions of a class into fields. */
    private static final class Walker {
        private final Model model;
        private final Map<String, Integer> order;

        Walker(Model model, Map<String, Integer> order) {
            this.model = model;
            this.order = order;
        }

        List<TabularField> fields(Resource cls, List<Property> path, String prefix, int depth) {
            List<TabularField> fields = new ArrayList<>();
            for (Restricted r : restrictions(cls)) {
                List<Property> here = new ArrayList<>(path);
                here.add(r.property);
                String name = prefix + columnName(r.property);
                Resource range = r.range != null && r.range.isURIResource() ? r.range : null;
                if (r.coded || is(range, Vocab.SP + "CodedValue")) {
                    fields.add(new TabularField(name, here, Kind.CODED_VALUE));
                } else if (range != null && (is(range, Vocab.CODE.getURI()) || range.getURI().startsWith(Vocab.SPCODE))) {
                    fields.add(new TabularField(name, here, Kind.CODE));
                } else if (is(range, Vocab.SP + "ValueAndUnit") || (range == null && r.valued)) {
                    fields.add(new TabularField(name, here, Kind.VALUE));
                } else if (is(range, Vocab.STATEMENT.getURI())) {
                    if (r.single) {
                        fields.add(new TabularField(name, here, Kind.LINK));
                    }
                } else if (is(range, Vocab.SP + "Person") || is(range, Vocab.SP + "Organization")) {
                    // providers, facilities and pharmacies are left out: they are in the RDF formats
                    continue;
                } else if (range != null && hasRestrictions(range)) {
                    if (depth < MAX_NESTING) {
                        fields.addAll(fields(range, here, name + "_", depth + 1));
                    }
                } else {
                    fields.add(new TabularField(name, here, Kind.LITERAL));
                }
            }
            return fields;
        }

        /** The restricted properties of a class and its superclasses, in example order, without sp:belongsTo. */
        private List<Restricted> restrictions(Resource cls) {
            Map<Property, Restricted> found = new LinkedHashMap<>();
            for (Resource c : superclasses(cls)) {
                for (Statement s : c.listProperties(RDFS.subClassOf).toList()) {
                    if (!s.getObject().isAnon()) {
                        continue;
                    }
                    Resource restriction = s.getResource();
                    Resource on = restriction.getPropertyResourceValue(OWL.onProperty);
                    if (on == null || !on.isURIResource() || on.equals(BELONGS_TO)) {
                        continue;
                    }
                    Restricted r = found.computeIfAbsent(model.createProperty(on.getURI()), Restricted::new);
                    Statement all = restriction.getProperty(OWL.allValuesFrom);
                    if (all != null && all.getObject().isURIResource()) {
                        // a class says more than rdfs:Literal where two restrictions name both
                        if (r.range == null || r.range.equals(RDFS.Literal)) {
                            r.range = all.getResource();
                        }
                    } else if (all != null && all.getObject().isAnon()) {
                        Resource inner = all.getResource().getPropertyResourceValue(OWL.onProperty);
                        r.coded |= Vocab.CODE_PROPERTY.equals(inner);
                        // "all values have a unit" (a document's file size): a value and unit
                        r.valued |= Vocab.UNIT.equals(inner) || Vocab.VALUE.equals(inner);
                    }
                    r.single |= cardinalityOne(restriction, OWL.cardinality) || cardinalityOne(restriction, OWL.maxCardinality);
                }
            }
            for (Restricted r : found.values()) {
                if (r.range == null) {
                    r.range = r.property.getPropertyResourceValue(RDFS.range);
                }
            }
            List<Restricted> sorted = new ArrayList<>(found.values());
            sorted.sort(Comparator.comparing((Restricted r) -> order.getOrDefault(r.property.getLocalName(), Integer.MAX_VALUE))
                    .thenComparing(r -> r.property.getLocalName()));
            return sorted;
        }

        private boolean is(Resource cls, String superclassUri) {
            if (cls == null || !cls.isURIResource()) {
                return false;
            }
            return superclasses(model.getResource(cls.getURI())).contains(model.getResource(superclassUri));
        }

        private boolean hasRestrictions(Resource cls) {
            Resource c = model.getResource(cls.getURI());
            return superclasses(c).stream().anyMatch(s -> s.listProperties(RDFS.subClassOf).toList().stream()
                    .map(Statement::getObject).anyMatch(RDFNode::isAnon));
        }

        private static boolean cardinalityOne(Resource restriction, Property p) {
            Statement s = restriction.getProperty(p);
            return s != null && s.getObject().isLiteral() && s.getObject().asLiteral().getLexicalForm().equals("1");
        }
    }

    /** A property's local name as a column name that SQL needs no quotes for: {@code given-name} → {@code given_name}. */
    private static String columnName(Property property) {
        return property.getLocalName().replaceAll("[^A-Za-z0-9_]", "_");
    }
}
