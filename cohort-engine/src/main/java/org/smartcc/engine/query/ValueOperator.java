package org.smartcc.engine.query;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The operators of i2b2 value constraints; {@link #text()} is the form i2b2 writes in {@code value_operator}. */
public enum ValueOperator {
    EQ, NE, GT, GE, LT, LE, BETWEEN, IN,
    LIKE, LIKE_BEGIN, LIKE_END, LIKE_CONTAINS, LIKE_EXACT,
    CONTAINS, CONTAINS_DATABASE;

    /** {@code LIKE[CONTAINS]} for LIKE_CONTAINS. */
    public String text() {
        int bracket = name().indexOf('_');
        return bracket < 0 ? name() : name().substring(0, bracket) + "[" + name().substring(bracket + 1) + "]";
    }

    /** Reads i2b2's form ({@code LIKE[contains]}) or the constant's name, ignoring case. */
    public static ValueOperator of(String text, String path) {
        String wanted = text.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(o -> o.text().equals(wanted) || o.name().equals(wanted)).findFirst()
                .orElseThrow(() -> new QueryDefinitionException(path, "'" + text + "' is not one of "
                        + Arrays.stream(values()).map(ValueOperator::text).collect(Collectors.joining(", "))));
    }
}
