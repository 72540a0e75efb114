package org.smartcc.api.infrastructure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.smartcc.api.application.AuditTrail;
import org.smartcc.api.domain.AuditEvent;
import org.smartcc.api.domain.AuditKind;
import org.smartcc.store.Database;
import org.smartcc.store.Jdbc;

/**
 * The audit trail in {@code audit_event} (V16): rows are inserted, never changed or deleted. Concurrent requests'
 * events are committed together ({@link GroupCommit}): every caller still returns only once its event is stored, and
 * a failed write still fails each request whose event it held, but a busy server pays one transaction for the events
 * of many requests (an insert per signed record read cost 40 % of their throughput, docs/benchmarks.md).
 */
public final class JdbcAuditTrail implements AuditTrail {

    private static final String COLUMNS = "event_id, at_ms, kind, user_id, app_id, record_id, set_id, run_id, what,"
            + " outcome";

    private static final String INSERT = "INSERT INTO audit_event (at_ms, kind, user_id, app_id, record_id, set_id,"
            + " run_id, what, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final Jdbc jdbc;
    private final GroupCommit<AuditEvent> inserts;

    public JdbcAuditTrail(Database database) {
        this.jdbc = new Jdbc(database.dataSource());
        this.inserts = new GroupCommit<>(this::insertAll);
    }

    @Override
    public void record(AuditEvent e) {
        inserts.write(e);
    }

    private void insertAll(List<AuditEvent> events) {
        jdbc.inTransaction("recording " + events.size() + " audit events", sql -> {
            for (AuditEvent e : events) {
                sql.update(INSERT, e.at().toEpochMilli(), e.kind().name(), e.userId(), e.appId(), e.recordId(),
                        e.setId(), e.runId(), e.what(), e.outcome());
            }
            return null;
        });
    }

    @Override
    public List<Entry> find(Query query) {
        // the conditions are the code's own text; every value the query brings is a parameter
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> values = new ArrayList<>();
        condition(where, values, " AND at_ms >= ?", query.from().map(Instant::toEpochMilli));
        condition(where, values, " AND at_ms < ?", query.to().map(Instant::toEpochMilli));
        condition(where, values, " AND user_id = ?", query.user());
        condition(where, values, " AND app_id = ?", query.app());
        condition(where, values, " AND record_id = ?", query.record());
        condition(where, values, " AND kind = ?", query.kind().map(Enum::name));
        condition(where, values, " AND event_id < ?", query.before());
        values.add(query.limit());
        return jdbc.list("reading the audit trail", "SELECT " + COLUMNS + " FROM audit_event" + where
                + " ORDER BY event_id DESC LIMIT ?", JdbcAuditTrail::entry, values.toArray());
    }

    private static void condition(StringBuilder where, List<Object> values, String sql, Optional<?> value) {
        value.ifPresent(v -> {
            where.append(sql);
            values.add(v);
        });
    }

    private static Entry entry(ResultSet row) throws SQLException {
        return new Entry(row.getLong(1), new AuditEvent(Instant.ofEpochMilli(row.getLong(2)),
                AuditKind.valueOf(row.getString(3)), row.getString(4), row.getString(5), row.getString(6),
                row.getObject(7) == null ? null : row.getLong(7), row.getObject(8) == null ? null : row.getLong(8),
                row.getString(9), row.getString(10)));
    }
}
