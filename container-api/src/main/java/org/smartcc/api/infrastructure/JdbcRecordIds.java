package org.smartcc.api.infrastructure;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.smartcc.oauth.application.RecordIds;
import org.smartcc.store.ClinicalStore;
import org.smartcc.store.Database;

/** SMART record ids as {@code patient_mapping} holds them, in id order (the background-token loop walks this). */
public final class JdbcRecordIds implements RecordIds {

    private static final String WHERE = " FROM patient_mapping WHERE patient_ide_source = '" + ClinicalStore.SOURCE
            + "' AND project_id = '" + ClinicalStore.PROJECT + "'";
    /**
     * The next id by the key's order, which stops at the first row: H2 answered {@code MIN(patient_ide)} over a range
     * by reading the rest of it, so the loop slowed down as the records grew (bench/GrantTokenLoopBenchmark).
     */
    private static final String FIRST_IN_ORDER = " ORDER BY patient_ide FETCH FIRST 1 ROWS ONLY";

    private final Database database;

    public JdbcRecordIds(Database database) {
        this.database = database;
    }

    @Override
    public Optional<String> first() {
        return single("SELECT patient_ide" + WHERE + FIRST_IN_ORDER, null);
    }

    @Override
    public Optional<String> after(String recordId) {
        return single("SELECT patient_ide" + WHERE + " AND patient_ide > ?" + FIRST_IN_ORDER, recordId);
    }

    @Override
    public boolean exists(String recordId) {
        return single("SELECT patient_ide" + WHERE + " AND patient_ide = ?", recordId).isPresent();
    }

    /** The SMART record id of each patient number that has one (synthetic patients have none). */
    public java.util.Map<Integer, String> recordIdsOf(java.util.List<Integer> patientNums) {
        java.util.Map<Integer, String> ids = new java.util.HashMap<>();
        if (patientNums.isEmpty()) {
            return ids;
        }
        String marks = String.join(",", java.util.Collections.nCopies(patientNums.size(), "?"));
        try (Connection c = database.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT patient_num, patient_ide" + WHERE + " AND patient_num IN (" + marks + ")")) {
            for (int i = 0; i < patientNums.size(); i++) {
                ps.setInt(i + 1, patientNums.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.put(rs.getInt(1), rs.getString(2));
                }
            }
            return ids;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("record ids could not be read", e);
        }
    }

    private Optional<String> single(String sql, String parameter) {
        try (Connection c = database.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (parameter != null) {
                ps.setString(1, parameter);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("record ids could not be read", e);
        }
    }
}
