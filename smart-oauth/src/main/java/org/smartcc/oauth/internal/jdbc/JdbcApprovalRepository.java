package org.smartcc.oauth.internal.jdbc;

import java.time.Instant;
import org.smartcc.oauth.application.ApprovalRepository;
import org.smartcc.store.Database;
import org.smartcc.store.Jdbc;

/** Remembered approvals ({@code oauth_approval}); a container-scope app's approval has the record key ''. */
public final class JdbcApprovalRepository implements ApprovalRepository {

    private final Jdbc jdbc;

    public JdbcApprovalRepository(Database database) {
        this.jdbc = new Jdbc(database.dataSource());
    }

    @Override
    public void remember(String appId, String userId, String recordId, Instant approvedAt) {
        jdbc.inTransaction("remembering the approval", statements -> {
            int updated = statements.update("UPDATE oauth_approval SET approved_ms = ? WHERE app_id = ? AND user_id = ?"
                    + " AND record_key = ?", approvedAt.toEpochMilli(), appId, userId, recordKey(recordId));
            if (updated == 0) {
                statements.update("INSERT INTO oauth_approval (app_id, user_id, record_key, approved_ms)"
                        + " VALUES (?, ?, ?, ?)", appId, userId, recordKey(recordId), approvedAt.toEpochMilli());
            }
            return null;
        });
    }

    @Override
    public boolean approvedBefore(String appId, String userId, String recordId) {
        return jdbc.first("reading the approval", "SELECT 1 FROM oauth_approval WHERE app_id = ? AND user_id = ?"
                + " AND record_key = ?", row -> Boolean.TRUE, appId, userId, recordKey(recordId)).isPresent();
    }

    private static String recordKey(String recordId) {
        return recordId == null ? "" : recordId;
    }
}
