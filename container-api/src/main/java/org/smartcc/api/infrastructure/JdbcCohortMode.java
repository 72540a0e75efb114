package org.smartcc.api.infrastructure;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.smartcc.api.application.CohortModeStore;
import org.smartcc.api.domain.CohortPosition;
import org.smartcc.store.ClinicalStore;
import org.smartcc.store.Database;
import org.smartcc.store.Jdbc;

/**
 * Cohort mode in the database: the SMART records of a patient set ({@code qt_patient_set_collection} joined to
 * {@code patient_mapping}) in set order, and each user's position in their sets ({@code cohort_mode_position}).
 */
public final class JdbcCohortMode implements CohortModeStore {

    private static final String SET_RECORDS = " FROM qt_patient_set_collection c JOIN patient_mapping m"
            + " ON m.patient_num = c.patient_num AND m.patient_ide_source = '" + ClinicalStore.SOURCE + "'"
            + " AND m.project_id = '" + ClinicalStore.PROJECT + "' WHERE c.result_instance_id = ?";

    private final Jdbc jdbc;

    public JdbcCohortMode(Database database) {
        this.jdbc = new Jdbc(database.dataSource());
    }

    @Override
    public int recordCount(long resultId) {
        return jdbc.first("counting the records of a patient set", "SELECT COUNT(*)" + SET_RECORDS,
                row -> row.getInt(1), resultId).orElse(0);
    }

    @Override
    public List<String> records(long resultId, int offset, int limit) {
        return jdbc.list("reading the records of a patient set", "SELECT m.patient_ide" + SET_RECORDS
                + " ORDER BY c.set_index LIMIT ? OFFSET ?", row -> row.getString(1), resultId, limit, offset);
    }

    @Override
    public Optional<CohortPosition> position(String user, long resultId) {
        return jdbc.first("reading a cohort mode position", "SELECT position, app_id, updated_ms"
                + " FROM cohort_mode_position WHERE user_id = ? AND result_instance_id = ?",
                row -> new CohortPosition(row.getInt(1), Optional.ofNullable(row.getString(2)),
                        Optional.of(Instant.ofEpochMilli(row.getLong(3)))), user, resultId);
    }

    @Override
    public void savePosition(String user, long resultId, CohortPosition position) {
        String appId = position.appId().orElse(null);
        long at = position.updatedAt().orElseThrow().toEpochMilli();
        jdbc.inTransaction("saving a cohort mode position", statements -> {
            int updated = statements.update("UPDATE cohort_mode_position SET position = ?, app_id = ?, updated_ms = ?"
                    + " WHERE user_id = ? AND result_instance_id = ?", position.position(), appId, at, user, resultId);
            if (updated == 0) {
                statements.update("INSERT INTO cohort_mode_position (user_id, result_instance_id, position, app_id,"
                        + " updated_ms) VALUES (?, ?, ?, ?, ?)", user, resultId, position.position(), appId, at);
            }
            return null;
        });
    }
}
