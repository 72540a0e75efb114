package org.smartcc.api.infrastructure.population;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.smartcc.store.Vocab;

/**
 * One field of a statement class in its tabular projection: the property path from the statement to the value, and
 * how the value becomes columns.
 *
 * @param name the column name, or the prefix of the columns of a code or a value
 * @param path the properties from the statement to the value node, at least one
 */
record TabularField(String name, List<Property> path, Kind kind) {

    /** Where a statement has several values for a field, they are joined with this, in the order of their text. */
    static final String SEPARATOR = " | ";

    private static final Property SYSTEM = Vocab.spProperty("system");

    enum Kind {
        /** A literal, or the URI of a resource: one column. */
        LITERAL,
        /** An {@code sp:CodedValue}: {@code _system}, {@code _code}, {@code _title}. */
        CODED_VALUE,
        /** An {@code sp:Code} itself (a code resource, or a blank node with system and identifier): as above. */
        CODE,
        /** An {@code sp:ValueAndUnit} (or a vital sign): {@code _value}, {@code _unit}. */
        VALUE,
        /** Another statement (a vital sign set's encounter): its URI, one column. */
        LINK
    }

    TabularField {
        path = List.copyOf(path);
    }

    List<String> columns() {
        return switch (kind) {
            case LITERAL, LINK -> List.of(name);
            case CODED_VALUE, CODE -> List.of(name + "_system", name + "_code", name + "_title");
            case VALUE -> List.of(name + "_value", name + "_unit");
        };
    }

    /** This field's columns for one statement, null where the statement has no value. */
    String[] values(Resource statement) {
        List<RDFNode> nodes = List.of(statement);
        for (Property step : path) {
            List<RDFNode> next = new ArrayList<>();
            for (RDFNode node : nodes) {
                if (node.isResource()) {
                    node.asResource().listProperties(step).forEach(s -> next.add(s.getObject()));
                }
            }
            nodes = next;
        }
        int width = columns().size();
        if (nodes.isEmpty()) {
            return new String[width];
        }
        if (nodes.size() == 1) {
            return render(nodes.get(0));
        }
        List<String[]> all = new ArrayList<>(nodes.stream().map(this::render).toList());
        all.sort(Comparator.comparing(TabularField::sortKey));
        String[] joined = new String[width];
        for (int i = 0; i < width; i++) {
            int column = i;
            List<String> parts = all.stream().map(v -> v[column] == null ? "" : v[column]).toList();
            joined[i] = parts.stream().allMatch(String::isEmpty) ? null : String.join(SEPARATOR, parts);
        }
        return joined;
    }

    private static String sortKey(String[] values) {
        return String.join("\u0000", Arrays.stream(values).map(v -> v == null ? "" : v).toList());
    }

    private String[] render(RDFNode node) {
        return switch (kind) {
            case LITERAL, LINK -> new String[] {text(node)};
            case CODED_VALUE -> {
                RDFNode code = node.isResource() ? object(node.asResource(), Vocab.CODE_PROPERTY) : null;
                String[] parts = code == null ? new String[3] : code(code);
                String title = node.isResource() ? text(object(node.asResource(), Vocab.TITLE)) : null;
                yield new String[] {parts[0], parts[1], title != null ? title : parts[2]};
            }
            case CODE -> code(node);
            case VALUE -> node.isResource()
                    ? new String[] {text(object(node.asResource(), Vocab.VALUE)), text(object(node.asResource(), Vocab.UNIT))}
                    : new String[] {text(node), null};
        };
    }

    /**
     * System, code and title of a code: a code URI splits after its last {@code /} or {@code #} (so
     * {@code http://purl.bioontology.org/ontology/RXNORM/856845} is system {@code .../RXNORM/}, code {@code 856845});
     * a blank code node (a medical record number) gives its {@code sp:system} and {@code dcterms:identifier}.
     */
    private static String[] code(RDFNode code) {
        if (code.isURIResource()) {
            String uri = code.asResource().getURI();
            int cut = Math.max(uri.lastIndexOf('/'), uri.lastIndexOf('#')) + 1;
            String title = text(object(code.asResource(), Vocab.TITLE));
            return new String[] {uri.substring(0, cut), blankToNull(uri.substring(cut)), title};
        }
        if (code.isResource()) {
            Resource r = code.asResource();
            return new String[] {text(object(r, SYSTEM)), text(object(r, Vocab.IDENTIFIER)), text(object(r, Vocab.TITLE))};
        }
        return new String[] {null, text(code), null};
    }

    private static RDFNode object(Resource subject, Property property) {
        Statement s = subject.getProperty(property);
        return s == null ? null : s.getObject();
    }

    private static String text(RDFNode node) {
        if (node == null || node.isAnon()) {
            return null;
        }
        return node.isLiteral() ? node.asLiteral().getLexicalForm() : node.asResource().getURI();
    }

    private static String blankToNull(String s) {
        return s.isEmpty() ? null : s;
    }
}
