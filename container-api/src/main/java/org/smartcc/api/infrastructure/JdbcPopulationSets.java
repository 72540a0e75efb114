package org.smartcc.api.infrastructure;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.smartcc.api.application.PopulationSets;
import org.smartcc.store.ClinicalStore;
import org.smartcc.store.Database;
import org.smartcc.store.Jdbc;

/**
 * Patient sets as population reads see them: grants in {@code patient_set_grant}, members with a SMART record
 * ({@code qt_patient_set_collection} joined to {@code patient_mapping}) in record id order, and their records'
 * versions in {@code record_source} (what {@code RecordReader.recordVersion} reads).
 */
public final class JdbcPopulationSets implements PopulationSets {

    private static final String SET_RECORDS = " FROM qt_patient_set_collection c JOIN patient_mapping m"
            + " ON m.patient_num = c.patient_num AND m.patient_ide_source = '" + ClinicalStore.SOURCE + "'"
            + " AND m.project_id = '" + ClinicalStore.PROJECT + "'";
    /** Every member with its record's version; records written straight into the star schema have none. */
    private static final String VERSIONS = "SELECT m.patient_ide, r.source_sha256, r.statement_count, r.loaded_at"
            + SET_RECORDS + " LEFT JOIN record_source r ON r.patient_num = m.patient_num"
            + " WHERE c.result_instance_id = ? ORDER BY m.patient_ide";

    private final Database database;
    private final Jdbc jdbc;

    public JdbcPopulationSets(Database database) {
        this.database = database;
        this.jdbc = new Jdbc(database.dataSource());
    }

    @Override
    public Optional<String> grantedBy(long setId, String appId) {
        return jdbc.first("reading an app's grant on a patient set", "SELECT granted_by FROM patient_set_grant"
                + " WHERE result_instance_id = ? AND app_id = ?", row -> row.getString(1), setId, appId);
    }

    /** One pass over the members in id order, hashed as it goes: nothing of the set is held in memory. */
    @Override
    public SetState state(long setId) {
        MessageDigest sha = sha256();
        int records = 0;
        String previous = null;
        try (Connection c = database.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(VERSIONS)) {
            ps.setLong(1, setId);
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String recordId = rs.getString(1);
                    if (recordId.equals(previous)) {
                        continue; // a patient twice in the set is one record
                    }
                    previous = recordId;
                    records++;
                    java.sql.Timestamp loaded = rs.getTimestamp(4);
                    String row = recordId + '\u0000' + rs.getString(2) + '\u0000' + rs.getInt(3) + '\u0000'
                            + (loaded == null ? "-" : Long.toString(loaded.getTime())) + '\n';
                    sha.update(row.getBytes(StandardCharsets.UTF_8));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the records of a patient set failed (SQLSTATE "
                    + e.getSQLState() + ")", e);
        }
        return new SetState(records, HexFormat.of().formatHex(sha.digest()));
    }

    @Override
    public List<String> recordsAfter(long setId, Optional<String> after, int limit) {
        String sql = "SELECT DISTINCT m.patient_ide" + SET_RECORDS + " WHERE c.result_instance_id = ?"
                + (after.isPresent() ? " AND m.patient_ide > ?" : "") + " ORDER BY m.patient_ide LIMIT ?";
        Object[] values = after.isPresent() ? new Object[] {setId, after.get(), limit} : new Object[] {setId, limit};
        return jdbc.list("reading the records of a patient set", sql, row -> row.getString(1), values);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
