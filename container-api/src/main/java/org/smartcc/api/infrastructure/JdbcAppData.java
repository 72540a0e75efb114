package org.smartcc.api.infrastructure;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.smartcc.api.domain.AppData;
import org.smartcc.api.domain.AppDataKind;
import org.smartcc.store.Database;

/**
 * Preferences and scratchpads in their tables (Flyway V3). Writes are last-write-wins, as in the reference
 * container; a concurrent first write that loses the insert race updates instead.
 */
public final class JdbcAppData {

    private final Database db;

    public JdbcAppData(Database db) {
        this.db = db;
    }

    /** @param owner the user id (preferences) or record id (scratchpad) */
    public Optional<AppData> find(AppDataKind kind, String owner, String appId) {
        String sql = "SELECT content_type, data FROM " + table(kind) + " WHERE " + ownerColumn(kind) + " = ? AND app_id = ?";
        try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, owner);
            s.setString(2, appId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new AppData(r.getString(1), r.getBytes(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading " + kind + " failed: " + e.getMessage(), e);
        }
    }

    public void put(AppDataKind kind, String owner, String appId, AppData value) {
        String update = "UPDATE " + table(kind) + " SET content_type = ?, data = ?, updated_ms = ? WHERE "
                + ownerColumn(kind) + " = ? AND app_id = ?";
        String insert = "INSERT INTO " + table(kind) + " (" + ownerColumn(kind)
                + ", app_id, content_type, data, updated_ms) VALUES (?, ?, ?, ?, ?)";
        long now = System.currentTimeMillis();
        try (Connection c = db.dataSource().getConnection()) {
            for (int attempt = 0; ; attempt++) {
                try (PreparedStatement u = c.prepareStatement(update)) {
                    u.setString(1, value.contentType());
                    u.setBytes(2, value.data());
                    u.setLong(3, now);
                    u.setString(4, owner);
                    u.setString(5, appId);
                    if (u.executeUpdate() > 0) {
                        return;
                    }
                }
                try (PreparedStatement i = c.prepareStatement(insert)) {
                    i.setString(1, owner);
                    i.setString(2, appId);
                    i.setString(3, value.contentType());
                    i.setBytes(4, value.data());
                    i.setLong(5, now);
                    i.executeUpdate();
                    return;
                } catch (SQLException e) {
                    if (attempt > 0 || !isDuplicateKey(e)) {
                        throw e;
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("storing " + kind + " failed: " + e.getMessage(), e);
        }
    }

    public boolean delete(AppDataKind kind, String owner, String appId) {
        String sql = "DELETE FROM " + table(kind) + " WHERE " + ownerColumn(kind) + " = ? AND app_id = ?";
        try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, owner);
            s.setString(2, appId);
            return s.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new IllegalStateException("deleting " + kind + " failed: " + e.getMessage(), e);
        }
    }

    private static boolean isDuplicateKey(SQLException e) {
        return "23505".equals(e.getSQLState());
    }

    private static String table(AppDataKind kind) {
        return kind == AppDataKind.PREFERENCES ? "user_preferences" : "record_scratchpad";
    }

    private static String ownerColumn(AppDataKind kind) {
        return kind == AppDataKind.PREFERENCES ? "user_id" : "record_id";
    }
}
