package org.smartcc.api.infrastructure;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.smartcc.api.application.SetGrantStore;
import org.smartcc.api.domain.SetGrant;
import org.smartcc.oauth.application.RecordIds;
import org.smartcc.oauth.application.RecordScopes;
import org.smartcc.store.ClinicalStore;
import org.smartcc.store.Database;
import org.smartcc.store.Jdbc;

/**
 * Grants of apps on patient sets in {@code patient_set_grant}, audited in {@code patient_set_grant_audit} (only ever
 * inserted into), and the record scopes they give the background token loop: an app with grants walks the SMART
 * records of the union of its sets, in id order; an app without any walks every record.
 */
public final class JdbcSetGrants implements SetGrantStore, RecordScopes {

    /** The SMART records of patient set members; the query adds what narrows it. */
    private static final String SET_RECORDS = " FROM qt_patient_set_collection c JOIN patient_mapping m"
            + " ON m.patient_num = c.patient_num AND m.patient_ide_source = '" + ClinicalStore.SOURCE + "'"
            + " AND m.project_id = '" + ClinicalStore.PROJECT + "'";
    private static final String IS_RECORD = "m.patient_ide_source = '" + ClinicalStore.SOURCE + "'"
            + " AND m.project_id = '" + ClinicalStore.PROJECT + "'";
    /** Patient {@code m} is a member of grant {@code g}'s set: one index lookup (V13). */
    private static final String MEMBER_OF_GRANT = "EXISTS (SELECT 1 FROM qt_patient_set_collection c"
            + " WHERE c.result_instance_id = g.result_instance_id AND c.patient_num = m.patient_num)";
    /**
     * The SMART records {@code m} in any set granted to the app (the first parameter). The records are walked in id
     * order on patient_mapping's key and each is looked up in the grants' sets, so the next record costs an index
     * step per record passed, never a scan of the sets.
     */
    private static final String GRANTED_RECORD = " FROM patient_mapping m WHERE " + IS_RECORD
            + " AND EXISTS (SELECT 1 FROM patient_set_grant g WHERE g.app_id = ? AND " + MEMBER_OF_GRANT + ")";
    private static final String GRANTS = "SELECT g.result_instance_id, g.app_id, g.granted_by, g.granted_ms,"
            + " (SELECT COUNT(DISTINCT m.patient_ide)" + SET_RECORDS + " WHERE c.result_instance_id"
            + " = g.result_instance_id),"
            + " (SELECT COUNT(*) FROM patient_set_grant_progress p WHERE p.result_instance_id = g.result_instance_id"
            + " AND p.app_id = g.app_id)"
            + " FROM patient_set_grant g WHERE g.result_instance_id = ?";

    private final Jdbc jdbc;

    public JdbcSetGrants(Database database) {
        this.jdbc = new Jdbc(database.dataSource());
    }

    @Override
    public SetGrant grant(long resultId, String appId, String actor, Instant at) {
        jdbc.inTransaction("granting an app a patient set", statements -> {
            boolean granted = statements.first("SELECT 1 FROM patient_set_grant WHERE result_instance_id = ?"
                    + " AND app_id = ?", row -> true, resultId, appId).isPresent();
            if (!granted) {
                statements.update("INSERT INTO patient_set_grant (result_instance_id, app_id, granted_by, granted_ms)"
                        + " VALUES (?, ?, ?, ?)", resultId, appId, actor, at.toEpochMilli());
                audit(statements, resultId, appId, actor, "GRANT", at);
            }
            return null;
        });
        return grantsOf(resultId).stream().filter(g -> g.appId().equals(appId)).findFirst().orElseThrow();
    }

    @Override
    public boolean revoke(long resultId, String appId, String actor, Instant at) {
        return jdbc.inTransaction("revoking an app's grant on a patient set", statements -> {
            statements.update("DELETE FROM patient_set_grant_progress WHERE result_instance_id = ? AND app_id = ?",
                    resultId, appId);
            boolean revoked = statements.update("DELETE FROM patient_set_grant WHERE result_instance_id = ?"
                    + " AND app_id = ?", resultId, appId) > 0;
            if (revoked) {
                audit(statements, resultId, appId, actor, "REVOKE", at);
            }
            return revoked;
        });
    }

    @Override
    public List<SetGrant> grantsOf(long resultId) {
        return jdbc.list("reading the grants of a patient set", GRANTS + " ORDER BY g.app_id",
                row -> new SetGrant(row.getLong(1), row.getString(2), row.getString(3),
                        Instant.ofEpochMilli(row.getLong(4)), row.getLong(5), row.getLong(6)), resultId);
    }

    @Override
    public Optional<RecordIds> of(String appId) {
        boolean granted = jdbc.first("reading an app's grants", "SELECT 1 FROM patient_set_grant WHERE app_id = ?",
                row -> true, appId).isPresent();
        return granted ? Optional.of(new GrantedRecords(appId)) : Optional.empty();
    }

    @Override
    public void handedOut(String appId, String recordId) {
        jdbc.update("counting a record handed out of a granted set",
                "INSERT INTO patient_set_grant_progress (result_instance_id, app_id, record_id)"
                        + " SELECT g.result_instance_id, g.app_id, m.patient_ide FROM patient_set_grant g"
                        + " JOIN patient_mapping m ON " + IS_RECORD + " AND m.patient_ide = ?"
                        + " WHERE g.app_id = ? AND " + MEMBER_OF_GRANT
                        + " AND NOT EXISTS (SELECT 1 FROM patient_set_grant_progress p"
                        + " WHERE p.result_instance_id = g.result_instance_id AND p.app_id = g.app_id"
                        + " AND p.record_id = m.patient_ide)", recordId, appId);
    }

    private static void audit(Jdbc.Statements statements, long resultId, String appId, String actor, String action,
                              Instant at) throws java.sql.SQLException {
        statements.update("INSERT INTO patient_set_grant_audit (result_instance_id, app_id, actor, action, at_ms)"
                + " VALUES (?, ?, ?, ?, ?)", resultId, appId, actor, action, at.toEpochMilli());
    }

    /** The records of the union of an app's granted sets, in id order. */
    private final class GrantedRecords implements RecordIds {

        private final String appId;

        private GrantedRecords(String appId) {
            this.appId = appId;
        }

        @Override
        public Optional<String> first() {
            return jdbc.first("reading an app's granted records", "SELECT m.patient_ide" + GRANTED_RECORD
                    + " ORDER BY m.patient_ide FETCH FIRST 1 ROWS ONLY", row -> row.getString(1), appId);
        }

        @Override
        public Optional<String> after(String recordId) {
            return jdbc.first("reading an app's granted records", "SELECT m.patient_ide" + GRANTED_RECORD
                    + " AND m.patient_ide > ? ORDER BY m.patient_ide FETCH FIRST 1 ROWS ONLY",
                    row -> row.getString(1), appId, recordId);
        }

        @Override
        public boolean exists(String recordId) {
            return jdbc.first("reading an app's granted records", "SELECT 1" + GRANTED_RECORD
                    + " AND m.patient_ide = ?", row -> true, appId, recordId).isPresent();
        }
    }
}
