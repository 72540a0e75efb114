package org.smartcc.bench;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.smartcc.engine.query.Comparison;
import org.smartcc.engine.query.Item;
import org.smartcc.engine.query.ItemKey;
import org.smartcc.engine.query.Panel;
import org.smartcc.engine.query.QueryDefinition;
import org.smartcc.engine.query.TemporalConstraint;
import org.smartcc.engine.query.Timing;
import org.smartcc.engine.query.ValueConstraint;
import org.smartcc.engine.query.ValueOperator;

/**
 * A query definition as SQL for PostgreSQL in the way the i2b2 CRC answers it: one temporary table per panel, filled
 * with the patients (or visits) whose facts match, {@code GROUP BY} with {@code HAVING COUNT(DISTINCT fact)} for
 * occurrence counts; then the tables are intersected, the inverted ones subtracted, and the rest counted. Temporal
 * queries fill one table of event dates per subquery and join them. The meaning is the engine's
 * (docs/cohort-engine.md), so that both must give the same count.
 *
 * <p>An item's concept codes are either looked up inside the query by path prefix, as i2b2 writes it
 * ({@link #I2B2_SUBQUERY}), or looked up once beforehand and written as a literal list ({@link #inlinedCodes}), as the
 * engine filters its facts. The two forms are measured apart because PostgreSQL cannot estimate the rows of the
 * subquery form and, on a large table, then scans all of it where an index would do.
 *
 * <p>Only the forms the benchmark's query classes use are translated; any other is refused rather than answered with a
 * meaning that might differ from the engine's.
 */
final class I2b2TempTableSql {

    /** The statements of one run: fill the temporary tables, count the patients, drop the tables. */
    record Script(List<String> fill, String count, List<String> drop) {
    }

    /** The columns that identify one fact, as i2b2 counts them for {@code total_item_occurrences}. */
    private static final List<String> FACT_KEY = List.of("encounter_num", "instance_num", "concept_cd", "start_date",
            "provider_id");
    private static final List<String> PATIENT = List.of("patient_num");
    private static final List<String> VISIT = List.of("patient_num", "encounter_num");
    private static final List<String> EVENT = List.of("patient_num", "start_date");
    private static final Map<Comparison, String> OCCURRENCE_OPERATORS = Map.of(Comparison.EQ, "=", Comparison.NE,
            "<>", Comparison.GT, ">", Comparison.GE, ">=", Comparison.LT, "<", Comparison.LE, "<=");
    private static final Map<ValueOperator, String> VALUE_OPERATORS = Map.of(ValueOperator.EQ, "=",
            ValueOperator.NE, "<>", ValueOperator.GT, ">", ValueOperator.GE, ">=", ValueOperator.LT, "<",
            ValueOperator.LE, "<=");
    private static final Map<TemporalConstraint.Operator, String> TEMPORAL_OPERATORS = Map.of(
            TemporalConstraint.Operator.LESS, "<", TemporalConstraint.Operator.LESSEQUAL, "<=",
            TemporalConstraint.Operator.EQUAL, "=", TemporalConstraint.Operator.GREATER, ">",
            TemporalConstraint.Operator.GREATEREQUAL, ">=");

    /** The i2b2 CRC's condition: the codes below the path, looked up in {@code concept_dimension} by the query. */
    static final UnaryOperator<String> I2B2_SUBQUERY = path -> "f.concept_cd IN (SELECT concept_cd FROM"
            + " concept_dimension WHERE concept_path LIKE " + literal(likePrefix(path)) + " ESCAPE '|')";

    private final UnaryOperator<String> conceptCondition;
    private final List<String> fill = new ArrayList<>();
    private final List<String> drop = new ArrayList<>();

    private I2b2TempTableSql(UnaryOperator<String> conceptCondition) {
        this.conceptCondition = conceptCondition;
    }

    /**
     * The codes below each path, read from {@code concept_dimension} when the query is translated (not when it runs)
     * and written as a sorted literal list, as the engine's planner does on the driver.
     */
    static UnaryOperator<String> inlinedCodes(Connection c) {
        return path -> {
            List<String> codes = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT concept_cd FROM concept_dimension WHERE"
                    + " concept_path LIKE ? ESCAPE '|' AND concept_cd IS NOT NULL ORDER BY concept_cd")) {
                ps.setString(1, likePrefix(path));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        codes.add(literal(rs.getString(1)));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("the codes below " + path + " could not be read", e);
            }
            return codes.isEmpty() ? "FALSE" : "f.concept_cd IN (" + String.join(", ", codes) + ")";
        };
    }

    /**
     * @param conceptCondition an item's concept path as a condition on {@code f.concept_cd}: {@link #I2B2_SUBQUERY}
     *                         or {@link #inlinedCodes}
     * @throws IllegalArgumentException for a form this translation does not cover
     */
    static Script of(QueryDefinition query, UnaryOperator<String> conceptCondition) {
        I2b2TempTableSql sql = new I2b2TempTableSql(conceptCondition);
        String count = query.subqueries().isEmpty() ? sql.panels(query) : sql.temporal(query);
        return new Script(List.copyOf(sql.fill), count, List.copyOf(sql.drop));
    }

    private String panels(QueryDefinition query) {
        List<String> patients = new ArrayList<>();
        List<String> visits = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        for (Panel panel : query.panels()) {
            String table = "panel_" + panel.number();
            boolean sameVisit = switch (panel.timing()) {
                case ANY -> false;
                case SAME, SAMEVISIT -> true;
                case SAMEINSTANCENUM -> throw unsupported("SAMEINSTANCENUM panels outside temporal subqueries");
            };
            if (sameVisit && panel.invert()) {
                throw unsupported("exclusion within a visit");
            }
            List<String> keys = sameVisit ? VISIT : PATIENT;
            table(table, sameVisit ? "patient_num INTEGER, encounter_num INTEGER" : "patient_num INTEGER");
            // facts without a visit (encounter_num -1) share no visit with anything
            fill.add("INSERT INTO " + table + " SELECT " + qualified(keys) + " FROM (" + facts(panel, keys) + ") f"
                    + (sameVisit ? " WHERE f.encounter_num >= 0" : "") + " GROUP BY " + qualified(keys)
                    + having(panel));
            (panel.invert() ? excluded : sameVisit ? visits : patients).add(table);
        }
        if (patients.isEmpty() && visits.isEmpty()) {
            throw unsupported("a query without a positive panel");
        }
        List<String> kept = new ArrayList<>();
        patients.forEach(t -> kept.add("SELECT patient_num FROM " + t));
        if (!visits.isEmpty()) {
            kept.add("SELECT DISTINCT patient_num FROM (" + visits.stream()
                    .map(t -> "SELECT patient_num, encounter_num FROM " + t)
                    .collect(Collectors.joining(" INTERSECT ")) + ") v");
        }
        // INTERSECT binds tighter than EXCEPT: the kept patients minus each excluded set
        StringBuilder result = new StringBuilder(String.join(" INTERSECT ", kept));
        excluded.forEach(t -> result.append(" EXCEPT SELECT patient_num FROM ").append(t));
        return "SELECT COUNT(*) FROM (" + result + ") q";
    }

    /** One subquery constraint between two one-panel event subqueries, on their start dates. */
    private String temporal(QueryDefinition query) {
        if (!query.panels().isEmpty() || query.temporalConstraints().size() != 1 || query.subqueries().size() != 2) {
            throw unsupported("temporal queries other than one constraint between two subqueries");
        }
        TemporalConstraint constraint = query.temporalConstraints().get(0);
        Map<String, QueryDefinition> byId = query.subqueries().stream()
                .collect(Collectors.toMap(q -> q.id().orElse(""), Function.identity()));
        events("event_a", constraint.first(), byId.get(constraint.first().queryId()));
        events("event_b", constraint.second(), byId.get(constraint.second().queryId()));
        StringBuilder on = new StringBuilder("a.patient_num = b.patient_num AND a.start_date "
                + TEMPORAL_OPERATORS.get(constraint.operator()) + " b.start_date");
        boolean firstIsEarlier = constraint.operator() != TemporalConstraint.Operator.GREATER
                && constraint.operator() != TemporalConstraint.Operator.GREATEREQUAL;
        String earlier = firstIsEarlier ? "a.start_date" : "b.start_date";
        String later = firstIsEarlier ? "b.start_date" : "a.start_date";
        for (TemporalConstraint.Span span : constraint.spans()) {
            on.append(" AND ").append(later).append(' ').append(TEMPORAL_OPERATORS.get(span.operator())).append(' ')
                    .append(earlier).append(" + INTERVAL '").append(span.value()).append(' ').append(span.units())
                    .append('\'');
        }
        return "SELECT COUNT(DISTINCT a.patient_num) FROM event_a a JOIN event_b b ON " + on;
    }

    /** The start dates of a subquery's facts: each patient's earliest or latest, or all of them. */
    private void events(String table, TemporalConstraint.Event event, QueryDefinition subquery) {
        if (subquery == null || subquery.panels().size() != 1 || subquery.panels().get(0).invert()
                || event.joinColumn() != TemporalConstraint.JoinColumn.STARTDATE) {
            throw unsupported("event subqueries other than one positive panel joined on STARTDATE");
        }
        Panel panel = subquery.panels().get(0);
        if (panel.timing() == Timing.SAME || panel.timing() == Timing.SAMEVISIT) {
            throw unsupported("same-visit panels in event subqueries");
        }
        table(table, "patient_num INTEGER, start_date TIMESTAMP");
        String select = switch (event.aggregate()) {
            case FIRST -> "SELECT f.patient_num, MIN(f.start_date) FROM (" + facts(panel, EVENT)
                    + ") f GROUP BY f.patient_num" + having(panel);
            case LAST -> "SELECT f.patient_num, MAX(f.start_date) FROM (" + facts(panel, EVENT)
                    + ") f GROUP BY f.patient_num" + having(panel);
            default -> {
                if (counted(panel)) {
                    throw unsupported("occurrence counts on ANY events");
                }
                yield "SELECT f.patient_num, f.start_date FROM (" + facts(panel, EVENT) + ") f";
            }
        };
        fill.add("INSERT INTO " + table + " " + select);
    }

    /** The panel's facts with the given columns (and the fact key, if the panel counts occurrences): items OR-ed. */
    private String facts(Panel panel, List<String> columns) {
        if (!panel.dates().isOpen()) {
            throw unsupported("panel date windows");
        }
        Set<String> selected = new LinkedHashSet<>(columns);
        if (counted(panel)) {
            selected.addAll(FACT_KEY);
        }
        String select = "SELECT " + qualified(selected) + " FROM observation_fact f WHERE ";
        return panel.items().stream().map(item -> select + itemCondition(item))
                .collect(Collectors.joining(" UNION ALL "));
    }

    private String itemCondition(Item item) {
        if (!(item.key() instanceof ItemKey.ConceptPath concept)) {
            throw unsupported("items other than concept paths");
        }
        if (item.modifier().isPresent() || !item.dates().isEmpty()) {
            throw unsupported("modifier constraints and item date windows");
        }
        StringBuilder condition = new StringBuilder(conceptCondition.apply(concept.path()))
                .append(" AND f.modifier_cd = '@'");
        for (ValueConstraint value : item.values()) {
            condition.append(" AND ").append(numberCondition(value));
        }
        return condition.toString();
    }

    /**
     * NUMBER constraints on exact numeric facts ({@code tval_char = 'E'}); a stored "greater than x" (flag G or GE)
     * satisfies GT and GE at or below x, "less than" likewise, as i2b2's rule and the engine say.
     */
    private static String numberCondition(ValueConstraint value) {
        String operator = VALUE_OPERATORS.get(value.operator());
        if (value.type() != ValueConstraint.ValueType.NUMBER || operator == null) {
            throw unsupported(value.type() + " " + value.operator() + " value constraints");
        }
        String number = new BigDecimal(value.value().trim()).toPlainString(); // a number, never SQL text
        String exact = "f.valtype_cd = 'N' AND f.tval_char = 'E' AND f.nval_num " + operator + " " + number;
        return switch (value.operator()) {
            case GT, GE -> "(" + exact + " OR f.valtype_cd = 'N' AND f.tval_char IN ('G', 'GE') AND f.nval_num >= "
                    + number + ")";
            case LT, LE -> "(" + exact + " OR f.valtype_cd = 'N' AND f.tval_char IN ('L', 'LE') AND f.nval_num <= "
                    + number + ")";
            default -> exact;
        };
    }

    private static boolean counted(Panel panel) {
        return !(panel.occurrenceOperator() == Comparison.GE && panel.occurrences() <= 1);
    }

    private static String having(Panel panel) {
        return counted(panel) ? " HAVING COUNT(DISTINCT (" + qualified(FACT_KEY) + ")) "
                + OCCURRENCE_OPERATORS.get(panel.occurrenceOperator()) + " " + panel.occurrences() : "";
    }

    private static String qualified(Collection<String> columns) {
        return columns.stream().map(c -> "f." + c).collect(Collectors.joining(", "));
    }

    private void table(String name, String columns) {
        fill.add("CREATE TEMP TABLE " + name + " (" + columns + ")");
        drop.add("DROP TABLE " + name);
    }

    /** The path as a LIKE prefix: {@code |} escapes the wildcards, so the backslashes of i2b2 paths stay literal. */
    private static String likePrefix(String path) {
        return path.replace("|", "||").replace("%", "|%").replace("_", "|_") + "%";
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static IllegalArgumentException unsupported(String what) {
        return new IllegalArgumentException("the SQL baseline does not translate " + what);
    }
}
