package org.smartcc.api.infrastructure;

import java.time.Instant;
import java.util.List;
import org.smartcc.api.application.PopulationAudit;
import org.smartcc.api.domain.PopulationRead;
import org.smartcc.store.Database;
import org.smartcc.store.Jdbc;

/** The audit of population reads in {@code population_read_audit} (V14): rows are inserted, never changed. */
public final class JdbcPopulationAudit implements PopulationAudit {

    private final Jdbc jdbc;

    public JdbcPopulationAudit(Database database) {
        this.jdbc = new Jdbc(database.dataSource());
    }

    @Override
    public void record(PopulationRead read) {
        jdbc.update("auditing a population read", "INSERT INTO population_read_audit (app_id, granted_by,"
                + " result_instance_id, collection, format, records, statements, at_ms)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", read.appId(), read.grantedBy(), read.setId(), read.collection(),
                read.kind(), read.records(), read.statements(), read.at().toEpochMilli());
    }

    @Override
    public List<PopulationRead> readsOf(long setId) {
        return jdbc.list("reading the audit of a patient set's population reads", "SELECT app_id, granted_by,"
                + " result_instance_id, collection, format, records, statements, at_ms FROM population_read_audit"
                + " WHERE result_instance_id = ? ORDER BY audit_id", row -> new PopulationRead(row.getString(1),
                row.getString(2), row.getLong(3), row.getString(4), row.getString(5), row.getLong(6), row.getLong(7),
                Instant.ofEpochMilli(row.getLong(8))), setId);
    }
}
