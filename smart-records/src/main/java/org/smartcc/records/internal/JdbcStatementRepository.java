package org.smartcc.records.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.smartcc.records.application.StatementRepository;
import org.smartcc.records.application.StoredStatement;
import org.smartcc.store.ClinicalStore;
import org.smartcc.store.Database;

/**
 * Reads statement facts ({@code concept_cd = 'SMART:<Type>'}, {@code modifier_cd = '@'}) from
 * {@code observation_fact}, by the primary key prefix {@code (patient_num, concept_cd, ...)}, keeping recently read
 * blobs in memory (see {@link BlobCache}).
 */
public final class JdbcStatementRepository implements StatementRepository {

    private static final String CONCEPT_PREFIX = "SMART:";
    /**
     * Blobs up to this many characters are read as plain strings: H2 hands a CLOB column out as a LOB object, which
     * costs ten times the rest of a read; the cast keeps the text inline (on PostgreSQL, TEXT, it changes nothing).
     * Longer blobs, rare, are read on their own.
     */
    static final int INLINE_BLOB = 262_144;
    /** Without the blob's length: on H2 even LENGTH opens the LOB. */
    private static final String KEY_COLUMNS = "SELECT concept_cd, tval_char, instance_num, import_date";
    private static final String BLOB_COLUMN = "CASE WHEN LENGTH(observation_blob) <= " + INLINE_BLOB
            + " THEN CAST(observation_blob AS VARCHAR(" + INLINE_BLOB + ")) END";
    /** Enough for the hot statements of many records; the sample data's blobs total about 14 million characters. */
    private static final long CACHE_CHARS = 64L * 1024 * 1024;

    private final Database db;
    private final StatementInserter inserter;
    private final BlobCache cache = new BlobCache(CACHE_CHARS);

    public JdbcStatementRepository(Database db) {
        this.db = db;
        this.inserter = new StatementInserter(db);
    }

    @Override
    public OptionalInt patientNum(String recordId) {
        String sql = "SELECT patient_num FROM patient_mapping WHERE patient_ide = ? AND patient_ide_source = ? "
                + "AND project_id = ?";
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, recordId);
            ps.setString(2, ClinicalStore.SOURCE);
            ps.setString(3, ClinicalStore.PROJECT);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? OptionalInt.of(rs.getInt(1)) : OptionalInt.empty();
            }
        } catch (SQLException e) {
            throw failed("look up record " + recordId, e);
        }
    }

    /**
     * Two steps: the keys of the matching rows (no blob read), then, only if some blob is not cached, the blobs of
     * those types in one query. Both are range scans on the primary key prefix {@code (patient_num, concept_cd)}.
     */
    @Override
    public List<StoredStatement> statements(int patientNum, Collection<String> types) {
        if (types.isEmpty()) {
            return List.of();
        }
        String where = " FROM observation_fact WHERE patient_num = ? AND concept_cd IN ("
                + String.join(", ", java.util.Collections.nCopies(types.size(), "?")) + ") AND modifier_cd = '@'";
        try (Connection c = db.dataSource().getConnection()) {
            List<BlobCache.Key> keys = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(KEY_COLUMNS + where)) {
                bind(ps, patientNum, types);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        keys.add(key(patientNum, rs));
                    }
                }
            }
            List<StoredStatement> out = new ArrayList<>(keys.size());
            for (BlobCache.Key key : keys) {
                String blob = cache.get(key);
                if (blob == null) {
                    return readAndCache(c, patientNum, types, where);
                }
                out.add(new StoredStatement(key.concept().substring(CONCEPT_PREFIX.length()), key.id(), blob));
            }
            return out;
        } catch (SQLException e) {
            throw failed("read " + types + " of patient " + patientNum, e);
        }
    }

    private List<StoredStatement> readAndCache(Connection c, int patientNum, Collection<String> types, String where)
            throws SQLException {
        List<StoredStatement> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(KEY_COLUMNS + ", LENGTH(observation_blob), " + BLOB_COLUMN + where)) {
            bind(ps, patientNum, types);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    BlobCache.Key key = key(patientNum, rs);
                    String blob = rs.getString(6);
                    if (blob == null && rs.getObject(5) != null) {
                        blob = longBlob(c, patientNum, key.concept(), key.id());
                    }
                    if (blob != null) {
                        cache.put(key, blob);
                        out.add(new StoredStatement(key.concept().substring(CONCEPT_PREFIX.length()), key.id(), blob));
                    }
                }
            }
        }
        return out;
    }

    private static void bind(PreparedStatement ps, int patientNum, Collection<String> types) throws SQLException {
        ps.setInt(1, patientNum);
        int i = 2;
        for (String type : types) {
            ps.setString(i++, CONCEPT_PREFIX + type);
        }
    }

    private static BlobCache.Key key(int patientNum, ResultSet rs) throws SQLException {
        java.sql.Timestamp imported = rs.getTimestamp(4);
        return new BlobCache.Key(patientNum, rs.getString(1), rs.getString(2), rs.getInt(3),
                imported == null ? 0 : imported.getTime() * 1_000_000 + imported.getNanos() % 1_000_000);
    }

    @Override
    public Optional<StoredStatement> statement(int patientNum, String type, String id) {
        String sql = "SELECT concept_cd, tval_char, " + BLOB_COLUMN + ", LENGTH(observation_blob) FROM observation_fact "
                + "WHERE patient_num = ? AND concept_cd = ? AND modifier_cd = '@' AND tval_char = ?";
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, patientNum);
            ps.setString(2, CONCEPT_PREFIX + type);
            ps.setString(3, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getObject(4) == null) {
                    return Optional.empty();
                }
                String blob = rs.getString(3);
                return Optional.of(new StoredStatement(type, id, blob != null ? blob : longBlob(c, patientNum,
                        CONCEPT_PREFIX + type, id)));
            }
        } catch (SQLException e) {
            throw failed("read " + type + " " + id + " of patient " + patientNum, e);
        }
    }

    /** From record_source, which every load replaces and every added statement updates (statement_count). */
    @Override
    public Optional<String> recordVersion(String recordId) {
        String sql = "SELECT patient_num, source_sha256, statement_count, loaded_at FROM record_source WHERE record_id = ?";
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, recordId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getInt(1) + "/" + rs.getString(2) + "/" + rs.getInt(3) + "/"
                        + rs.getTimestamp(4).getTime()) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failed("read the version of record " + recordId, e);
        }
    }

    @Override
    public List<RecordStatement> statementsOfAllRecords(String type) {
        String sql = "SELECT m.patient_ide, f.tval_char, f.observation_blob FROM observation_fact f "
                + "JOIN patient_mapping m ON m.patient_num = f.patient_num AND m.patient_ide_source = ? "
                + "AND m.project_id = ? WHERE f.concept_cd = ? AND f.modifier_cd = '@' ORDER BY m.patient_ide";
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, ClinicalStore.SOURCE);
            ps.setString(2, ClinicalStore.PROJECT);
            ps.setString(3, CONCEPT_PREFIX + type);
            List<RecordStatement> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String blob = rs.getString(3);
                    if (blob != null) {
                        out.add(new RecordStatement(rs.getString(1), new StoredStatement(type, rs.getString(2), blob)));
                    }
                }
            }
            return out;
        } catch (SQLException e) {
            throw failed("read " + type + " of all records", e);
        }
    }

    @Override
    public void add(String recordId, int patientNum, StoredStatement statement, String date) {
        inserter.insert(recordId, patientNum, statement, date);
    }

    private static String longBlob(Connection c, int patientNum, String concept, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT observation_blob FROM observation_fact "
                + "WHERE patient_num = ? AND concept_cd = ? AND modifier_cd = '@' AND tval_char = ?")) {
            ps.setInt(1, patientNum);
            ps.setString(2, concept);
            ps.setString(3, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    static IllegalStateException failed(String what, SQLException e) {
        return new IllegalStateException("could not " + what + ": " + e.getMessage(), e);
    }
}
