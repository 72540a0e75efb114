package org.smartcc.store.internal.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.smartcc.store.Database;
import org.smartcc.store.domain.ClinicalRecord;
import org.smartcc.store.domain.Concept;
import org.smartcc.store.domain.Fact;
import org.smartcc.store.domain.InvalidRecordException;
import org.smartcc.store.domain.StoreSummary;
import org.smartcc.store.domain.Visit;

/**
 * Writes and reads records in the i2b2 star schema. A record is replaced whole in one transaction: a failure leaves
 * the previous version of that record, and every other record, as it was.
 */
public final class JdbcClinicalStore {

    /** The identifier source and project under which SMART record ids are mapped to patient_num. */
    public static final String SOURCE = "SMART";
    public static final String PROJECT = "SMARTCC";
    static final int NO_ENCOUNTER = -1;

    private final Database db;

    public JdbcClinicalStore(Database db) {
        this.db = db;
    }

    /** The stored hash of a record's source, if the record is stored. */
    public Optional<String> sourceHash(String recordId) {
        return queryOne("SELECT source_sha256 FROM record_source WHERE record_id = ?", recordId);
    }

    public Optional<Integer> patientNum(String recordId) {
        return queryOne("SELECT patient_num FROM patient_mapping WHERE patient_ide = ? AND patient_ide_source = '"
                + SOURCE + "' AND project_id = '" + PROJECT + "'", recordId);
    }

    /** Stores a record, replacing any earlier version of it; returns its patient_num. */
    public int replace(ClinicalRecord record) {
        return replace(record, null);
    }

    /**
     * Stores a record under a given patient_num, replacing any earlier version of it: for records imported from an i2b2
     * warehouse, whose patient sets (made on the warehouse) name its patient_nums.
     *
     * @throws InvalidRecordException {@code PATIENT_NUM_TAKEN} when the record is stored under another patient_num,
     *     or the patient_num is another record's
     */
    public int replace(ClinicalRecord record, int patientNum) {
        return replace(record, Integer.valueOf(patientNum));
    }

    private int replace(ClinicalRecord record, Integer wantedPatientNum) {
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                boolean stored = patientNumOf(c, record.recordId()).isPresent();
                int patientNum = wantedPatientNum == null ? patientNum(c, record.recordId())
                        : mapPatientNum(c, record.recordId(), wantedPatientNum);
                // A record not stored before has nothing to delete (the deletes scan tables without a patient index).
                if (stored) {
                    delete(c, patientNum);
                }
                insertPatient(c, patientNum, record);
                Map<String, Integer> encounters = insertVisits(c, patientNum, record);
                insertFacts(c, patientNum, record, encounters);
                insertConcepts(c, record);
                c.commit();
                return patientNum;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not store record " + record.recordId() + ": " + e.getMessage(), e);
        }
    }

    public StoreSummary summary() {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            Map<String, Long> byType = new TreeMap<>();
            try (ResultSet rs = s.executeQuery("SELECT concept_cd, COUNT(*) FROM observation_fact "
                    + "WHERE concept_cd LIKE 'SMART:%' AND modifier_cd = '@' GROUP BY concept_cd")) {
                while (rs.next()) {
                    byType.put(rs.getString(1).substring("SMART:".length()), rs.getLong(2));
                }
            }
            return new StoreSummary(count(s, "record_source"), count(s, "observation_fact"),
                    count(s, "visit_dimension"), count(s, "concept_dimension"), byType);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read store summary: " + e.getMessage(), e);
        }
    }

    private static long count(Statement s, String table) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private int patientNum(Connection c, String recordId) throws SQLException {
        Optional<Integer> mapped = patientNumOf(c, recordId);
        return mapped.isPresent() ? mapped.get() : insertMapping(c, recordId, freePatientNum(c));
    }

    /**
     * The sequence's next patient_num that no record has: records imported from an i2b2 warehouse keep the
     * warehouse's numbers, which the sequence knows nothing of, and two records under one number would share facts.
     */
    private int freePatientNum(Connection c) throws SQLException {
        try (PreparedStatement taken = c.prepareStatement("SELECT 1 FROM patient_mapping WHERE patient_num = ?")) {
            while (true) {
                int candidate = nextValue(c, "patient_num_seq");
                taken.setInt(1, candidate);
                try (ResultSet rs = taken.executeQuery()) {
                    if (!rs.next()) {
                        return candidate;
                    }
                }
            }
        }
    }

    private static Optional<Integer> patientNumOf(Connection c, String recordId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT patient_num FROM patient_mapping "
                + "WHERE patient_ide = ? AND patient_ide_source = ? AND project_id = ?")) {
            ps.setString(1, recordId);
            ps.setString(2, SOURCE);
            ps.setString(3, PROJECT);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getInt(1)) : Optional.empty();
            }
        }
    }

    private static int mapPatientNum(Connection c, String recordId, int patientNum) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT patient_ide, patient_num FROM patient_mapping "
                + "WHERE (patient_ide = ? OR patient_num = ?) AND patient_ide_source = ? AND project_id = ?")) {
            ps.setString(1, recordId);
            ps.setInt(2, patientNum);
            ps.setString(3, SOURCE);
            ps.setString(4, PROJECT);
            boolean mapped = false;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (!rs.getString(1).equals(recordId) || rs.getInt(2) != patientNum) {
                        throw new InvalidRecordException("PATIENT_NUM_TAKEN", "record " + recordId + " cannot be "
                                + "stored as patient_num " + patientNum + ": record " + rs.getString(1)
                                + " is stored as patient_num " + rs.getInt(2));
                    }
                    mapped = true;
                }
            }
            if (mapped) {
                return patientNum;
            }
        }
        return insertMapping(c, recordId, patientNum);
    }

    private static int insertMapping(Connection c, String recordId, int patientNum) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO patient_mapping (patient_ide, patient_ide_source, "
                + "patient_num, patient_ide_status, project_id, import_date) VALUES (?, ?, ?, 'Active', ?, ?)")) {
            ps.setString(1, recordId);
            ps.setString(2, SOURCE);
            ps.setInt(3, patientNum);
            ps.setString(4, PROJECT);
            ps.setTimestamp(5, now());
            ps.executeUpdate();
        }
        return patientNum;
    }

    private int nextValue(Connection c, String sequence) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT " + db.dialect().nextValue(sequence))) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void delete(Connection c, int patientNum) throws SQLException {
        for (String table : new String[] {"observation_fact", "visit_dimension", "patient_dimension", "record_source"}) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE patient_num = ?")) {
                ps.setInt(1, patientNum);
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM encounter_mapping WHERE patient_ide = "
                + "(SELECT patient_ide FROM patient_mapping WHERE patient_num = ? AND patient_ide_source = ? AND project_id = ?)")) {
            ps.setInt(1, patientNum);
            ps.setString(2, SOURCE);
            ps.setString(3, PROJECT);
            ps.executeUpdate();
        }
    }

    private static void insertPatient(Connection c, int patientNum, ClinicalRecord r) throws SQLException {
        var d = r.demographics();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO patient_dimension (patient_num, vital_status_cd, "
                + "birth_date, death_date, sex_cd, language_cd, race_cd, zip_cd, import_date, sourcesystem_cd) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setInt(1, patientNum);
            ps.setString(2, d.deathDate() == null ? "N" : "Y");
            ps.setTimestamp(3, d.birthDate() == null ? null : Timestamp.valueOf(d.birthDate().atStartOfDay()));
            ps.setTimestamp(4, d.deathDate() == null ? null : Timestamp.valueOf(d.deathDate().atStartOfDay()));
            ps.setString(5, d.sexCode());
            ps.setString(6, d.languageCode());
            ps.setString(7, d.raceCode());
            ps.setString(8, d.zipCode());
            ps.setTimestamp(9, now());
            ps.setString(10, SOURCE);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO record_source (patient_num, record_id, source_name, "
                + "source_sha256, statement_count, loaded_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setInt(1, patientNum);
            ps.setString(2, r.recordId());
            ps.setString(3, r.sourceName());
            ps.setString(4, r.sourceSha256());
            ps.setInt(5, r.statementCount());
            ps.setTimestamp(6, now());
            ps.executeUpdate();
        }
    }

    private Map<String, Integer> insertVisits(Connection c, int patientNum, ClinicalRecord r) throws SQLException {
        Map<String, Integer> encounters = new HashMap<>();
        try (PreparedStatement visit = c.prepareStatement("INSERT INTO visit_dimension (encounter_num, patient_num, "
                + "active_status_cd, start_date, end_date, inout_cd, import_date, sourcesystem_cd) "
                + "VALUES (?, ?, 'Active', ?, ?, ?, ?, ?)");
             PreparedStatement mapping = c.prepareStatement("INSERT INTO encounter_mapping (encounter_ide, "
                     + "encounter_ide_source, project_id, encounter_num, patient_ide, patient_ide_source, "
                     + "encounter_ide_status, import_date) VALUES (?, ?, ?, ?, ?, ?, 'Active', ?)")) {
            for (Visit v : r.visits()) {
                int encounterNum = nextValue(c, "encounter_num_seq");
                encounters.put(v.key(), encounterNum);
                visit.setInt(1, encounterNum);
                visit.setInt(2, patientNum);
                visit.setTimestamp(3, timestamp(v.startDate()));
                visit.setTimestamp(4, timestamp(v.endDate()));
                visit.setString(5, v.inOutCode());
                visit.setTimestamp(6, now());
                visit.setString(7, SOURCE);
                visit.addBatch();
                mapping.setString(1, v.key());
                mapping.setString(2, SOURCE);
                mapping.setString(3, PROJECT);
                mapping.setInt(4, encounterNum);
                mapping.setString(5, r.recordId());
                mapping.setString(6, SOURCE);
                mapping.setTimestamp(7, now());
                mapping.addBatch();
            }
            visit.executeBatch();
            mapping.executeBatch();
        }
        return encounters;
    }

    private static void insertFacts(Connection c, int patientNum, ClinicalRecord r, Map<String, Integer> encounters)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO observation_fact (encounter_num, patient_num, "
                + "concept_cd, provider_id, start_date, modifier_cd, instance_num, valtype_cd, tval_char, nval_num, "
                + "valueflag_cd, units_cd, end_date, observation_blob, import_date, sourcesystem_cd) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            Timestamp now = now();
            for (Fact f : r.facts()) {
                ps.setInt(1, f.visitKey() == null ? NO_ENCOUNTER : encounters.get(f.visitKey()));
                ps.setInt(2, patientNum);
                ps.setString(3, f.conceptCode());
                ps.setString(4, Fact.NO_PROVIDER);
                ps.setTimestamp(5, timestamp(f.startDate()));
                ps.setString(6, f.modifierCode());
                ps.setInt(7, f.instanceNum());
                ps.setString(8, f.valueType());
                ps.setString(9, f.textValue());
                ps.setBigDecimal(10, f.numberValue());
                ps.setString(11, f.valueFlag());
                ps.setString(12, f.units() == null || f.units().length() <= 50 ? f.units() : f.units().substring(0, 50));
                ps.setTimestamp(13, timestamp(f.endDate()));
                if (f.blob() == null) {
                    ps.setNull(14, Types.CLOB);
                } else {
                    ps.setString(14, f.blob());
                }
                ps.setTimestamp(15, now);
                ps.setString(16, SOURCE);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Concepts are shared by all records: add the ones not there yet, never change or remove existing ones. */
    private static void insertConcepts(Connection c, ClinicalRecord r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO concept_dimension (concept_path, concept_cd, "
                + "name_char, import_date, sourcesystem_cd) SELECT ?, ?, ?, ?, ? "
                + "WHERE NOT EXISTS (SELECT 1 FROM concept_dimension WHERE concept_path = ?)")) {
            for (Concept concept : r.concepts()) {
                ps.setString(1, concept.path());
                ps.setString(2, concept.code());
                ps.setString(3, concept.name().length() > 2000 ? concept.name().substring(0, 2000) : concept.name());
                ps.setTimestamp(4, now());
                ps.setString(5, SOURCE);
                ps.setString(6, concept.path());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private <T> Optional<T> queryOne(String sql, String parameter) {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                @SuppressWarnings("unchecked")
                T value = rs.next() ? (T) rs.getObject(1) : null;
                return Optional.ofNullable(value);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + e.getMessage(), e);
        }
    }

    private static Timestamp timestamp(LocalDateTime t) {
        return t == null ? null : Timestamp.valueOf(t);
    }

    private static Timestamp now() {
        return Timestamp.valueOf(LocalDateTime.now());
    }
}
