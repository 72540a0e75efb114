package org.smartcc.engine.query.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.upper;
import static org.smartcc.engine.query.ValueConstraint.unquote;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.smartcc.engine.query.QueryDefinitionException;
import org.smartcc.engine.query.ValueConstraint;

/**
 * Value constraints as fact filters, with i2b2's meaning (cohort-model §1.4): NUMBER compares {@code nval_num} of
 * numeric facts whose {@code tval_char} comparator flag is {@code E} (a stored "greater than 5", flag {@code G},
 * also satisfies {@code GT 5} and {@code GE 5}, as i2b2's rule says); TEXT compares {@code tval_char} of text facts,
 * exactly for EQ/NE/IN and ignoring case for the LIKE forms; FLAG compares {@code valueflag_cd}. Units are not
 * converted or filtered (i2b2's default, unit conversion off).
 */
final class ValueFilters {

    private ValueFilters() {
    }

    static Column of(ValueConstraint value, String path) {
        return switch (value.type()) {
            case NUMBER -> number(value);
            case TEXT -> col("valtype_cd").equalTo("T").and(text(col("tval_char"), value, path));
            case FLAG -> flag(value);
            case MODIFIER -> col("valtype_cd").equalTo("M").and(text(col("tval_char"), value, path));
            case LARGETEXT -> col("valtype_cd").equalTo("B").and(largeText(value, path));
        };
    }

    private static Column number(ValueConstraint value) {
        Column n = col("nval_num");
        Column flag = col("tval_char");
        Column numeric = col("valtype_cd").equalTo("N");
        Column exact = numeric.and(flag.equalTo("E"));
        List<Double> numbers = ValueConstraint.numbers(value.operator(), value.value());
        Column first = lit(numbers.get(0));
        return switch (value.operator()) {
            case EQ -> exact.and(n.equalTo(first));
            case NE -> exact.and(n.notEqual(first));
            case GT -> exact.and(n.gt(first)).or(numeric.and(flag.isin("G", "GE")).and(n.geq(first)));
            case GE -> exact.and(n.geq(first)).or(numeric.and(flag.isin("G", "GE")).and(n.geq(first)));
            case LT -> exact.and(n.lt(first)).or(numeric.and(flag.isin("L", "LE")).and(n.leq(first)));
            case LE -> exact.and(n.leq(first)).or(numeric.and(flag.isin("L", "LE")).and(n.leq(first)));
            case BETWEEN -> exact.and(n.between(first, lit(numbers.get(1))));
            case IN -> exact.and(n.isin(numbers.toArray()));
            default -> throw new IllegalStateException("the model admits no NUMBER " + value.operator());
        };
    }

    private static Column text(Column column, ValueConstraint value, String path) {
        String v = value.value();
        String folded = v.toUpperCase(Locale.ROOT);
        return switch (value.operator()) {
            case EQ, LIKE_EXACT -> column.equalTo(unquote(v));
            case NE -> column.notEqual(unquote(v));
            case IN -> column.isin(list(v).toArray());
            case LIKE_BEGIN -> upper(column).startsWith(unquote(folded));
            case LIKE_END -> upper(column).endsWith(unquote(folded));
            case LIKE, LIKE_CONTAINS -> upper(column).contains(unquote(folded));
            default -> throw new QueryDefinitionException(path + "/value_operator",
                    "not supported by this engine yet: TEXT " + value.operator().text());
        };
    }

    /**
     * CONTAINS: every word, or every "quoted phrase", occurs in the text, ignoring case (as i2b2's full-text search on
     * PostgreSQL ANDs the words); CONTAINS[database] would pass database syntax through in i2b2, here its whole value
     * is one phrase. The other text operators compare the text as TEXT values do.
     */
    private static Column largeText(ValueConstraint value, String path) {
        Column text = upper(col("observation_blob"));
        return switch (value.operator()) {
            case CONTAINS -> {
                List<String> terms = searchTerms(value.value());
                if (terms.isEmpty()) {
                    throw new QueryDefinitionException(path + "/value_constraint", "names no word to search for");
                }
                Column all = lit(true);
                for (String term : terms) {
                    all = all.and(text.contains(term.toUpperCase(Locale.ROOT)));
                }
                yield all;
            }
            case CONTAINS_DATABASE -> text.contains(unquote(value.value().trim()).toUpperCase(Locale.ROOT));
            default -> text(col("observation_blob"), value, path);
        };
    }

    /** Quoted phrases as they are, other words one by one; bare punctuation such as {@code &} is no word. */
    static List<String> searchTerms(String value) {
        List<String> terms = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(value);
        while (m.find()) {
            String term = m.group(1) != null ? m.group(1).trim() : m.group(2);
            if (term.chars().anyMatch(Character::isLetterOrDigit)) {
                terms.add(term);
            }
        }
        return terms;
    }

    private static Column flag(ValueConstraint value) {
        Column flag = col("valueflag_cd");
        return switch (value.operator()) {
            case EQ -> flag.equalTo(unquote(value.value()));
            // a blank flag is no flag, as on i2b2's Oracle origins where '' is NULL (i2b2's demo facts have '')
            case NE -> flag.notEqual(unquote(value.value())).and(trim(flag).notEqual(""));
            case IN -> flag.isin(list(value.value()).toArray());
            default -> throw new IllegalStateException("the model admits no FLAG " + value.operator());
        };
    }

    /** i2b2 writes lists as {@code ('a','b')} or {@code a,b}. */
    static List<String> list(String value) {
        String inner = value.trim();
        if (inner.startsWith("(") && inner.endsWith(")")) {
            inner = inner.substring(1, inner.length() - 1);
        }
        return Arrays.stream(inner.split(",")).map(ValueConstraint::unquote).filter(s -> !s.isEmpty()).toList();
    }
}
