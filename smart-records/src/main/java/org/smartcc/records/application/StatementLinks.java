package org.smartcc.records.application;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.smartcc.store.SmartOntology;
import org.smartcc.store.domain.StatementType;

/**
 * Tells which stored statement a statement URI names: the collection segment of its path gives the type (from the
 * ontology's {@code api:base_path}s), the last segment the id.
 */
final class StatementLinks {

    /** A statement named by an URI. */
    record Target(String type, String id) {
    }

    private final Map<String, String> typeByCollection = new HashMap<>();

    StatementLinks(SmartOntology ontology) {
        String prefix = "/records/{record_id}/";
        for (StatementType type : ontology.statementTypes()) {
            String path = type.basePath();
            if (path.startsWith(prefix) && path.length() > prefix.length()) {
                typeByCollection.put(path.substring(prefix.length()).split("/")[0], type.name());
            }
        }
    }

    /** @param recordPrefix {@code {api_base}/records/{record_id}/} */
    Optional<Target> resolve(String uri, String recordPrefix) {
        if (!uri.startsWith(recordPrefix)) {
            return Optional.empty();
        }
        String rest = uri.substring(recordPrefix.length());
        int slash = rest.indexOf('/');
        String collection = slash < 0 ? rest : rest.substring(0, slash);
        String id = slash < 0 ? rest : rest.substring(slash + 1);
        String type = typeByCollection.get(collection);
        return type == null || id.isEmpty() || id.contains("/") ? Optional.empty() : Optional.of(new Target(type, id));
    }
}
