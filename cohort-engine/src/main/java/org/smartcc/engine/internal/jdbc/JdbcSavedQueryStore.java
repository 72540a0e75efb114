package org.smartcc.engine.internal.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.smartcc.engine.run.QueryName;
import org.smartcc.engine.run.SavedQuery;
import org.smartcc.engine.run.SavedQueryStore;
import org.smartcc.store.Database;
import org.smartcc.store.Jdbc;

/** Saved queries in {@code qt_query_master} (Flyway V4); a deleted one has {@code deleted_ms} set (V10). */
public final class JdbcSavedQueryStore implements SavedQueryStore {

    private static final String LISTED = " FROM qt_query_master m WHERE m.user_id = ? AND m.deleted_ms IS NULL";
    private static final String QUERY = "SELECT m.query_master_id, m.name, m.user_id, m.create_ms, m.definition_json,"
            + " (SELECT MAX(i.query_instance_id) FROM qt_query_instance i WHERE i.query_master_id = m.query_master_id)"
            + LISTED;

    private final Jdbc jdbc;

    public JdbcSavedQueryStore(Database database) {
        this.jdbc = new Jdbc(database.dataSource());
    }

    @Override
    public List<SavedQuery> list(String user, int offset, int limit) {
        return jdbc.list("listing the saved queries", QUERY + " ORDER BY m.create_ms DESC, m.query_master_id DESC"
                + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", JdbcSavedQueryStore::query, user, offset, limit);
    }

    @Override
    public long count(String user) {
        return jdbc.first("counting the saved queries", "SELECT COUNT(*)" + LISTED, r -> r.getLong(1), user)
                .orElseThrow();
    }

    @Override
    public Optional<SavedQuery> find(String user, long id) {
        return jdbc.first("reading the saved query", QUERY + " AND m.query_master_id = ?", JdbcSavedQueryStore::query,
                user, id);
    }

    @Override
    public boolean rename(String user, long id, QueryName name, String definitionJson) {
        return jdbc.update("renaming the saved query", "UPDATE qt_query_master SET name = ?, definition_json = ?"
                + " WHERE query_master_id = ? AND user_id = ? AND deleted_ms IS NULL", name.value(), definitionJson,
                id, user) == 1;
    }

    @Override
    public boolean delete(String user, long id, Instant at) {
        return jdbc.update("deleting the saved query", "UPDATE qt_query_master SET deleted_ms = ?"
                + " WHERE query_master_id = ? AND user_id = ? AND deleted_ms IS NULL", at.toEpochMilli(), id,
                user) == 1;
    }

    private static SavedQuery query(ResultSet r) throws SQLException {
        return new SavedQuery(r.getLong(1), r.getString(2), r.getString(3), Instant.ofEpochMilli(r.getLong(4)),
                r.getString(5), Optional.ofNullable(r.getObject(6, Long.class)));
    }
}
