package org.smartcc.engine.query;

/**
 * A query definition that cannot be run, with the element it is about: the API answers 400 with both.
 *
 * @see #element()
 */
public final class QueryDefinitionException extends RuntimeException {

    private final String element;

    public QueryDefinitionException(String element, String message) {
        super(element + ": " + message);
        this.element = element;
    }

    /** Where the problem is, e.g. {@code query_definition/panel[2]/item[1]/constrain_by_value}. */
    public String element() {
        return element;
    }

    /** The stable error code of every invalid query definition. */
    public String code() {
        return "QUERY_DEFINITION_INVALID";
    }
}
