package org.smartcc.engine.query;

import java.util.function.Supplier;
import org.smartcc.store.domain.CodedException;
import org.smartcc.store.domain.ErrorKind;

/**
 * A query definition that cannot be run, with the element it is about: the API answers 400 with both.
 *
 * @see #element()
 */
public final class QueryDefinitionException extends CodedException {

    /** The stable error code of every invalid query definition. */
    private static final String CODE = "QUERY_DEFINITION_INVALID";

    private final String element;
    private final String detail;

    public QueryDefinitionException(String element, String detail) {
        super(ErrorKind.INVALID_INPUT, CODE, element + ": " + detail);
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
}
