package org.smartcc.engine.query.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.timestamp_seconds;
import static org.apache.spark.sql.functions.unix_timestamp;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;
import org.smartcc.engine.query.QueryDefinitionException;

/**
 * The condition an ontology term ({@link OntologyTerms.Term}) puts on the rows of its dimension, as Spark columns.
 * {@code c_operator} and {@code c_dimcode} are data written as SQL fragments for i2b2's query generator; they are read
 * with a small fixed grammar and never passed on as text:
 * <pre>
 * condition := column operator operand | column IN list | column BETWEEN operand AND operand | column LIKE prefix
 * operator  := = | &lt;&gt; | != | &lt; | &gt; | &lt;= | &gt;=
 * list      := ( operand {, operand} ) | operand {, operand}
 * operand   := 'text' | number | bare text (for c_columndatatype T) | birthDatePlus
 * birthDatePlus := (select (birth_date + interval 'N [day|days]') from [schema.]patient_dimension
 *                   where [[schema.]patient_dimension.]patient_num = alias.patient_num)
 * </pre>
 * An interval without a unit is in seconds, as PostgreSQL reads it. Anything else is refused with the item's path.
 */
final class DimensionConditions {

    private static final Pattern QUOTED = Pattern.compile("'((?:[^']|'')*)'");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern BARE = Pattern.compile("[A-Za-z0-9_ .:|@-]+");
    private static final Pattern BIRTH_DATE_PLUS = Pattern.compile("(?:\\(\\s*)*select\\s*\\(\\s*birth_date\\s*\\+\\s*"
            + "interval\\s*'\\s*(\\d+(?:\\.\\d+)?)\\s*(days?)?\\s*'\\s*\\)\\s*"
            + "from\\s+(?:\\w+\\.)?patient_dimension\\s+"
            + "where\\s+(?:(?:\\w+\\.)?patient_dimension\\.)?patient_num\\s*=\\s*\\w+\\.patient_num(?:\\s*\\))*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BETWEEN_AND = Pattern.compile("\\s+AND\\s+", Pattern.CASE_INSENSITIVE);
    private static final long SECONDS_PER_DAY = 86_400L;

    private DimensionConditions() {
    }

    /**
     * The condition on a dimension row whose columns are {@code columns} (a visit row also carries its patient's
     * {@code birth_date}, for the age-at-visit terms).
     *
     * @param path the item, for the refusal
     */
    static Column of(OntologyTerms.Term term, Set<String> columns, String path) {
        if (!columns.contains(term.column())) {
            throw refused(path, term, "names column '" + term.column() + "', which " + term.table() + " lacks");
        }
        Column column = col(term.column());
        String dimcode = term.dimcode().strip();
        String operator = term.operator().toUpperCase(Locale.ROOT);
        return switch (operator) {
            case "LIKE" -> column.startsWith(unquoted(dimcode).replaceAll("%+$", ""));
            case "IN" -> column.isin(list(dimcode, term, path).toArray());
            case "BETWEEN" -> {
                String[] bounds = BETWEEN_AND.split(dimcode.replaceAll("\\)\\s*AND\\s*\\(", ") AND ("), 2);
                if (bounds.length != 2) {
                    throw refused(path, term, "BETWEEN needs two operands joined by AND");
                }
                yield column.geq(operand(bounds[0], term, path)).and(column.leq(operand(bounds[1], term, path)));
            }
            case "=" -> column.equalTo(operand(dimcode, term, path));
            case "<>", "!=" -> column.notEqual(operand(dimcode, term, path));
            case "<" -> column.lt(operand(dimcode, term, path));
            case ">" -> column.gt(operand(dimcode, term, path));
            case "<=" -> column.leq(operand(dimcode, term, path));
            case ">=" -> column.geq(operand(dimcode, term, path));
            default -> throw refused(path, term, "operator '" + term.operator() + "' is not one this engine reads");
        };
    }

    private static List<Object> list(String dimcode, OntologyTerms.Term term, String path) {
        String inner = dimcode.startsWith("(") && dimcode.endsWith(")") ? dimcode.substring(1, dimcode.length() - 1)
                : dimcode;
        List<Object> values = new ArrayList<>();
        for (String value : inner.split(",(?=(?:[^']*'[^']*')*[^']*$)")) {
            values.add(literal(value.strip(), term, path));
        }
        return values;
    }

    private static Column operand(String text, OntologyTerms.Term term, String path) {
        String value = text.strip();
        Matcher birth = BIRTH_DATE_PLUS.matcher(value);
        if (birth.matches()) {
            BigDecimal amount = new BigDecimal(birth.group(1));
            BigDecimal seconds = birth.group(2) == null ? amount : amount.multiply(BigDecimal.valueOf(SECONDS_PER_DAY));
            return timestamp_seconds(unix_timestamp(col("birth_date")).plus(lit(seconds.longValue())));
        }
        return lit(literal(value, term, path));
    }

    /** A quoted text, a number, or (for a text column) bare text; anything else is refused. */
    private static Object literal(String value, OntologyTerms.Term term, String path) {
        boolean text = term.dataType().equalsIgnoreCase("T");
        if (QUOTED.matcher(value).matches()) {
            return unquoted(value);
        }
        if (NUMBER.matcher(value).matches()) {
            return text ? value : new BigDecimal(value);
        }
        if (text && BARE.matcher(value).matches()) {
            return value;
        }
        throw refused(path, term, "c_dimcode '" + abbreviated(value) + "' is not an operand this engine reads");
    }

    private static String unquoted(String value) {
        Matcher m = QUOTED.matcher(value);
        return m.matches() ? m.group(1).replace("''", "'") : value;
    }

    private static String abbreviated(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }

    private static QueryDefinitionException refused(String path, OntologyTerms.Term term, String why) {
        return new QueryDefinitionException(path + "/item_key", "the ontology row of this item (" + term.table()
                + "." + term.column() + ") " + why);
    }
}
