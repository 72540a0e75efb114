package org.smartcc.engine.query.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.smartcc.engine.query.AgeAtEvent;
import org.smartcc.engine.query.Comparison;
import org.smartcc.engine.query.DateBound;
import org.smartcc.engine.query.DateWindow;
import org.smartcc.engine.query.Item;
import org.smartcc.engine.query.ItemKey;
import org.smartcc.engine.query.ModifierConstraint;
import org.smartcc.engine.query.Panel;
import org.smartcc.engine.query.QueryDefinition;
import org.smartcc.engine.query.QueryDefinitionException;
import org.smartcc.engine.query.QueryEnums;
import org.smartcc.engine.query.TemporalConstraint;
import org.smartcc.engine.query.Timing;
import org.smartcc.engine.query.ValueConstraint;
import org.smartcc.engine.query.ValueOperator;

/**
 * Query definitions as JSON, both ways. Field names follow the model ({@code panels[].items[].key} holds the i2b2
 * {@code item_key} text); errors name the JSON pointer of the offending field.
 */
public final class QueryJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private QueryJson() {
    }

    public static QueryDefinition read(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new QueryDefinitionException("", "not valid JSON: " + e.getOriginalMessage());
        }
        return definition(root, "");
    }

    public static String write(QueryDefinition query) {
        return definition(query).toPrettyString();
    }

    private static QueryDefinition definition(JsonNode node, String path) {
        object(node, path);
        List<Panel> panels = list(node, path, "panels", QueryJson::panel);
        List<QueryDefinition> subqueries = list(node, path, "subqueries", QueryJson::definition);
        if (panels.isEmpty() && subqueries.isEmpty()) {
            throw new QueryDefinitionException(path + "/panels", "a query needs at least one panel");
        }
        Optional<String> id = optionalText(node, path, "id");
        String name = optionalText(node, path, "name").orElse("");
        Timing timing = optionalEnum(node, path, "timing", Timing.class).orElse(Timing.ANY);
        List<TemporalConstraint> constraints = list(node, path, "temporalConstraints", QueryJson::temporal);
        return QueryDefinitionException.at(path, () -> new QueryDefinition(id, name, timing, panels, subqueries,
                constraints));
    }

    private static Panel panel(JsonNode node, String path) {
        object(node, path);
        JsonNode occurrences = node.path("occurrences");
        String occurrencesPath = path + "/occurrences";
        if (!occurrences.isMissingNode() && !occurrences.isNull()) {
            object(occurrences, occurrencesPath);
        }
        int number = (int) integer(node, path, "number", 0L, Integer.MAX_VALUE);
        Timing timing = optionalEnum(node, path, "timing", Timing.class).orElse(Timing.ANY);
        boolean invert = bool(node, path, "invert", false);
        Comparison operator = optionalEnum(occurrences, occurrencesPath, "operator", Comparison.class)
                .orElse(Comparison.GE);
        int count = (int) integer(occurrences, occurrencesPath, "count", 1L, Integer.MAX_VALUE);
        DateWindow dates = window(node.path("dates"), path + "/dates");
        List<Item> items = list(node, path, "items", QueryJson::item);
        return QueryDefinitionException.at(path, () -> new Panel(number, timing, invert, operator, count, dates,
                items));
    }

    private static Item item(JsonNode node, String path) {
        object(node, path);
        String key = required(node, path, "key");
        Optional<ModifierConstraint> modifier = node.hasNonNull("modifier")
                ? Optional.of(modifier(node.get("modifier"), path + "/modifier")) : Optional.empty();
        return new Item(ItemKey.parse(key, path + "/key"), optionalText(node, path, "name").orElse(key),
                list(node, path, "values", QueryJson::value), list(node, path, "dates", QueryJson::window), modifier,
                list(node, path, "ageAtEvent", QueryJson::age));
    }

    private static AgeAtEvent age(JsonNode node, String path) {
        object(node, path);
        return AgeAtEvent.of(requiredEnum(node, path, "operator", Comparison.class), required(node, path, "years"),
                path + "/years");
    }

    private static ModifierConstraint modifier(JsonNode node, String path) {
        object(node, path);
        return new ModifierConstraint(required(node, path, "key"),
                optionalText(node, path, "appliedPath").orElse("@"), list(node, path, "values", QueryJson::value));
    }

    private static ValueConstraint value(JsonNode node, String path) {
        object(node, path);
        ValueConstraint.ValueType type = requiredEnum(node, path, "type", ValueConstraint.ValueType.class);
        // required: i2b2 reads a missing operator as no constraint, an earlier version of this API read it as EQ;
        // rather than guess either way, a JSON value names its operator
        ValueOperator operator = ValueOperator.of(required(node, path, "operator"), path + "/operator");
        String value = optionalText(node, path, "value").orElse("");
        Optional<String> unit = optionalText(node, path, "unit");
        return QueryDefinitionException.at(path, () -> new ValueConstraint(type, operator, value, unit));
    }

    private static DateWindow window(JsonNode node, String path) {
        if (!node.isMissingNode() && !node.isNull()) {
            object(node, path);
        }
        return new DateWindow(bound(node.path("from"), path + "/from"), bound(node.path("to"), path + "/to"));
    }

    private static Optional<DateBound> bound(JsonNode node, String path) {
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        object(node, path);
        String value = required(node, path, "value");
        try {
            return Optional.of(new DateBound(LocalDateTime.parse(value), bool(node, path, "onEndDate", false),
                    bool(node, path, "inclusive", true)));
        } catch (DateTimeParseException e) {
            throw new QueryDefinitionException(path + "/value", "'" + value + "' is not a date-time "
                    + "(YYYY-MM-DDThh:mm:ss)");
        }
    }

    private static TemporalConstraint temporal(JsonNode node, String path) {
        object(node, path);
        TemporalConstraint.Event first = event(node.path("first"), path + "/first");
        TemporalConstraint.Operator operator = optionalEnum(node, path, "operator", TemporalConstraint.Operator.class)
                .orElse(TemporalConstraint.Operator.LESS);
        TemporalConstraint.Event second = event(node.path("second"), path + "/second");
        List<TemporalConstraint.Span> spans = list(node, path, "spans", QueryJson::span);
        return QueryDefinitionException.at(path, () -> new TemporalConstraint(first, operator, second, spans));
    }

    private static TemporalConstraint.Span span(JsonNode node, String path) {
        object(node, path);
        TemporalConstraint.Operator operator = requiredEnum(node, path, "operator", TemporalConstraint.Operator.class);
        long value = integer(node, path, "value", null, Long.MAX_VALUE);
        TemporalConstraint.Unit units = requiredEnum(node, path, "units", TemporalConstraint.Unit.class);
        return QueryDefinitionException.at(path, () -> new TemporalConstraint.Span(operator, value, units));
    }

    private static TemporalConstraint.Event event(JsonNode node, String path) {
        object(node, path);
        return new TemporalConstraint.Event(required(node, path, "queryId"),
                optionalEnum(node, path, "joinColumn", TemporalConstraint.JoinColumn.class)
                        .orElse(TemporalConstraint.JoinColumn.STARTDATE),
                optionalEnum(node, path, "aggregate", TemporalConstraint.Aggregate.class)
                        .orElse(TemporalConstraint.Aggregate.ANY));
    }

    private static <T> List<T> list(JsonNode parent, String path, String field, BiFunction<JsonNode, String, T> read) {
        JsonNode array = parent.path(field);
        if (array.isMissingNode() || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw new QueryDefinitionException(path + "/" + field, "must be an array");
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            out.add(read.apply(array.get(i), path + "/" + field + "/" + i));
        }
        return out;
    }

    private static void object(JsonNode node, String path) {
        if (!node.isObject()) {
            throw new QueryDefinitionException(path.isEmpty() ? "/" : path, "must be an object");
        }
    }

    /** A string or number field; anything else (an object, an array, a boolean) is refused. Blank is absent. */
    private static Optional<String> optionalText(JsonNode node, String path, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual() && !value.isNumber()) {
            throw new QueryDefinitionException(path + "/" + field, "must be a string");
        }
        // trimmed as the XML reader trims (control characters too), so that both forms read a value alike
        String text = value.asText().trim();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    private static String required(JsonNode node, String path, String field) {
        return optionalText(node, path, field).orElseThrow(() -> new QueryDefinitionException(path + "/" + field,
                "is missing"));
    }

    private static <E extends Enum<E>> Optional<E> optionalEnum(JsonNode node, String path, String field,
                                                                Class<E> type) {
        return optionalText(node, path, field).map(t -> QueryEnums.of(type, t, path + "/" + field));
    }

    private static <E extends Enum<E>> E requiredEnum(JsonNode node, String path, String field, Class<E> type) {
        return QueryEnums.of(type, required(node, path, field), path + "/" + field);
    }

    /** A whole number from 0 to {@code most}; {@code fallback} when absent, or refused as missing when that is null. */
    private static long integer(JsonNode node, String path, String field, Long fallback, long most) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            if (fallback == null) {
                throw new QueryDefinitionException(path + "/" + field, "is missing");
            }
            return fallback;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0
                || value.longValue() > most) {
            throw new QueryDefinitionException(path + "/" + field, "must be a whole number from 0 to " + most
                    + ", not " + value);
        }
        return value.longValue();
    }

    private static boolean bool(JsonNode node, String path, String field, boolean fallback) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return fallback;
        }
        if (!value.isBoolean()) {
            throw new QueryDefinitionException(path + "/" + field, "must be true or false, not " + value);
        }
        return value.booleanValue();
    }

    private static ObjectNode definition(QueryDefinition q) {
        ObjectNode node = JSON.createObjectNode();
        q.id().ifPresent(id -> node.put("id", id));
        node.put("name", q.name()).put("timing", q.timing().name());
        ArrayNode panels = node.putArray("panels");
        for (Panel p : q.panels()) {
            ObjectNode panel = panels.addObject().put("number", p.number()).put("timing", p.timing().name())
                    .put("invert", p.invert());
            panel.putObject("occurrences").put("operator", p.occurrenceOperator().name()).put("count", p.occurrences());
            panel.set("dates", window(p.dates()));
            ArrayNode items = panel.putArray("items");
            for (Item i : p.items()) {
                ObjectNode item = items.addObject().put("key", i.key().text()).put("name", i.name());
                item.set("values", values(i.values()));
                ArrayNode dates = item.putArray("dates");
                i.dates().forEach(d -> dates.add(window(d)));
                i.modifier().ifPresent(m -> item.putObject("modifier").put("key", m.modifierKey())
                        .put("appliedPath", m.appliedPath()).set("values", values(m.values())));
                if (!i.ages().isEmpty()) {
                    ArrayNode ages = item.putArray("ageAtEvent");
                    i.ages().forEach(a -> ages.addObject().put("operator", a.operator().name())
                            .put("years", a.years()));
                }
            }
        }
        ArrayNode subqueries = node.putArray("subqueries");
        q.subqueries().forEach(s -> subqueries.add(definition(s)));
        ArrayNode constraints = node.putArray("temporalConstraints");
        for (TemporalConstraint c : q.temporalConstraints()) {
            ObjectNode constraint = constraints.addObject();
            constraint.set("first", event(c.first()));
            constraint.put("operator", c.operator().name());
            constraint.set("second", event(c.second()));
            ArrayNode spans = constraint.putArray("spans");
            c.spans().forEach(s -> spans.addObject().put("operator", s.operator().name())
                    .put("value", s.value()).put("units", s.units().name()));
        }
        return node;
    }

    private static ArrayNode values(List<ValueConstraint> values) {
        ArrayNode array = JSON.createArrayNode();
        for (ValueConstraint v : values) {
            ObjectNode value = array.addObject().put("type", v.type().name()).put("operator", v.operator().text())
                    .put("value", v.value());
            v.unit().ifPresent(u -> value.put("unit", u));
        }
        return array;
    }

    private static ObjectNode window(DateWindow window) {
        ObjectNode node = JSON.createObjectNode();
        window.from().ifPresent(b -> node.set("from", bound(b)));
        window.to().ifPresent(b -> node.set("to", bound(b)));
        return node;
    }

    private static ObjectNode bound(DateBound b) {
        return JSON.createObjectNode().put("value", b.value().toString()).put("onEndDate", b.onEndDate())
                .put("inclusive", b.inclusive());
    }

    private static ObjectNode event(TemporalConstraint.Event e) {
        return JSON.createObjectNode().put("queryId", e.queryId()).put("joinColumn", e.joinColumn().name())
                .put("aggregate", e.aggregate().name());
    }
}
