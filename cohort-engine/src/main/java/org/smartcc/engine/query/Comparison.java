package org.smartcc.engine.query;

/** The operators of {@code total_item_occurrences}. */
public enum Comparison {
    EQ, NE, GT, LT, GE, LE
}
