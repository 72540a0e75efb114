package org.smartcc.records.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;
import org.smartcc.records.application.StoredStatement;
import org.smartcc.store.ClinicalStore;
import org.smartcc.store.Database;
import org.smartcc.store.domain.Concept;
import org.smartcc.store.domain.ConceptPaths;
import org.smartcc.store.domain.SmartDates;

/**
 * Adds one statement to a stored record as the clinical store would have stored it (docs/data-model.md): a
 * statement fact with the next instance number, on the record's visit of that day (created if missing), its
 * statement-type concept, and the record's statement count. Used for posted clinical notes, which carry no codes, so
 * the statement fact is their only fact.
 */
final class StatementInserter {

    /** i2b2 needs a start date on every fact; the loader uses the same fallback for undated statements. */
    private static final LocalDateTime UNKNOWN_DATE = LocalDate.of(1900, 1, 1).atStartOfDay();
    private static final int NO_ENCOUNTER = -1;

    private final Database db;

    StatementInserter(Database db) {
        this.db = db;
    }

    void insert(String recordId, int patientNum, StoredStatement statement, String date) {
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                LocalDateTime birth = lockPatient(c, patientNum);
                Optional<LocalDateTime> start = SmartDates.parse(date);
                int encounterNum = start.isEmpty() ? NO_ENCOUNTER : dayVisit(c, recordId, patientNum, start.get());
                insertFact(c, patientNum, encounterNum, start.orElse(birth == null ? UNKNOWN_DATE : birth), statement);
                insertConcepts(c, statement.type());
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE record_source SET statement_count = statement_count + 1 WHERE patient_num = ?")) {
                    ps.setInt(1, patientNum);
                    ps.executeUpdate();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw JdbcStatementRepository.failed("add " + statement.type() + " to record " + recordId, e);
        }
    }

    /** Locks the patient row so concurrent posts to one record take distinct instance numbers; returns the birth date. */
    private static LocalDateTime lockPatient(Connection c, int patientNum) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT birth_date FROM patient_dimension WHERE patient_num = ? FOR UPDATE")) {
            ps.setInt(1, patientNum);
            try (ResultSet rs = ps.executeQuery()) {
                Timestamp birth = rs.next() ? rs.getTimestamp(1) : null;
                return birth == null ? null : birth.toLocalDateTime();
            }
        }
    }

    /** The record's visit of that day ({@code day:YYYY-MM-DD}), as the loader keys visits of statements. */
    private int dayVisit(Connection c, String recordId, int patientNum, LocalDateTime start) throws SQLException {
        String key = "day:" + start.toLocalDate();
        try (PreparedStatement ps = c.prepareStatement("SELECT encounter_num FROM encounter_mapping WHERE "
                + "encounter_ide = ? AND encounter_ide_source = ? AND project_id = ? AND patient_ide = ? "
                + "AND patient_ide_source = ?")) {
            ps.setString(1, key);
            ps.setString(2, ClinicalStore.SOURCE);
            ps.setString(3, ClinicalStore.PROJECT);
            ps.setString(4, recordId);
            ps.setString(5, ClinicalStore.SOURCE);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return rs.getInt(1);
                }
            }
        }
        int encounterNum;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + db.dialect().nextValue("encounter_num_seq"))) {
            rs.next();
            encounterNum = rs.getInt(1);
        }
        Timestamp now = Timestamp.valueOf(LocalDateTime.now());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO visit_dimension (encounter_num, patient_num, "
                + "active_status_cd, start_date, import_date, sourcesystem_cd) VALUES (?, ?, 'Active', ?, ?, ?)")) {
            ps.setInt(1, encounterNum);
            ps.setInt(2, patientNum);
            ps.setTimestamp(3, Timestamp.valueOf(start.toLocalDate().atStartOfDay()));
            ps.setTimestamp(4, now);
            ps.setString(5, ClinicalStore.SOURCE);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO encounter_mapping (encounter_ide, "
                + "encounter_ide_source, project_id, encounter_num, patient_ide, patient_ide_source, "
                + "encounter_ide_status, import_date) VALUES (?, ?, ?, ?, ?, ?, 'Active', ?)")) {
            ps.setString(1, key);
            ps.setString(2, ClinicalStore.SOURCE);
            ps.setString(3, ClinicalStore.PROJECT);
            ps.setInt(4, encounterNum);
            ps.setString(5, recordId);
            ps.setString(6, ClinicalStore.SOURCE);
            ps.setTimestamp(7, now);
            ps.executeUpdate();
        }
        return encounterNum;
    }

    private static void insertFact(Connection c, int patientNum, int encounterNum, LocalDateTime start,
                                   StoredStatement statement) throws SQLException {
        int instance;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COALESCE(MAX(instance_num), 0) + 1 FROM observation_fact WHERE patient_num = ?")) {
            ps.setInt(1, patientNum);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                instance = rs.getInt(1);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO observation_fact (encounter_num, patient_num, "
                + "concept_cd, provider_id, start_date, modifier_cd, instance_num, valtype_cd, tval_char, "
                + "observation_blob, import_date, sourcesystem_cd) VALUES (?, ?, ?, '@', ?, '@', ?, 'B', ?, ?, ?, ?)")) {
            ps.setInt(1, encounterNum);
            ps.setInt(2, patientNum);
            ps.setString(3, "SMART:" + statement.type());
            ps.setTimestamp(4, Timestamp.valueOf(start));
            ps.setInt(5, instance);
            ps.setString(6, statement.id());
            ps.setString(7, statement.ntriples());
            ps.setTimestamp(8, Timestamp.valueOf(LocalDateTime.now()));
            ps.setString(9, ClinicalStore.SOURCE);
            ps.executeUpdate();
        }
    }

    /** The {@code \SMART\Statement types\<Type>\} concept and its folders, added if this is the first of its type. */
    private static void insertConcepts(Connection c, String type) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO concept_dimension (concept_path, concept_cd, "
                + "name_char, import_date, sourcesystem_cd) SELECT ?, ?, ?, ?, ? "
                + "WHERE NOT EXISTS (SELECT 1 FROM concept_dimension WHERE concept_path = ?)")) {
            for (Concept concept : ConceptPaths.withFolders("SMART:" + type, type, "Statement types")) {
                ps.setString(1, concept.path());
                ps.setString(2, concept.code());
                ps.setString(3, concept.name());
                ps.setTimestamp(4, Timestamp.valueOf(LocalDateTime.now()));
                ps.setString(5, ClinicalStore.SOURCE);
                ps.setString(6, concept.path());
                ps.executeUpdate();
            }
        }
    }
}
