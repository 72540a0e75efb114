package org.smartcc.engine.query;

import java.util.Optional;

/**
 * A value constraint on a fact or its modifier (cohort-model §1.4): NUMBER, TEXT, LARGETEXT, FLAG or MODIFIER, with
 * the i2b2 operator as written ({@code GT}, {@code IN}, {@code LIKE[contains]}, {@code BETWEEN}, ...).
 */
public record ValueConstraint(ValueType type, String operator, String value, Optional<String> unit) {

    /** The value types of i2b2. */
    public enum ValueType {
        NUMBER, TEXT, LARGETEXT, FLAG, MODIFIER
    }
}
