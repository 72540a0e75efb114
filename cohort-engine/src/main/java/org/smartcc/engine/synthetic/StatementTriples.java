package org.smartcc.engine.synthetic;

import java.util.ArrayList;
import java.util.List;
import org.smartcc.store.Vocab;

/**
 * One statement's RDF as the SMART loader stores it in {@code observation_blob} (docs/data-model.md): N-Triples, one
 * triple a line, lines sorted, the statement's URI with {@code sp:belongsTo} its record, its blank nodes, and the code
 * nodes it uses with type, title, system and identifier. Written as text rather than through a Jena model: the
 * generator makes a million statements a minute, and a model per statement would cost more than the rest of it.
 */
final class StatementTriples {

    static final String RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>";

    private final List<String> lines = new ArrayList<>(48);
    private final String subject;
    private int blanks;

    /** @param uri the statement's URI; {@code type} its SMART class, e.g. {@code Medication} */
    StatementTriples(String uri, String type, String recordUri) {
        this.subject = "<" + uri + ">";
        add(subject, RDF_TYPE, uri(Vocab.SP + type));
        add(subject, sp("belongsTo"), uri(recordUri));
    }

    String subject() {
        return subject;
    }

    /** A new blank node typed with a class (full URI). */
    String node(String classUri) {
        String node = "_:b" + blanks++;
        add(node, RDF_TYPE, uri(classUri));
        return node;
    }

    /** A triple whose subject, predicate and object are already N-Triples terms. */
    StatementTriples add(String s, String p, String o) {
        lines.add(s + " " + p + " " + o + " .");
        return this;
    }

    StatementTriples literal(String s, String p, String value) {
        return add(s, p, literal(value));
    }

    /**
     * {@code [ a sp:CodedValue ; dcterms:title title ; sp:code <system + identifier> ]} and the code node
     * {@code <system + identifier> a sp:Code, spcode:<codeClass> ; sp:system ; dcterms:identifier ; dcterms:title}.
     */
    String coded(String system, String identifier, String title, String codeClass) {
        String code = uri(system + identifier);
        add(code, RDF_TYPE, uri(Vocab.SP + "Code"));
        add(code, RDF_TYPE, uri(Vocab.SPCODE + codeClass));
        literal(code, sp("system"), system);
        literal(code, dcterms("identifier"), identifier);
        literal(code, dcterms("title"), title);
        String value = node(Vocab.SP + "CodedValue");
        literal(value, dcterms("title"), title);
        add(value, sp("code"), code);
        return value;
    }

    /** {@code [ a <type> ; sp:value value ; sp:unit unit ]}: a ValueAndUnit, or a VitalSign. */
    String valueAndUnit(String type, String value, String unit) {
        String node = node(Vocab.SP + type);
        literal(node, sp("value"), value);
        literal(node, sp("unit"), unit);
        return node;
    }

    /** The lines sorted, each code node's triples once, as the loader writes them. */
    String text() {
        lines.sort(null);
        StringBuilder out = new StringBuilder(lines.size() * 96);
        String previous = null;
        for (String line : lines) {
            if (!line.equals(previous)) {
                out.append(line).append('\n');
            }
            previous = line;
        }
        return out.toString();
    }

    static String sp(String localName) {
        return "<" + Vocab.SP + localName + ">";
    }

    static String dcterms(String localName) {
        return "<" + Vocab.DCTERMS + localName + ">";
    }

    static String vcard(String localName) {
        return "<" + Vocab.VCARD + localName + ">";
    }

    static String uri(String uri) {
        return "<" + uri + ">";
    }

    /** A plain literal with N-Triples' escapes (catalogue titles hold none today, but a name might). */
    static String literal(String value) {
        StringBuilder b = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
