package org.smartcc.records.domain;

import java.util.List;

/**
 * A query filter of a call, read from the ontology's {@code api:filterSparql} template: a property path from the
 * statement and, for code filters, the code URI the path must reach ({@code codeUriPrefix + value + codeUriSuffix}).
 * Date filters have no code URI; their comparison follows from the parameter name ({@link DateBound}).
 *
 * @param parameter     the query parameter, e.g. {@code rxnorm} or {@code date_from}
 * @param propertyPath  property URIs walked from the statement, e.g. {@code [sp:drugName, sp:code]}
 */
public record FilterDefinition(String parameter, List<String> propertyPath, String codeUriPrefix,
                               String codeUriSuffix) {

    public FilterDefinition {
        propertyPath = List.copyOf(propertyPath);
        if (propertyPath.isEmpty()) {
            throw new IllegalArgumentException("filter " + parameter + " has no property path");
        }
    }

    public static FilterDefinition date(String parameter, List<String> propertyPath) {
        return new FilterDefinition(parameter, propertyPath, null, null);
    }

    public static FilterDefinition code(String parameter, List<String> propertyPath, String prefix, String suffix) {
        return new FilterDefinition(parameter, propertyPath, prefix, suffix);
    }

    public boolean isDateFilter() {
        return codeUriPrefix == null;
    }

    public String codeUri(String value) {
        return codeUriPrefix + value + codeUriSuffix;
    }
}
