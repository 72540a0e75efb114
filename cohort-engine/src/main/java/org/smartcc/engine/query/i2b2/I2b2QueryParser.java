package org.smartcc.engine.query.i2b2;

import static org.smartcc.engine.query.i2b2.XmlElements.attribute;
import static org.smartcc.engine.query.i2b2.XmlElements.child;
import static org.smartcc.engine.query.i2b2.XmlElements.children;
import static org.smartcc.engine.query.i2b2.XmlElements.text;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.smartcc.engine.query.Comparison;
import org.smartcc.engine.query.DateWindow;
import org.smartcc.engine.query.Item;
import org.smartcc.engine.query.Panel;
import org.smartcc.engine.query.QueryDefinition;
import org.smartcc.engine.query.QueryDefinitionException;
import org.smartcc.engine.query.QueryEnums;
import org.smartcc.engine.query.TemporalConstraint;
import org.smartcc.engine.query.Timing;
import org.w3c.dom.Element;

/**
 * Reads the {@code query_definition} of an i2b2 CRC request ({@code CRC_QRY_runQueryInstance_fromQueryDefinition}),
 * or a bare {@code query_definition} document, into the query model. Everything i2b2 accepts is read; what it would
 * refuse is a {@link QueryDefinitionException} naming the element, never another exception.
 */
public final class I2b2QueryParser {

    private I2b2QueryParser() {
    }

    public static QueryDefinition parse(InputStream message) {
        Element root = XmlElements.parse(message).getDocumentElement();
        Element definition = XmlElements.find(root, "query_definition").orElseThrow(() ->
                new QueryDefinitionException("message", "has no query_definition element"));
        return definition(definition, "query_definition");
    }

    private static QueryDefinition definition(Element definition, String path) {
        Timing timing = text(definition, "query_timing")
                .map(t -> QueryEnums.of(Timing.class, t, path + "/query_timing")).orElse(Timing.ANY);
        List<Panel> panels = new ArrayList<>();
        List<Element> panelElements = children(definition, "panel");
        for (int i = 0; i < panelElements.size(); i++) {
            panels.add(panel(panelElements.get(i), i + 1, path + "/panel[" + (i + 1) + "]"));
        }
        List<QueryDefinition> subqueries = new ArrayList<>();
        List<Element> subqueryElements = children(definition, "subquery");
        for (int i = 0; i < subqueryElements.size(); i++) {
            subqueries.add(definition(subqueryElements.get(i), path + "/subquery[" + (i + 1) + "]"));
        }
        if (panels.isEmpty() && subqueries.isEmpty()) {
            throw new QueryDefinitionException(path, "has no panel: a query needs at least one");
        }
        List<TemporalConstraint> constraints = new ArrayList<>();
        List<Element> constraintElements = children(definition, "subquery_constraint");
        for (int i = 0; i < constraintElements.size(); i++) {
            constraints.add(temporal(constraintElements.get(i), path + "/subquery_constraint[" + (i + 1) + "]"));
        }
        return QueryDefinitionException.at(path, () -> new QueryDefinition(text(definition, "query_id"),
                text(definition, "query_name").orElse(""), timing, panels, subqueries, constraints));
    }

    private static Panel panel(Element panel, int position, String path) {
        int number = text(panel, "panel_number").map(n -> integer(n, path + "/panel_number")).orElse(position);
        Timing timing = text(panel, "panel_timing")
                .map(t -> QueryEnums.of(Timing.class, t, path + "/panel_timing")).orElse(Timing.ANY);
        boolean invert = text(panel, "invert").map(v -> flag(v, path + "/invert")).orElse(false);
        Comparison operator = Comparison.GE;
        int occurrences = 1;
        var total = child(panel, "total_item_occurrences");
        if (total.isPresent()) {
            String countPath = path + "/total_item_occurrences";
            String count = total.get().getTextContent().trim();
            occurrences = count.isEmpty() ? 1 : integer(count, countPath);
            operator = attribute(total.get(), "operator").map(o -> QueryEnums.of(Comparison.class, o, countPath + "/@operator"))
                    .orElse(Comparison.GE);
        }
        DateWindow dates = I2b2ItemReader.window(panel, "panel_date_from", "panel_date_to", path);
        List<Item> items = new ArrayList<>();
        List<Element> itemElements = children(panel, "item");
        for (int i = 0; i < itemElements.size(); i++) {
            items.add(I2b2ItemReader.read(itemElements.get(i), path + "/item[" + (i + 1) + "]"));
        }
        Comparison occurrenceOperator = operator;
        int occurrenceCount = occurrences;
        return QueryDefinitionException.at(path, () -> new Panel(number, timing, invert, occurrenceOperator,
                occurrenceCount, dates, items));
    }

    private static TemporalConstraint temporal(Element constraint, String path) {
        TemporalConstraint.Event first = event(child(constraint, "first_query"), path + "/first_query");
        TemporalConstraint.Event second = event(child(constraint, "second_query"), path + "/second_query");
        TemporalConstraint.Operator operator = QueryEnums.of(TemporalConstraint.Operator.class,
                text(constraint, "operator").orElse("LESS"), path + "/operator");
        List<TemporalConstraint.Span> spans = new ArrayList<>();
        for (Element span : children(constraint, "span")) {
            if (children(span).isEmpty()) {
                continue; // the i2b2 web client writes an empty <span/> when no span is set
            }
            String spanPath = path + "/span";
            TemporalConstraint.Operator spanOperator = QueryEnums.of(TemporalConstraint.Operator.class,
                    text(span, "operator").orElse(""), spanPath + "/operator");
            long value = integer(text(span, "span_value").orElse(""), spanPath + "/span_value");
            TemporalConstraint.Unit units = QueryEnums.of(TemporalConstraint.Unit.class, text(span, "units")
                    .orElse(""), spanPath + "/units");
            spans.add(QueryDefinitionException.at(spanPath, () -> new TemporalConstraint.Span(spanOperator, value,
                    units)));
        }
        return QueryDefinitionException.at(path, () -> new TemporalConstraint(first, operator, second, spans));
    }

    private static TemporalConstraint.Event event(java.util.Optional<Element> query, String path) {
        Element e = query.orElseThrow(() -> new QueryDefinitionException(path, "is missing"));
        return new TemporalConstraint.Event(
                text(e, "query_id").orElseThrow(() -> new QueryDefinitionException(path + "/query_id", "is missing")),
                QueryEnums.of(TemporalConstraint.JoinColumn.class, text(e, "join_column").orElse("STARTDATE"),
                        path + "/join_column"),
                QueryEnums.of(TemporalConstraint.Aggregate.class, text(e, "aggregate_operator").orElse("ANY"),
                        path + "/aggregate_operator"));
    }

    private static int integer(String text, String path) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new QueryDefinitionException(path, "'" + text + "' is not a whole number");
        }
    }

    private static boolean flag(String text, String path) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "1", "true" -> true;
            case "0", "false" -> false;
            default -> throw new QueryDefinitionException(path, "'" + text + "' is not 0 or 1");
        };
    }
}
