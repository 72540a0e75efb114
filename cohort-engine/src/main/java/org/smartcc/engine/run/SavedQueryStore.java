package org.smartcc.engine.run;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The query masters of users as a list of saved queries. Every call is about one user's masters that are not deleted:
 * another user's or a deleted master is absent here, while its runs stay in the {@link QueryRunStore}.
 */
public interface SavedQueryStore {

    /** A page of the user's saved queries, newest first. */
    List<SavedQuery> list(String user, int offset, int limit);

    /** How many saved queries the user has. */
    long count(String user);

    Optional<SavedQuery> find(String user, long id);

    /** Gives the query a new name, also in its stored definition; false when the user has no such query. */
    boolean rename(String user, long id, QueryName name, String definitionJson);

    /** Takes the query off the list (a soft delete); false when the user has no such query. */
    boolean delete(String user, long id, Instant at);
}
