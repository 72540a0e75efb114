package org.smartcc.store.internal.i2b2;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.smartcc.store.Database;

/**
 * Reads an i2b2 warehouse (CRC star schema) patient by patient: {@code patient_dimension}, {@code visit_dimension}
 * and the LOINC, ICD-9 and NDC rows of {@code observation_fact}, each ordered by {@code patient_num} and merged, so
 * only one patient's rows are held at a time. Reads only, in one read-only transaction.
 */
public final class WarehouseReader {

    /** The facts that become SMART statements; the others (DEM|, birn:, Affy:, reports, ...) are not read. */
    private static final String[] PREFIXES = {"LOINC:%", "ICD9:%", "NDC:%"};
    private static final String FACT_FILTER = "(concept_cd LIKE ? OR concept_cd LIKE ? OR concept_cd LIKE ?)";
    private static final int FETCH = 2_000;

    /** What the reader hands over: each patient, and rows whose patient_num has no patient_dimension row. */
    public interface Visitor {
        void patient(WarehousePatient patient);

        void orphanRows(int patientNum, String table, int rows);
    }

    private WarehouseReader() {
    }

    /** {@code name_char} by {@code concept_cd} of the concepts the facts read use (the first name of a code). */
    public static Map<String, String> conceptNames(Database warehouse) throws SQLException {
        Map<String, String> names = new HashMap<>();
        try (Connection c = warehouse.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT concept_cd, MIN(name_char) FROM concept_dimension "
                     + "WHERE " + FACT_FILTER + " GROUP BY concept_cd")) {
            prefixes(ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String name = text(rs, 2);
                    if (name != null) {
                        names.put(rs.getString(1), name);
                    }
                }
            }
        }
        return names;
    }

    public static void read(Database warehouse, Visitor visitor) throws SQLException {
        try (Connection c = warehouse.dataSource().getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            // PostgreSQL streams a result set only inside a transaction; without one it reads all rows at once.
            c.setAutoCommit(false);
            try (PreparedStatement patients = statement(c, "SELECT patient_num, sex_cd, birth_date, death_date, "
                         + "zip_cd, race_cd, language_cd FROM patient_dimension ORDER BY patient_num");
                 PreparedStatement visits = statement(c, "SELECT patient_num, encounter_num, start_date, end_date, "
                         + "inout_cd FROM visit_dimension ORDER BY patient_num, start_date, encounter_num");
                 PreparedStatement facts = statement(c, "SELECT patient_num, encounter_num, concept_cd, modifier_cd, "
                         + "instance_num, start_date, end_date, valtype_cd, tval_char, nval_num, valueflag_cd, "
                         + "units_cd FROM observation_fact WHERE " + FACT_FILTER + " ORDER BY patient_num, "
                         + "start_date, concept_cd, encounter_num, modifier_cd, instance_num")) {
                prefixes(facts, 1);
                try (ResultSet p = patients.executeQuery(); ResultSet v = visits.executeQuery();
                     ResultSet f = facts.executeQuery()) {
                    merge(p, new Cursor(v, "visit_dimension"), new Cursor(f, "observation_fact"), visitor);
                }
            } finally {
                c.rollback();
                c.setAutoCommit(autoCommit);
            }
        }
    }

    private static void merge(ResultSet patients, Cursor visits, Cursor facts, Visitor visitor) throws SQLException {
        while (patients.next()) {
            int patientNum = patients.getInt(1);
            visits.skipBefore(patientNum, visitor);
            facts.skipBefore(patientNum, visitor);
            List<WarehousePatient.Visit> patientVisits = new ArrayList<>();
            while (visits.at(patientNum)) {
                ResultSet v = visits.rows;
                patientVisits.add(new WarehousePatient.Visit(v.getInt(2), time(v, 3), time(v, 4), text(v, 5)));
                visits.advance();
            }
            List<WarehousePatient.Fact> patientFacts = new ArrayList<>();
            while (facts.at(patientNum)) {
                ResultSet r = facts.rows;
                patientFacts.add(new WarehousePatient.Fact(r.getInt(2), text(r, 3), text(r, 4), r.getInt(5),
                        time(r, 6), time(r, 7), text(r, 8), text(r, 9), r.getBigDecimal(10), text(r, 11),
                        text(r, 12)));
                facts.advance();
            }
            visitor.patient(new WarehousePatient(new WarehousePatient.Patient(patientNum, text(patients, 2),
                    time(patients, 3), time(patients, 4), text(patients, 5), text(patients, 6), text(patients, 7)),
                    patientVisits, patientFacts));
        }
        visits.skipBefore(Integer.MAX_VALUE, visitor);
        facts.skipBefore(Integer.MAX_VALUE, visitor);
    }

    /** A result set ordered by patient_num (column 1), positioned on its next unread row. */
    private static final class Cursor {
        final ResultSet rows;
        final String table;
        boolean hasRow;

        Cursor(ResultSet rows, String table) throws SQLException {
            this.rows = rows;
            this.table = table;
            this.hasRow = rows.next();
        }

        boolean at(int patientNum) throws SQLException {
            return hasRow && rows.getInt(1) == patientNum;
        }

        void advance() throws SQLException {
            hasRow = rows.next();
        }

        /** Skips the rows of patients before {@code patientNum}: they have no patient_dimension row. */
        void skipBefore(int patientNum, Visitor visitor) throws SQLException {
            while (hasRow && rows.getInt(1) < patientNum) {
                int orphan = rows.getInt(1);
                int n = 0;
                while (hasRow && rows.getInt(1) == orphan) {
                    n++;
                    advance();
                }
                visitor.orphanRows(orphan, table, n);
            }
        }
    }

    private static PreparedStatement statement(Connection c, String sql) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        ps.setFetchSize(FETCH);
        return ps;
    }

    private static void prefixes(PreparedStatement ps, int first) throws SQLException {
        for (int i = 0; i < PREFIXES.length; i++) {
            ps.setString(first + i, PREFIXES[i]);
        }
    }

    private static String text(ResultSet rs, int column) throws SQLException {
        String s = rs.getString(column);
        if (s == null) {
            return null;
        }
        String t = s.trim();
        return t.isEmpty() ? null : t;
    }

    private static LocalDateTime time(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toLocalDateTime();
    }
}
