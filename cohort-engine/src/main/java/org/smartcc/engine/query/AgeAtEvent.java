package org.smartcc.engine.query;

import java.util.Objects;

/**
 * A constraint on the patient's age on the day of a fact, in whole years (the age a birthday adds to): "GE 18" keeps
 * facts from the 18th birthday on, "LT 65" those before the 65th; an item's constraints all apply, so the two together
 * are "between 18 and 64". Not part of i2b2's language: an extension, as Circe's {@code Age} criterion.
 */
public record AgeAtEvent(Comparison operator, int years) {

    public static final int MAX_YEARS = 150;

    public AgeAtEvent {
        Objects.requireNonNull(operator, "operator");
        if (years < 0 || years > MAX_YEARS) {
            throw new QueryDefinitionException("years", "an age must be between 0 and " + MAX_YEARS + " years, not "
                    + years);
        }
    }

    /** @throws QueryDefinitionException at {@code path} for an age outside 0 to {@value #MAX_YEARS} years */
    public static AgeAtEvent of(Comparison operator, String years, String path) {
        int value;
        try {
            value = Integer.parseInt(years.trim());
        } catch (NumberFormatException e) {
            throw new QueryDefinitionException(path, "'" + years + "' is not a whole number of years");
        }
        try {
            return new AgeAtEvent(operator, value);
        } catch (QueryDefinitionException e) {
            throw new QueryDefinitionException(path, e.detail());
        }
    }
}
