package org.smartcc.engine.internal.jdbc;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import org.smartcc.engine.Snapshot;
import org.smartcc.engine.SnapshotException;
import org.smartcc.store.Database;

/** Rows of {@code parquet_snapshot}: a snapshot exists for the engine only once its row is committed. */
public final class SnapshotRegistry {

    private static final String SELECT = "SELECT snapshot_id, created_at, location, patient_count, fact_count"
            + " FROM parquet_snapshot";

    private final Database database;

    public SnapshotRegistry(Database database) {
        this.database = database;
    }

    public void register(Snapshot snapshot) {
        String sql = "INSERT INTO parquet_snapshot (snapshot_id, created_at, location, patient_count, fact_count)"
                + " VALUES (?, ?, ?, ?, ?)";
        try (Connection c = database.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, snapshot.id());
            ps.setTimestamp(2, Timestamp.from(snapshot.createdAt()));
            ps.setString(3, snapshot.location().toAbsolutePath().toString());
            ps.setLong(4, snapshot.patientCount());
            ps.setLong(5, snapshot.factCount());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new SnapshotException("snapshot " + snapshot.id() + " was written but could not be registered", e);
        }
    }

    public Optional<Snapshot> latest() {
        return first(SELECT + " ORDER BY created_at DESC, snapshot_id DESC", null);
    }

    /** The registered snapshot with this id (a batch job may name an older one than the latest). */
    public Optional<Snapshot> byId(String snapshotId) {
        return first(SELECT + " WHERE snapshot_id = ?", snapshotId);
    }

    private Optional<Snapshot> first(String sql, String snapshotId) {
        try (Connection c = database.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setMaxRows(1);
            if (snapshotId != null) {
                ps.setString(1, snapshotId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Snapshot(rs.getString(1), rs.getTimestamp(2).toInstant(),
                        Path.of(rs.getString(3)), rs.getLong(4), rs.getLong(5)));
            }
        } catch (SQLException e) {
            throw new SnapshotException("the snapshot registry could not be read", e);
        }
    }
}
