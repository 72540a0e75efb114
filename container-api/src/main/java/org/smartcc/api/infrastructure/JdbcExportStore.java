package org.smartcc.api.infrastructure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.smartcc.api.application.ExportStore;
import org.smartcc.api.domain.ExportFile;
import org.smartcc.api.domain.PopulationExport;
import org.smartcc.store.Database;
import org.smartcc.store.Jdbc;

/** Exports in {@code population_export} and their complete files in {@code population_export_file} (V15). */
public final class JdbcExportStore implements ExportStore {

    private static final String COLUMNS = "export_id, app_id, granted_by, result_instance_id, collections, formats,"
            + " filters, api_base, state, fingerprint, records_total, records_done, bytes, parts_done, message,"
            + " created_ms, finished_ms, expires_ms";
    private static final String FILE_COLUMNS = "export_id, file_no, part, collection, format, file_name, records,"
            + " statements, bytes, last_record_id";

    private final Jdbc jdbc;

    public JdbcExportStore(Database database) {
        this.jdbc = new Jdbc(database.dataSource());
    }

    @Override
    public void create(PopulationExport e) {
        jdbc.update("storing an export", "INSERT INTO population_export (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", e.id(), e.appId(), e.grantedBy(), e.setId(),
                String.join(",", e.collections()), String.join(",", e.formats()), e.filters(), e.apiBase(),
                e.state().name(), e.fingerprint(), e.recordsTotal(), e.recordsDone(), e.bytes(), e.partsDone(),
                e.message(), e.created().toEpochMilli(), millis(e.finished()), millis(e.expires()));
    }

    @Override
    public Optional<PopulationExport> find(String exportId) {
        return jdbc.first("reading an export", "SELECT " + COLUMNS + " FROM population_export WHERE export_id = ?",
                JdbcExportStore::export, exportId);
    }

    @Override
    public void fileDone(ExportFile f, long recordsDone, long bytes) {
        jdbc.inTransaction("recording an export's file", statements -> {
            statements.update("INSERT INTO population_export_file (" + FILE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?,"
                    + " ?, ?, ?)", f.exportId(), f.number(), f.part(), f.collection(), f.format(), f.fileName(),
                    f.records(), f.statements(), f.bytes(), f.lastRecordId());
            statements.update("UPDATE population_export SET records_done = ?, bytes = ? WHERE export_id = ?",
                    recordsDone, bytes, f.exportId());
            return null;
        });
    }

    @Override
    public void progress(String exportId, long recordsDone, long bytes) {
        jdbc.update("recording an export's progress", "UPDATE population_export SET records_done = ?, bytes = ?"
                + " WHERE export_id = ?", recordsDone, bytes, exportId);
    }

    @Override
    public void partDone(String exportId, int partsDone) {
        jdbc.update("recording an export's progress", "UPDATE population_export SET parts_done = ?"
                + " WHERE export_id = ?", partsDone, exportId);
    }

    @Override
    public boolean finish(String exportId, PopulationExport.State state, String message, Instant finished,
                          Instant expires) {
        return jdbc.update("ending an export", "UPDATE population_export SET state = ?, message = ?, finished_ms = ?,"
                + " expires_ms = ? WHERE export_id = ? AND state = 'RUNNING'", state.name(), message,
                finished.toEpochMilli(), expires.toEpochMilli(), exportId) > 0;
    }

    @Override
    public boolean close(String exportId, PopulationExport.State state, Instant at) {
        return jdbc.inTransaction("closing an export", statements -> {
            boolean closed = statements.update("UPDATE population_export SET state = ?, finished_ms ="
                    + " COALESCE(finished_ms, ?) WHERE export_id = ? AND state IN ('RUNNING', 'DONE', 'FAILED')",
                    state.name(), at.toEpochMilli(), exportId) > 0;
            statements.update("DELETE FROM population_export_file WHERE export_id = ?", exportId);
            return closed;
        });
    }

    @Override
    public List<ExportFile> files(String exportId) {
        return jdbc.list("reading an export's files", "SELECT " + FILE_COLUMNS + " FROM population_export_file"
                + " WHERE export_id = ? ORDER BY file_no", row -> new ExportFile(row.getString(1), row.getInt(2),
                row.getInt(3), row.getString(4), row.getString(5), row.getString(6), row.getLong(7), row.getLong(8),
                row.getLong(9), row.getString(10)), exportId);
    }

    @Override
    public List<PopulationExport> running() {
        return jdbc.list("reading the running exports", "SELECT " + COLUMNS + " FROM population_export"
                + " WHERE state = 'RUNNING' ORDER BY created_ms", JdbcExportStore::export);
    }

    @Override
    public List<PopulationExport> expired(Instant now) {
        return jdbc.list("reading the expired exports", "SELECT " + COLUMNS + " FROM population_export"
                + " WHERE state IN ('DONE', 'FAILED') AND expires_ms < ?", JdbcExportStore::export, now.toEpochMilli());
    }

    private static PopulationExport export(ResultSet row) throws SQLException {
        return new PopulationExport(row.getString(1), row.getString(2), row.getString(3), row.getLong(4),
                list(row.getString(5)), list(row.getString(6)), row.getString(7), row.getString(8),
                PopulationExport.State.valueOf(row.getString(9)), row.getString(10), row.getLong(11), row.getLong(12),
                row.getLong(13), row.getInt(14), row.getString(15), Instant.ofEpochMilli(row.getLong(16)),
                instant(row, 17), instant(row, 18));
    }

    private static List<String> list(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        long ms = row.getLong(column);
        return row.wasNull() ? null : Instant.ofEpochMilli(ms);
    }

    private static Long millis(Instant at) {
        return at == null ? null : at.toEpochMilli();
    }
}
