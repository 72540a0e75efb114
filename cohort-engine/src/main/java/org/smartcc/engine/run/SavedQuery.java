package org.smartcc.engine.run;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.smartcc.engine.query.QueryDefinition;
import org.smartcc.engine.query.json.QueryJson;

/**
 * A query master as its user keeps it (i2b2's query master list): every run stores one, named after the definition.
 *
 * @param definitionJson the definition in the cohort JSON form, as stored
 * @param lastRunId      the latest run (query instance) of it, if any
 */
public record SavedQuery(long id, String name, String user, Instant created, String definitionJson,
                         Optional<Long> lastRunId) {

    public SavedQuery {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(definitionJson, "definitionJson");
        Objects.requireNonNull(lastRunId, "lastRunId");
    }

    /** The stored definition under the query's name (a run of a nameless definition is saved as "query"). */
    public QueryDefinition definition() {
        QueryDefinition stored = QueryJson.read(definitionJson);
        return new QueryDefinition(stored.id(), name, stored.timing(), stored.panels(), stored.subqueries(),
                stored.temporalConstraints());
    }
}
