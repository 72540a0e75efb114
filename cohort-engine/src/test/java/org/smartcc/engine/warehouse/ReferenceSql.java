package org.smartcc.engine.warehouse;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.smartcc.engine.query.DateBound;
import org.smartcc.engine.query.DateWindow;
import org.smartcc.engine.query.Item;
import org.smartcc.engine.query.ItemKey;
import org.smartcc.engine.query.ModifierConstraint;
import org.smartcc.engine.query.Panel;
import org.smartcc.engine.query.ValueConstraint;

/**
 * The reference's SQL on an i2b2 warehouse: the facts of one panel, selected by one parameterised SELECT whose
 * conditions are written as i2b2's CRC writes an item's SQL (cohort-model §1.4 and §1.8), independently of the
 * planner. Values always travel as parameters; table and column names come from the fixed texts of this class.
 *
 * <p>Not covered, refused with {@link Unsupported}: LARGETEXT (the demo's blobs are encrypted), previous queries, sets
 * and {@code encounter:} items, age at event (not in i2b2's messages), and dimension terms other than providers by
 * path and visits by length of stay or visit type (the "Age at visit" terms hold SQL expressions, which the reference
 * would have to run as text).
 */
final class ReferenceSql {

    /** A construct the reference does not evaluate. */
    static final class Unsupported extends RuntimeException {
        Unsupported(String what) {
            super(what, null, false, false);
        }
    }

    /** One fact's key as i2b2 counts it, and its end date. */
    record Fact(long patient, long encounter, long instance, String concept, Timestamp start, String provider,
                Timestamp end) {
    }

    private static final String FACT_COLUMNS = "f.patient_num, f.encounter_num, f.instance_num, f.concept_cd,"
            + " f.start_date, f.provider_id, f.end_date";

    /** The visit columns a demo ontology term may compare, with their SQL text and whether they hold numbers. */
    private static final Map<String, Boolean> VISIT_COLUMNS = Map.of("length_of_stay", true, "inout_cd", false);

    private static final Map<String, String> OPERATORS = Map.of("=", " = ?", ">", " > ?", "<", " < ?", ">=", " >= ?",
            "<=", " <= ?", "IN", " = ANY (?)");

    private final Connection connection;

    ReferenceSql(Connection connection) {
        this.connection = connection;
    }

    /** The distinct facts of the panel's items (OR), within the panel's dates; visit panels skip facts without one. */
    List<Fact> facts(Panel panel, boolean visits) throws SQLException {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder("(");
        for (int i = 0; i < panel.items().size(); i++) {
            where.append(i > 0 ? " OR " : "").append("(").append(item(panel.items().get(i), args)).append(")");
        }
        where.append(panel.items().isEmpty() ? "FALSE)" : ")").append(window(panel.dates(), args));
        if (visits) {
            where.append(" AND f.encounter_num >= 0");
        }
        return facts("SELECT DISTINCT " + FACT_COLUMNS + " FROM observation_fact f WHERE " + where, args);
    }

    /** Every fact instance of the warehouse, modifier rows included. */
    List<Fact> allFacts() throws SQLException {
        return facts("SELECT DISTINCT " + FACT_COLUMNS + " FROM observation_fact f", List.of());
    }

    private String item(Item item, List<Object> args) throws SQLException {
        if (!item.ages().isEmpty()) {
            throw new Unsupported("age at event");
        }
        StringBuilder sql = new StringBuilder();
        if (item.key() instanceof ItemKey.Patient p) {
            sql.append("f.patient_num = ?");
            args.add(Long.parseLong(p.id().replaceFirst("(?i)^HIVE:", "")));
        } else if (item.key() instanceof ItemKey.ConceptPath c) {
            Optional<String> dimension = dimensionTerm(c, args);
            if (dimension.isPresent()) {
                if (item.modifier().isPresent() || !item.values().isEmpty()) {
                    throw new Unsupported("values or modifiers on a dimension term");
                }
                sql.append(dimension.get());
            } else {
                sql.append("f.concept_cd IN (SELECT concept_cd FROM concept_dimension WHERE concept_path LIKE ?"
                        + " ESCAPE '!')");
                args.add(like(c.path()));
                sql.append(modifierAndValues(item, args));
            }
        } else {
            throw new Unsupported(item.key().getClass().getSimpleName() + " items");
        }
        for (DateWindow window : item.dates()) {
            sql.append(window(window, args));
        }
        return sql.toString();
    }

    /** i2b2: a plain concept matches any modifier; its values read the fact's own row; a modifier its rows. */
    private static String modifierAndValues(Item item, List<Object> args) {
        StringBuilder sql = new StringBuilder();
        if (!item.values().isEmpty()) {
            sql.append(" AND f.modifier_cd = '@'");
            item.values().forEach(v -> sql.append(" AND (").append(value(v, args)).append(")"));
        }
        if (item.modifier().isPresent()) {
            ModifierConstraint modifier = item.modifier().get();
            String path = ((ItemKey.ConceptPath) ItemKey.parse(modifier.modifierKey(), "modifier_key")).path();
            sql.append(" AND f.modifier_cd IN (SELECT modifier_cd FROM modifier_dimension WHERE modifier_path LIKE ?"
                    + " ESCAPE '!')");
            args.add(like(path));
            modifier.values().forEach(v -> sql.append(" AND (").append(value(v, args)).append(")"));
        }
        return sql.toString();
    }

    /** The condition of an i2b2 ontology row on a dimension table, or empty for a concept (or a path without a row). */
    private Optional<String> dimensionTerm(ItemKey.ConceptPath key, List<Object> args) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT LOWER(o.c_tablename), LOWER(o.c_columnname),"
                + " UPPER(TRIM(o.c_operator)), o.c_dimcode FROM i2b2 o JOIN table_access a ON a.c_table_cd = ?"
                + " AND UPPER(a.c_table_name) = 'I2B2' WHERE o.c_fullname = ?"
                + " AND LOWER(o.c_tablename) <> 'concept_dimension'")) {
            ps.setString(1, key.table());
            ps.setString(2, key.path());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String table = rs.getString(1);
                String column = rs.getString(2);
                String operator = rs.getString(3);
                String code = rs.getString(4);
                if (table.equals("provider_dimension") && column.equals("provider_path") && operator.equals("LIKE")) {
                    args.add(like(code));
                    return Optional.of("f.provider_id IN (SELECT provider_id FROM provider_dimension WHERE"
                            + " provider_path LIKE ? ESCAPE '!')");
                }
                if (!table.equals("visit_dimension") || !VISIT_COLUMNS.containsKey(column)
                        || !OPERATORS.containsKey(operator)) {
                    throw new Unsupported(table + "." + column + " " + operator + " terms");
                }
                boolean numbers = VISIT_COLUMNS.get(column);
                List<Object> values = new ArrayList<>();
                for (String part : code.split(",")) {
                    String v = ValueConstraint.unquote(part);
                    values.add(numbers ? new BigDecimal(v) : v);
                }
                if (operator.equals("IN")) {
                    Array array = connection.createArrayOf(numbers ? "numeric" : "varchar", values.toArray());
                    args.add(array);
                } else {
                    args.add(values.get(0));
                }
                String columnSql = column.equals("length_of_stay") ? "length_of_stay" : "inout_cd";
                return Optional.of("(f.patient_num, f.encounter_num) IN (SELECT patient_num, encounter_num FROM"
                        + " visit_dimension WHERE " + columnSql + OPERATORS.get(operator) + ")");
            }
        }
    }

    /** i2b2's value rules (ValueConstrainsHandler), written out. */
    private static String value(ValueConstraint v, List<Object> args) {
        String text = v.value();
        return switch (v.type()) {
            case NUMBER -> number(v, args);
            case TEXT, MODIFIER -> (v.type() == ValueConstraint.ValueType.TEXT ? "f.valtype_cd = 'T' AND "
                    : "f.valtype_cd = 'M' AND ") + text(v, args);
            case FLAG -> switch (v.operator()) {
                case EQ -> add(args, ValueConstraint.unquote(text), "f.valueflag_cd = ?");
                case NE -> add(args, ValueConstraint.unquote(text), "f.valueflag_cd <> ? AND f.valueflag_cd <> ''");
                default -> add(args, list(text), "f.valueflag_cd = ANY (?)");
            };
            case LARGETEXT -> throw new Unsupported("LARGETEXT values");
        };
    }

    private static String number(ValueConstraint v, List<Object> args) {
        List<Double> n = ValueConstraint.numbers(v.operator(), v.value());
        String numeric = "f.valtype_cd = 'N' AND ";
        return switch (v.operator()) {
            case GT -> add(args, n.get(0), "(" + numeric + "f.nval_num > ? AND f.tval_char IN ('E', 'GE'))") + " OR "
                    + add(args, n.get(0), "(" + numeric + "f.nval_num >= ? AND f.tval_char = 'G')");
            case LT -> add(args, n.get(0), "(" + numeric + "f.nval_num < ? AND f.tval_char IN ('E', 'LE'))") + " OR "
                    + add(args, n.get(0), "(" + numeric + "f.nval_num <= ? AND f.tval_char = 'L')");
            case GE -> add(args, n.get(0), numeric + "f.nval_num >= ? AND f.tval_char IN ('E', 'GE', 'G')");
            case LE -> add(args, n.get(0), numeric + "f.nval_num <= ? AND f.tval_char IN ('E', 'LE', 'L')");
            case EQ -> add(args, n.get(0), numeric + "f.nval_num = ? AND f.tval_char = 'E'");
            case BETWEEN -> {
                args.add(n.get(0));
                args.add(n.get(1));
                yield numeric + "f.nval_num BETWEEN ? AND ? AND f.tval_char = 'E'";
            }
            default -> throw new Unsupported("NUMBER " + v.operator());
        };
    }

    private static String text(ValueConstraint v, List<Object> args) {
        String value = ValueConstraint.unquote(v.value());
        String upper = value.toUpperCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return switch (v.operator()) {
            case EQ, LIKE_EXACT -> add(args, value, "f.tval_char = ?");
            case NE -> add(args, value, "f.tval_char <> ? AND f.tval_char <> ''");
            case IN -> add(args, list(v.value()), "f.tval_char = ANY (?)");
            case LIKE_BEGIN -> add(args, upper + "%", "UPPER(f.tval_char) LIKE ? ESCAPE '!'");
            case LIKE_END -> add(args, "%" + upper, "UPPER(f.tval_char) LIKE ? ESCAPE '!'");
            case LIKE, LIKE_CONTAINS -> add(args, "%" + upper + "%", "UPPER(f.tval_char) LIKE ? ESCAPE '!'");
            default -> throw new Unsupported("TEXT " + v.operator());
        };
    }

    private static String[] list(String value) {
        String inner = value.trim().replaceAll("^\\(|\\)$", "");
        return java.util.Arrays.stream(inner.split(",")).map(ValueConstraint::unquote).toArray(String[]::new);
    }

    private static String add(List<Object> args, Object value, String sql) {
        args.add(value);
        return sql;
    }

    private static String window(DateWindow window, List<Object> args) {
        StringBuilder sql = new StringBuilder();
        window.from().ifPresent(b -> sql.append(bound(b, b.inclusive() ? " >= ?" : " > ?", args)));
        window.to().ifPresent(b -> sql.append(bound(b, b.inclusive() ? " <= ?" : " < ?", args)));
        return sql.toString();
    }

    private static String bound(DateBound bound, String comparison, List<Object> args) {
        args.add(Timestamp.valueOf(bound.value()));
        return (bound.onEndDate() ? " AND f.end_date" : " AND f.start_date") + comparison;
    }

    private static String like(String path) {
        return path.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    private List<Fact> facts(String sql, List<Object> args) throws SQLException {
        List<Fact> facts = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                Object arg = args.get(i);
                if (arg instanceof String[] strings) {
                    ps.setArray(i + 1, connection.createArrayOf("varchar", strings));
                } else if (arg instanceof Array array) {
                    ps.setArray(i + 1, array);
                } else {
                    ps.setObject(i + 1, arg);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    facts.add(new Fact(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                            rs.getTimestamp(5), rs.getString(6), rs.getTimestamp(7)));
                }
            }
        }
        return facts;
    }
}
