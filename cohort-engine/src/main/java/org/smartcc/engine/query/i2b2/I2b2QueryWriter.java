package org.smartcc.engine.query.i2b2;

import java.io.StringWriter;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.smartcc.engine.query.AgeAtEvent;
import org.smartcc.engine.query.Comparison;
import org.smartcc.engine.query.DateBound;
import org.smartcc.engine.query.DateWindow;
import org.smartcc.engine.query.Item;
import org.smartcc.engine.query.ModifierConstraint;
import org.smartcc.engine.query.Panel;
import org.smartcc.engine.query.QueryDefinition;
import org.smartcc.engine.query.QueryDefinitionException;
import org.smartcc.engine.query.TemporalConstraint;
import org.smartcc.engine.query.ValueConstraint;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Writes a query definition as the i2b2 {@code query_definition} document that {@link I2b2QueryParser} reads back to
 * the same definition, in the element order of i2b2's schema so that it can be pasted into an i2b2 client. The DOM
 * serializer escapes every value; a value with a character XML 1.0 cannot hold is refused, naming its element.
 */
public final class I2b2QueryWriter {

    /** Written as i2b2's web client writes them; the parser ignores them. */
    private static final String SPECIFICITY_SCALE = "0";
    private static final String PANEL_ACCURACY_SCALE = "100";

    private I2b2QueryWriter() {
    }

    /** The definition as an indented, UTF-8 XML document whose root is {@code query_definition}. */
    public static String write(QueryDefinition query) {
        Document document = newDocument();
        document.setXmlStandalone(true);
        Element root = document.createElement("query_definition");
        document.appendChild(root);
        definition(root, query, "query_definition", false);
        return serialize(document);
    }

    private static void definition(Element target, QueryDefinition query, String path, boolean event) {
        query.id().ifPresent(id -> add(target, "query_id", id, path));
        if (event) {
            add(target, "query_type", "EVENT", path);
        }
        add(target, "query_name", query.name(), path);
        add(target, "query_timing", query.timing().name(), path);
        add(target, "specificity_scale", SPECIFICITY_SCALE, path);
        for (int i = 0; i < query.panels().size(); i++) {
            panel(add(target, "panel"), query.panels().get(i), path + "/panel[" + (i + 1) + "]");
        }
        for (int i = 0; i < query.temporalConstraints().size(); i++) {
            temporal(add(target, "subquery_constraint"), query.temporalConstraints().get(i),
                    path + "/subquery_constraint[" + (i + 1) + "]");
        }
        for (int i = 0; i < query.subqueries().size(); i++) {
            definition(add(target, "subquery"), query.subqueries().get(i), path + "/subquery[" + (i + 1) + "]", true);
        }
    }

    private static void panel(Element panel, Panel p, String path) {
        add(panel, "panel_number", Integer.toString(p.number()), path);
        add(panel, "panel_accuracy_scale", PANEL_ACCURACY_SCALE, path);
        add(panel, "invert", p.invert() ? "1" : "0", path);
        add(panel, "panel_timing", p.timing().name(), path);
        window(panel, p.dates(), "panel_date_from", "panel_date_to", path);
        Element occurrences = add(panel, "total_item_occurrences", Integer.toString(p.occurrences()), path);
        if (p.occurrenceOperator() != Comparison.GE) {
            occurrences.setAttribute("operator", p.occurrenceOperator().name());
        }
        for (int i = 0; i < p.items().size(); i++) {
            item(add(panel, "item"), p.items().get(i), path + "/item[" + (i + 1) + "]");
        }
    }

    private static void item(Element item, Item i, String path) {
        add(item, "item_name", i.name(), path);
        add(item, "item_key", i.key().text(), path);
        for (DateWindow dates : i.dates()) {
            window(add(item, "constrain_by_date"), dates, "date_from", "date_to", path + "/constrain_by_date");
        }
        for (ValueConstraint value : i.values()) {
            value(add(item, "constrain_by_value"), value, path + "/constrain_by_value");
        }
        i.modifier().ifPresent(m -> modifier(add(item, "constrain_by_modifier"), m, path + "/constrain_by_modifier"));
        for (AgeAtEvent age : i.ages()) {
            Element constraint = add(item, "constrain_by_age_at_event");
            add(constraint, "operator", age.operator().name(), path);
            add(constraint, "years", Integer.toString(age.years()), path);
        }
    }

    private static void modifier(Element modifier, ModifierConstraint m, String path) {
        add(modifier, "applied_path", m.appliedPath(), path);
        add(modifier, "modifier_key", m.modifierKey(), path);
        for (ValueConstraint value : m.values()) {
            value(add(modifier, "constrain_by_value"), value, path + "/constrain_by_value");
        }
    }

    private static void value(Element value, ValueConstraint v, String path) {
        add(value, "value_operator", v.operator().text(), path);
        add(value, "value_constraint", v.value(), path);
        v.unit().ifPresent(unit -> add(value, "value_unit_of_measure", unit, path));
        add(value, "value_type", v.type().name(), path);
    }

    /** The bounds of a window that are set; an open end is left out, as the parser reads a missing one. */
    private static void window(Element parent, DateWindow window, String fromName, String toName, String path) {
        window.from().ifPresent(b -> bound(add(parent, fromName, text(b), path), b));
        window.to().ifPresent(b -> bound(add(parent, toName, text(b), path), b));
    }

    private static void bound(Element date, DateBound bound) {
        date.setAttribute("time", bound.onEndDate() ? "END_DATE" : "START_DATE");
        date.setAttribute("inclusive", bound.inclusive() ? "YES" : "NO");
    }

    /** xs:dateTime without an offset: the model keeps local times, as i2b2 compares them. */
    private static String text(DateBound bound) {
        return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(bound.value());
    }

    private static void temporal(Element constraint, TemporalConstraint c, String path) {
        event(add(constraint, "first_query"), c.first(), path + "/first_query");
        add(constraint, "operator", c.operator().name(), path);
        event(add(constraint, "second_query"), c.second(), path + "/second_query");
        for (TemporalConstraint.Span s : c.spans()) {
            Element span = add(constraint, "span");
            add(span, "operator", s.operator().name(), path);
            add(span, "span_value", Long.toString(s.value()), path);
            add(span, "units", s.units().name(), path);
        }
    }

    private static void event(Element query, TemporalConstraint.Event e, String path) {
        add(query, "query_id", e.queryId(), path);
        add(query, "join_column", e.joinColumn().name(), path);
        add(query, "aggregate_operator", e.aggregate().name(), path);
    }

    private static Element add(Element parent, String name) {
        Element child = parent.getOwnerDocument().createElement(name);
        parent.appendChild(child);
        return child;
    }

    /** A child element holding the text, which the serializer escapes. */
    private static Element add(Element parent, String name, String text, String path) {
        Optional<Integer> invalid = text.codePoints().filter(c -> !xmlCharacter(c)).boxed().findFirst();
        if (invalid.isPresent()) {
            throw new QueryDefinitionException(path + "/" + name, String.format("holds the character U+%04X, which"
                    + " XML cannot carry", invalid.get()));
        }
        Element child = add(parent, name);
        child.setTextContent(text);
        return child;
    }

    /** XML 1.0's Char production. */
    private static boolean xmlCharacter(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }

    private static Document newDocument() {
        try {
            return DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML document builder refused its defaults", e);
        }
    }

    private static String serialize(Document document) {
        try {
            TransformerFactory factory = TransformerFactory.newDefaultInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("the JDK's XML serializer failed on a document it built", e);
        }
    }
}
