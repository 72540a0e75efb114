package org.smartcc.records.domain;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The date filter comparisons of the reference server ({@code smart/triplestore/filters.py}): ISO-8601 strings are
 * compared lexicographically after right-padding both sides with the tail of a lower or an upper template, so a day
 * means "from its first" or "to its last" second as the comparison needs.
 */
public enum DateBound {
    /** {@code date_from}, {@code date_from_including}: on or after. */
    FROM(true, false, false),
    /** {@code date_from_excluding}: strictly after (the whole given day excluded). */
    FROM_EXCLUDING(true, true, true),
    /** {@code date_to}, {@code date_to_including}: on or before. */
    TO(false, false, true),
    /** {@code date_to_excluding}: strictly before. */
    TO_EXCLUDING(false, true, false);

    static final String LOWER = "1900-01-01T00:00:00Z";
    static final String UPPER = "2999-12-31T23:59:59Z";

    /** Year, optionally month, day, time with seconds, fraction and zone: the prefixes of an ISO-8601 date-time. */
    private static final Pattern ISO_PREFIX = Pattern.compile(
            "\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01])(T([01]\\d|2[0-3])(:[0-5]\\d(:[0-5]\\d(\\.\\d{1,9})?)?)?"
                    + "(Z|[+-]\\d{2}:\\d{2})?)?)?)?");

    private final boolean lowerBound;
    private final boolean strict;
    private final boolean parameterPaddedHigh;

    DateBound(boolean lowerBound, boolean strict, boolean parameterPaddedHigh) {
        this.lowerBound = lowerBound;
        this.strict = strict;
        this.parameterPaddedHigh = parameterPaddedHigh;
    }

    /** The bound a date parameter stands for; empty for parameters that are not date filters. */
    public static Optional<DateBound> ofParameter(String parameter) {
        return Optional.ofNullable(switch (parameter) {
            case "date_from", "date_from_including" -> FROM;
            case "date_from_excluding" -> FROM_EXCLUDING;
            case "date_to", "date_to_including" -> TO;
            case "date_to_excluding" -> TO_EXCLUDING;
            default -> null;
        });
    }

    public static boolean isWellFormed(String value) {
        return ISO_PREFIX.matcher(value).matches();
    }

    /** The parameter value as compared: padded once, when the query is parsed. */
    public String padParameter(String value) {
        return pad(value, parameterPaddedHigh ? UPPER : LOWER);
    }

    /**
     * Whether a statement date satisfies this bound against an already padded parameter. Lower bounds ({@code >=},
     * {@code >}) pad the statement date high, upper bounds ({@code <=}, {@code <}) pad it low.
     */
    public boolean accepts(String statementDate, String paddedParameter) {
        int c = pad(statementDate, lowerBound ? UPPER : LOWER).compareTo(paddedParameter);
        if (lowerBound) {
            return strict ? c > 0 : c >= 0;
        }
        return strict ? c < 0 : c <= 0;
    }

    static String pad(String value, String template) {
        return value.length() >= template.length() ? value : value + template.substring(value.length());
    }
}
