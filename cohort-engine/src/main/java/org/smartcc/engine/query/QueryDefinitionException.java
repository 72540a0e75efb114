package org.smartcc.engine.query;

import java.util.function.Supplier;

/**
 * A query definition that cannot be run, with the element it is about: the API answers 400 with both.
 *
 * @see #element()
 */
public final class QueryDefinitionException extends RuntimeException {

    private final String element;
    private final String detail;

    public QueryDefinitionException(String element, String detail) {
        super(element + ": " + detail);
        this.element = element;
        this.detail = detail;
    }

    /**
     * Builds a part of the model that names its elements relative to itself (its constructor checks its own values),
     * and places a refusal under {@code path}, where the reader found the part.
     */
    public static <T> T at(String path, Supplier<T> part) {
        try {
            return part.get();
        } catch (QueryDefinitionException e) {
            throw new QueryDefinitionException(e.element.isEmpty() ? path : path + "/" + e.element, e.detail);
        }
    }

    /** Where the problem is, e.g. {@code query_definition/panel[2]/item[1]/constrain_by_value}. */
    public String element() {
        return element;
    }

    /** What is wrong there, without the element. */
    public String detail() {
        return detail;
    }

    /** The stable error code of every invalid query definition. */
    public String code() {
        return "QUERY_DEFINITION_INVALID";
    }
}
