package org.smartcc.records.domain;

import java.util.Map;
import java.util.Optional;

/** A request matched to its call, with the decoded path variables. */
public record CallMatch(ApiCall call, Map<String, String> variables) {

    public CallMatch {
        variables = Map.copyOf(variables);
    }

    public Optional<String> recordId() {
        return Optional.ofNullable(variables.get("record_id"));
    }

    public Optional<String> itemId() {
        return call.itemVariable().map(variables::get);
    }
}
