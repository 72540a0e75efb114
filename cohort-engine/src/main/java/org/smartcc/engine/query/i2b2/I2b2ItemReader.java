package org.smartcc.engine.query.i2b2;

import static org.smartcc.engine.query.i2b2.XmlElements.attribute;
import static org.smartcc.engine.query.i2b2.XmlElements.child;
import static org.smartcc.engine.query.i2b2.XmlElements.children;
import static org.smartcc.engine.query.i2b2.XmlElements.text;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.smartcc.engine.query.AgeAtEvent;
import org.smartcc.engine.query.Comparison;
import org.smartcc.engine.query.DateBound;
import org.smartcc.engine.query.DateWindow;
import org.smartcc.engine.query.Item;
import org.smartcc.engine.query.ItemKey;
import org.smartcc.engine.query.ModifierConstraint;
import org.smartcc.engine.query.QueryDefinitionException;
import org.smartcc.engine.query.QueryEnums;
import org.smartcc.engine.query.ValueConstraint;
import org.smartcc.engine.query.ValueConstraint.ValueType;
import org.smartcc.engine.query.ValueOperator;
import org.w3c.dom.Element;

/** Items of a panel: the key, value, date and modifier constraints, checked as the i2b2 CRC checks them. */
final class I2b2ItemReader {

    private I2b2ItemReader() {
    }

    static Item read(Element item, String path) {
        String keyText = text(item, "item_key").orElseThrow(() ->
                new QueryDefinitionException(path + "/item_key", "is missing"));
        if (text(item, "item_icon").map(icon -> icon.toUpperCase(Locale.ROOT).startsWith("C")).orElse(false)) {
            throw new QueryDefinitionException(path + "/item_icon", "a container term (" + keyText
                    + ") only groups other terms and cannot be queried; choose a folder or leaf below it");
        }
        ItemKey key = ItemKey.parse(keyText, path + "/item_key");
        List<ValueConstraint> values = new ArrayList<>();
        List<Element> valueElements = children(item, "constrain_by_value");
        for (int i = 0; i < valueElements.size(); i++) {
            value(valueElements.get(i), path + "/constrain_by_value[" + (i + 1) + "]").ifPresent(values::add);
        }
        List<DateWindow> dates = new ArrayList<>();
        for (Element date : children(item, "constrain_by_date")) {
            DateWindow window = window(date, "date_from", "date_to", path + "/constrain_by_date");
            if (!window.isOpen()) {
                dates.add(window);
            }
        }
        Optional<ModifierConstraint> modifier = child(item, "constrain_by_modifier")
                .map(m -> modifier(m, path + "/constrain_by_modifier"));
        List<AgeAtEvent> ages = new ArrayList<>();
        List<Element> ageElements = children(item, "constrain_by_age_at_event");
        for (int i = 0; i < ageElements.size(); i++) {
            ages.add(age(ageElements.get(i), path + "/constrain_by_age_at_event[" + (i + 1) + "]"));
        }
        return new Item(key, text(item, "item_name").orElse(keyText), values, dates, modifier, ages);
    }

    /** This engine's extension: {@code <constrain_by_age_at_event><operator>GE</operator><years>18</years>...}. */
    private static AgeAtEvent age(Element age, String path) {
        Comparison operator = QueryEnums.of(Comparison.class, text(age, "operator").orElseThrow(() ->
                new QueryDefinitionException(path + "/operator", "is missing")), path + "/operator");
        return AgeAtEvent.of(operator, text(age, "years").orElseThrow(() ->
                new QueryDefinitionException(path + "/years", "is missing")), path + "/years");
    }

    /**
     * A value constraint, or none when it has no {@code value_operator}: i2b2's CRC skips such a constraint
     * (ValueConstrainsHandler), so the item then matches as if it had none, and i2b2 clients' messages get i2b2's
     * answer (the {@code TQ*} test messages hold a dose of 500 mg without an operator and expect every dose).
     */
    static Optional<ValueConstraint> value(Element value, String path) {
        String typeText = text(value, "value_type").orElseThrow(() ->
                new QueryDefinitionException(path + "/value_type", "is missing"));
        ValueType type = QueryEnums.of(ValueType.class, typeText, path + "/value_type");
        Optional<ValueOperator> operator = text(value, "value_operator")
                .map(o -> ValueOperator.of(o, path + "/value_operator"));
        if (operator.isEmpty()) {
            return Optional.empty();
        }
        String constraint = text(value, "value_constraint").orElse("");
        Optional<String> unit = text(value, "value_unit_of_measure");
        return Optional.of(QueryDefinitionException.at(path, () -> new ValueConstraint(type, operator.get(),
                constraint, unit)));
    }

    private static ModifierConstraint modifier(Element modifier, String path) {
        String key = text(modifier, "modifier_key").orElseThrow(() ->
                new QueryDefinitionException(path + "/modifier_key", "is missing"));
        List<ValueConstraint> values = new ArrayList<>();
        for (Element value : children(modifier, "constrain_by_value")) {
            value(value, path + "/constrain_by_value").ifPresent(values::add);
        }
        return new ModifierConstraint(key, text(modifier, "applied_path").orElse("@"), values);
    }

    /** A from/to pair of date elements (panel or item level); blank elements leave that end open. */
    static DateWindow window(Element parent, String fromName, String toName, String path) {
        return new DateWindow(child(parent, fromName).flatMap(e -> bound(e, path + "/" + fromName)),
                child(parent, toName).flatMap(e -> bound(e, path + "/" + toName)));
    }

    private static Optional<DateBound> bound(Element date, String path) {
        String text = date.getTextContent().trim();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        boolean onEnd = attribute(date, "time").map(t -> {
            String time = t.toUpperCase(Locale.ROOT);
            if (!time.equals("START_DATE") && !time.equals("END_DATE")) {
                throw new QueryDefinitionException(path + "/@time", "'" + t + "' is not START_DATE or END_DATE");
            }
            return time.equals("END_DATE");
        }).orElse(false);
        boolean inclusive = attribute(date, "inclusive").map(i -> {
            String value = i.toUpperCase(Locale.ROOT);
            if (!value.equals("YES") && !value.equals("NO")) {
                throw new QueryDefinitionException(path + "/@inclusive", "'" + i + "' is not YES or NO");
            }
            return value.equals("YES");
        }).orElse(true);
        return Optional.of(new DateBound(dateTime(text, path), onEnd, inclusive));
    }

    /** xs:dateTime with or without offset or fraction, or a plain date; the offset is dropped as i2b2 does. */
    private static LocalDateTime dateTime(String text, String path) {
        try {
            return OffsetDateTime.parse(text).toLocalDateTime();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(text);
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text).atStartOfDay();
                } catch (DateTimeParseException notDate) {
                    throw new QueryDefinitionException(path, "'" + text + "' is not a date (xs:dateTime)");
                }
            }
        }
    }
}
