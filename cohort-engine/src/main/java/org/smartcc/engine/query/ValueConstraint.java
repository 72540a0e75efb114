package org.smartcc.engine.query;

import static org.smartcc.engine.query.ValueOperator.BETWEEN;
import static org.smartcc.engine.query.ValueOperator.CONTAINS;
import static org.smartcc.engine.query.ValueOperator.CONTAINS_DATABASE;
import static org.smartcc.engine.query.ValueOperator.EQ;
import static org.smartcc.engine.query.ValueOperator.GE;
import static org.smartcc.engine.query.ValueOperator.GT;
import static org.smartcc.engine.query.ValueOperator.IN;
import static org.smartcc.engine.query.ValueOperator.LE;
import static org.smartcc.engine.query.ValueOperator.LIKE;
import static org.smartcc.engine.query.ValueOperator.LIKE_BEGIN;
import static org.smartcc.engine.query.ValueOperator.LIKE_CONTAINS;
import static org.smartcc.engine.query.ValueOperator.LIKE_END;
import static org.smartcc.engine.query.ValueOperator.LIKE_EXACT;
import static org.smartcc.engine.query.ValueOperator.LT;
import static org.smartcc.engine.query.ValueOperator.NE;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A value constraint on a fact or its modifier (cohort-model §1.4): NUMBER, TEXT, LARGETEXT, FLAG or MODIFIER, with
 * an operator that applies to the type (as the i2b2 CRC checks it) and, for NUMBER, a value that is numbers.
 * Refusals name {@code value_operator} or {@code value_constraint}, relative to the constraint.
 */
public record ValueConstraint(ValueType type, ValueOperator operator, String value, Optional<String> unit) {

    public ValueConstraint {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(unit, "unit");
        if (!type.operators().contains(operator)) {
            throw new QueryDefinitionException("value_operator", "'" + operator.text() + "' does not apply to "
                    + type + " values; use one of " + type.operators().stream().map(ValueOperator::text).sorted()
                    .toList());
        }
        if (type == ValueType.NUMBER) {
            numbers(operator, value);
        }
    }

    /** The numbers of a NUMBER constraint: one, two for BETWEEN ({@code low and high}), a list for IN. */
    public static List<Double> numbers(ValueOperator operator, String value) {
        List<String> parts = switch (operator) {
            case BETWEEN -> List.of(value.split("(?i)\\s+and\\s+", -1));
            case IN -> List.of(value.trim().replaceAll("^\\(|\\)$", "").split(",", -1));
            default -> List.of(value);
        };
        if (operator == BETWEEN && parts.size() != 2) {
            throw new QueryDefinitionException("value_constraint", "BETWEEN needs 'low and high', not '" + value
                    + "'");
        }
        return parts.stream().map(ValueConstraint::number).toList();
    }

    /** A value without the single quotes i2b2 clients may put around it ({@code '5'}, {@code 'H'}). */
    public static String unquote(String text) {
        String t = text.trim();
        return t.length() >= 2 && t.startsWith("'") && t.endsWith("'") ? t.substring(1, t.length() - 1) : t;
    }

    private static double number(String text) {
        String t = unquote(text);
        try {
            double d = Double.parseDouble(t);
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new QueryDefinitionException("value_constraint", "'" + text.trim() + "' is not a number");
    }

    /** The value types of i2b2, each with the operators the i2b2 CRC accepts for it. */
    public enum ValueType {
        NUMBER(EnumSet.of(EQ, NE, GT, LT, GE, LE, BETWEEN, IN)),
        TEXT(EnumSet.of(EQ, NE, IN, LIKE, LIKE_BEGIN, LIKE_END, LIKE_CONTAINS, LIKE_EXACT, GT, LT, GE, LE)),
        LARGETEXT(EnumSet.of(CONTAINS, CONTAINS_DATABASE, LIKE_CONTAINS)),
        FLAG(EnumSet.of(EQ, NE, IN)),
        MODIFIER(TEXT.operators);

        private final Set<ValueOperator> operators;

        ValueType(Set<ValueOperator> operators) {
            this.operators = Set.copyOf(operators);
        }

        public Set<ValueOperator> operators() {
            return operators;
        }
    }
}
