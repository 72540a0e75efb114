package org.smartcc.engine.run;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.smartcc.engine.query.QueryDefinition;

/**
 * A query to run for a user: the definition, its JSON text as stored, the results wanted, and the roles that decide
 * whether the user sees exact counts.
 *
 * @param timeout the run is stopped and marked TIMEDOUT after it; empty for the engine's default
 */
public record RunRequest(QueryDefinition definition, String definitionJson, String user, Set<String> roles,
                         List<ResultType> results, Optional<Duration> timeout) {

    public RunRequest {
        roles = Set.copyOf(roles);
        results = List.copyOf(results.isEmpty() ? List.of(ResultType.PATIENT_COUNT_XML) : results);
    }
}
