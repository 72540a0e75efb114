package org.smartcc.records.domain;

import java.util.List;
import java.util.Optional;

/**
 * One {@code api:Call} of the SMART ontology.
 *
 * @param name         the client method name, e.g. {@code get_medications}
 * @param httpMethod   GET, POST, PUT or DELETE
 * @param targetClass  local name of the {@code sp:} target class, e.g. {@code Medication}
 * @param defaultSort  full URI of the sort property ({@code api:defaultSort} expanded), or null
 * @param parameters   names of the call's other query parameters ({@code api:hasParameter})
 */
public record ApiCall(String name, String httpMethod, PathTemplate path, CallCategory category,
                      Cardinality cardinality, String targetClass, String defaultSort,
                      List<FilterDefinition> filters, List<String> parameters) {

    public ApiCall {
        filters = List.copyOf(filters);
        parameters = List.copyOf(parameters);
    }

    public Optional<FilterDefinition> filter(String parameter) {
        return filters.stream().filter(f -> f.parameter().equals(parameter)).findFirst();
    }

    /** The variable naming one item of a collection ({@code medication_id}), if the path has one. */
    public Optional<String> itemVariable() {
        return path.variables().stream().filter(v -> !v.equals("record_id")).reduce((first, last) -> last);
    }
}
