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
        return new QueryDefinition(optionalText(node, "id"), optionalText(node, "name").orElse(""),
                optionalText(node, "timing").map(t -> QueryEnums.of(Timing.class, t, path + "/timing")).orElse(Timing.ANY),
                panels, subqueries, list(node, path, "temporalConstraints", QueryJson::temporal));
    }

    private static Panel panel(JsonNode node, String path) {
        object(node, path);
        JsonNode occurrences = node.path("occurrences");
        return new Panel(node.path("number").asInt(0),
                optionalText(node, "timing").map(t -> QueryEnums.of(Timing.class, t, path + "/timing")).orElse(Timing.ANY),
                node.path("invert").asBoolean(false),
                optionalText(occurrences, "operator")
                        .map(o -> QueryEnums.of(Comparison.class, o, path + "/occurrences/operator")).orElse(Comparison.GE),
                occurrences.path("count").asInt(1),
                window(node.path("dates"), path + "/dates"),
                list(node, path, "items", QueryJson::item));
    }

    private static Item item(JsonNode node, String path) {
        object(node, path);
        String key = optionalText(node, "key").orElseThrow(() -> new QueryDefinitionException(path + "/key",
                "is missing"));
        Optional<ModifierConstraint> modifier = node.hasNonNull("modifier")
                ? Optional.of(modifier(node.get("modifier"), path + "/modifier")) : Optional.empty();
        return new Item(ItemKey.parse(key, path + "/key"), optionalText(node, "name").orElse(key),
                list(node, path, "values", QueryJson::value), list(node, path, "dates", QueryJson::window), modifier,
                list(node, path, "ageAtEvent", QueryJson::age));
    }

    private static AgeAtEvent age(JsonNode node, String path) {
        object(node, path);
        return AgeAtEvent.of(QueryEnums.of(Comparison.class, optionalText(node, "operator").orElseThrow(() ->
                new QueryDefinitionException(path + "/operator", "is missing")), path + "/operator"),
                optionalText(node, "years").orElseThrow(() -> new QueryDefinitionException(path + "/years",
                        "is missing")), path + "/years");
    }

    private static ModifierConstraint modifier(JsonNode node, String path) {
        return new ModifierConstraint(optionalText(node, "key").orElseThrow(() ->
                new QueryDefinitionException(path + "/key", "is missing")),
                optionalText(node, "appliedPath").orElse("@"), list(node, path, "values", QueryJson::value));
    }

    private static ValueConstraint value(JsonNode node, String path) {
        return new ValueConstraint(QueryEnums.of(ValueConstraint.ValueType.class, optionalText(node, "type")
                .orElse(""), path + "/type"), optionalText(node, "operator").orElse("EQ"),
                optionalText(node, "value").orElse(""), optionalText(node, "unit"));
    }

    private static DateWindow window(JsonNode node, String path) {
        return new DateWindow(bound(node.path("from"), path + "/from"), bound(node.path("to"), path + "/to"));
    }

    private static Optional<DateBound> bound(JsonNode node, String path) {
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        String value = optionalText(node, "value").orElseThrow(() -> new QueryDefinitionException(path + "/value",
                "is missing"));
        try {
            return Optional.of(new DateBound(LocalDateTime.parse(value), node.path("onEndDate").asBoolean(false),
                    node.path("inclusive").asBoolean(true)));
        } catch (DateTimeParseException e) {
            throw new QueryDefinitionException(path + "/value", "'" + value + "' is not a date-time "
                    + "(YYYY-MM-DDThh:mm:ss)");
        }
    }

    private static TemporalConstraint temporal(JsonNode node, String path) {
        return new TemporalConstraint(event(node.path("first"), path + "/first"),
                optionalText(node, "operator").orElse("LESS"), event(node.path("second"), path + "/second"),
                list(node, path, "spans", (n, p) -> new TemporalConstraint.Span(optionalText(n, "operator").orElse(""),
                        n.path("value").asLong(), optionalText(n, "units").orElse(""))));
    }

    private static TemporalConstraint.Event event(JsonNode node, String path) {
        return new TemporalConstraint.Event(optionalText(node, "queryId").orElseThrow(() ->
                new QueryDefinitionException(path + "/queryId", "is missing")),
                optionalText(node, "joinColumn").orElse("STARTDATE"), optionalText(node, "aggregate").orElse("ANY"));
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

    private static Optional<String> optionalText(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() && !value.asText().isBlank()
                ? Optional.of(value.asText().trim()) : Optional.empty();
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
            constraint.put("operator", c.operator());
            constraint.set("second", event(c.second()));
            ArrayNode spans = constraint.putArray("spans");
            c.spans().forEach(s -> spans.addObject().put("operator", s.operator()).put("value", s.value())
                    .put("units", s.units()));
        }
        return node;
    }

    private static ArrayNode values(List<ValueConstraint> values) {
        ArrayNode array = JSON.createArrayNode();
        for (ValueConstraint v : values) {
            ObjectNode value = array.addObject().put("type", v.type().name()).put("operator", v.operator())
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
        return JSON.createObjectNode().put("queryId", e.queryId()).put("joinColumn", e.joinColumn())
                .put("aggregate", e.aggregate());
    }
}
