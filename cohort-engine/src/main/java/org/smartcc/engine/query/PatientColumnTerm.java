package org.smartcc.engine.query;

import java.util.List;
import java.util.Objects;

/**
 * An ontology term that selects patients by a {@code patient_dimension} column: what an i2b2 ontology row with
 * {@code c_tablename = patient_dimension} says in its {@code c_fullname}, {@code c_name}, {@code c_basecode},
 * {@code c_columnname}, {@code c_operator} and {@code c_dimcode}, held as typed values so that no SQL or Spark text is
 * ever made from it. On {@link PatientColumn#BIRTH_DATE} the values are ages in whole years as of the engine's as-of
 * date (i2b2's rows hold date expressions relative to today; a reader of them maps those to ages).
 *
 * @param path   the term's path, {@code \}-delimited like a concept path ({@code c_fullname})
 * @param name   what the tree shows ({@code c_name})
 * @param code   the term's code ({@code c_basecode}), e.g. {@code DEM|SEX:F}
 * @param values code values for {@link Operator#EQ} and {@link Operator#IN}; ages for {@link Operator#BETWEEN}
 *               (lowest and highest, inclusive) and {@link Operator#GE}
 */
public record PatientColumnTerm(String path, String name, String code, PatientColumn column, Operator operator,
                                List<String> values) {

    /** How the column is compared with the values ({@code c_operator}). */
    public enum Operator {
        /** The column equals the one value. */
        EQ,
        /** The column equals one of the values. */
        IN,
        /** The age is at least the first value and at most the second. */
        BETWEEN,
        /** The age is at least the one value. */
        GE
    }

    public PatientColumnTerm {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(operator, "operator");
        values = List.copyOf(values);
        if (!isPath(path)) {
            throw new IllegalArgumentException("not a \\-delimited term path: " + path);
        }
        if (name == null || name.isBlank() || code == null || code.isBlank()) {
            throw new IllegalArgumentException("a term needs a name and a code: " + path);
        }
        if (values.stream().anyMatch(v -> v == null || v.isBlank())) {
            throw new IllegalArgumentException("blank value in term " + path);
        }
        int arity = switch (operator) {
            case EQ, GE -> 1;
            case BETWEEN -> 2;
            case IN -> Math.max(1, values.size());
        };
        if (values.size() != arity) {
            throw new IllegalArgumentException(operator + " takes " + arity + " value(s), term " + path + " has "
                    + values.size());
        }
        boolean comparesCodes = operator == Operator.EQ || operator == Operator.IN;
        if (comparesCodes != column.holdsCodes()) {
            throw new IllegalArgumentException(operator + " does not apply to " + column + " (term " + path + ")");
        }
        if (!comparesCodes && (ages(values, path).get(0) > ages(values, path).get(values.size() - 1))) {
            throw new IllegalArgumentException("the lowest age is above the highest in term " + path);
        }
    }

    /** The values as ages in whole years; only for {@link Operator#BETWEEN} and {@link Operator#GE}. */
    public List<Integer> ages() {
        if (column.holdsCodes()) {
            throw new IllegalStateException(path + " compares codes, not ages");
        }
        return ages(values, path);
    }

    /** Whether this term is {@code folder} itself or lies below it: a folder selects its terms' union, as in i2b2. */
    public boolean isAtOrBelow(String folder) {
        return path.startsWith(folder);
    }

    private static List<Integer> ages(List<String> values, String path) {
        return values.stream().map(v -> {
            int age;
            try {
                age = Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + v + "' is not a whole number of years (term " + path + ")");
            }
            if (age < 0 || age > AgeAtEvent.MAX_YEARS) {
                throw new IllegalArgumentException("an age must be between 0 and " + AgeAtEvent.MAX_YEARS
                        + " years, not " + age + " (term " + path + ")");
            }
            return age;
        }).toList();
    }

    /**
     * Whether {@code path} can name a term: starts and ends with {@code \}, no empty segment, no control character,
     * at most 700 characters (i2b2's {@code c_fullname} width).
     */
    public static boolean isPath(String path) {
        return path != null && path.length() >= 3 && path.length() <= 700 && path.charAt(0) == '\\'
                && path.endsWith("\\") && !path.contains("\\\\") && path.chars().noneMatch(Character::isISOControl);
    }
}
