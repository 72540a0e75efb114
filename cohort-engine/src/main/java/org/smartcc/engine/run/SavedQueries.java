package org.smartcc.engine.run;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import org.smartcc.engine.query.QueryDefinition;
import org.smartcc.engine.query.json.QueryJson;
import org.smartcc.store.domain.CodedException;
import org.smartcc.store.domain.ErrorKind;

/**
 * A user's saved queries (i2b2's query master list): list them with their last runs, read, rename and delete one.
 * Another user's query answers exactly as an absent one, {@code QUERY_NOT_FOUND}, as runs do. Deleting takes a query
 * off the list only: its runs and patient sets stay readable by their ids, and it still counts for the privacy
 * lockout.
 */
public final class SavedQueries {

    /** The most queries one page lists. */
    public static final int MAX_PAGE = 500;

    private final SavedQueryStore store;
    private final LongFunction<Optional<QueryRun>> runs;
    private final Clock clock;

    /** @param runs a run by its id, with its live progress */
    public SavedQueries(SavedQueryStore store, LongFunction<Optional<QueryRun>> runs, Clock clock) {
        this.store = store;
        this.runs = runs;
        this.clock = clock;
    }

    /** A saved query with its latest run, if it has one. */
    public record Listed(SavedQuery query, Optional<QueryRun> lastRun) {
    }

    /** One page of the list, and how many queries the whole list holds. */
    public record Page(List<Listed> queries, long total) {
    }

    /** The user's saved queries, newest first, without deleted ones. */
    public Page list(String user, int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
            throw new CodedException(ErrorKind.INVALID_INPUT, "BAD_PAGE", "offset must be ≥ 0 and limit between 1"
                    + " and " + MAX_PAGE);
        }
        List<Listed> queries = store.list(user, offset, limit).stream()
                .map(q -> new Listed(q, q.lastRunId().flatMap(runs::apply))).toList();
        return new Page(queries, store.count(user));
    }

    public SavedQuery get(String user, long id) {
        return store.find(user, id).orElseThrow(() -> notFound(id));
    }

    /** Renames the query; its stored definition takes the name too, so that a rerun carries it. */
    public SavedQuery rename(String user, long id, String name) {
        QueryName valid = QueryName.of(name);
        QueryDefinition old = get(user, id).definition();
        QueryDefinition renamed = new QueryDefinition(old.id(), valid.value(), old.timing(), old.panels(),
                old.subqueries(), old.temporalConstraints());
        if (!store.rename(user, id, valid, QueryJson.write(renamed))) {
            throw notFound(id);
        }
        return get(user, id);
    }

    public void delete(String user, long id) {
        if (!store.delete(user, id, clock.instant())) {
            throw notFound(id);
        }
    }

    private static RunException notFound(long id) {
        return new RunException(RunException.Code.QUERY_NOT_FOUND, "no query " + id + " of yours");
    }
}
