package org.smartcc.engine.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartcc.engine.SharedSpark;

/**
 * i2b2's PostgreSQL insert scripts run unchanged on H2, as the embedded run's warehouse loads them: the first
 * statements of every script the loader runs (a full load takes a minute, which CI has not to spare).
 */
class I2b2DemoDataH2Test {

    private static final int STATEMENTS = 3;

    private static Connection h2;

    @BeforeAll
    static void load() throws Exception {
        h2 = DriverManager.getConnection("jdbc:h2:mem:i2b2-demo-first-lines" + I2b2DemoData.H2_URL_SETTINGS,
                "sa", "");
        I2b2DemoData.load(h2, SharedSpark.sharedData().resolve("cohort-data/i2b2-demodata"), STATEMENTS);
    }

    @AfterAll
    static void close() throws SQLException {
        h2.close();
    }

    @Test
    void everyScriptRan() throws SQLException {
        // seven fact scripts, two concept scripts; table_access names the categories of the ontology
        assertEquals(7 * STATEMENTS, count("SELECT COUNT(*) FROM observation_fact"));
        assertEquals(2 * STATEMENTS, count("SELECT COUNT(*) FROM concept_dimension"));
        assertEquals(STATEMENTS, count("SELECT COUNT(*) FROM patient_dimension"));
        assertEquals(STATEMENTS, count("SELECT COUNT(*) FROM visit_dimension"));
        assertEquals(STATEMENTS, count("SELECT COUNT(*) FROM table_access"));
        assertEquals(STATEMENTS, count("SELECT COUNT(*) FROM icd10_icd9"));
    }

    @Test
    void postgresqlEscapeStringsKeepOneBackslash() throws SQLException {
        // i2b2_metadata_modifiers_insert_data: VALUES(1, E'\\Medication\\Dose\\', ...
        assertEquals("\\Medication\\Dose\\", text("SELECT c_fullname FROM i2b2 WHERE c_basecode = 'MED:DOSE'"));
        // plain literals keep theirs: concept_dimension_demo_insert_data's first path
        assertEquals("\\i2b2\\Demographics\\Age\\>= 65 years old\\100\\",
                text("SELECT concept_path FROM concept_dimension WHERE concept_cd = 'DEM|AGE:100'"));
    }

    @Test
    void compactTimestampsAreReadAsDates() throws SQLException {
        // observation_fact_demo_diagnoses_insert_data: VALUES(474164, 1000000008, 'ICD9:003.0', ..., '20010917 00:00:00.0'
        assertEquals(LocalDateTime.of(2001, 9, 17, 0, 0),
                timestamp("SELECT start_date FROM observation_fact"
                        + " WHERE concept_cd = 'ICD9:003.0' AND patient_num = 1000000008"));
        // patient_dimension: 1000000001 born '19851117 00:00:00.0'
        assertEquals(LocalDateTime.of(1985, 11, 17, 0, 0),
                timestamp("SELECT birth_date FROM patient_dimension WHERE patient_num = 1000000001"));
    }

    @Test
    void postgresqlToDateIsRead() throws SQLException {
        // i2b2_metadata_modifiers_insert_data: ..., TO_DATE('2011-03-31 09:55:00','YYYY-MM-DD HH24:MI:SS'), ...
        // PostgreSQL's TO_DATE answers a date, so the time is dropped there as well
        assertEquals(LocalDateTime.of(2011, 3, 31, 0, 0),
                timestamp("SELECT update_date FROM i2b2 WHERE c_basecode = 'MED:DOSE'"));
    }

    private static long count(String sql) throws SQLException {
        try (Statement s = h2.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static LocalDateTime timestamp(String sql) throws SQLException {
        try (Statement s = h2.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getObject(1, LocalDateTime.class);
        }
    }

    private static String text(String sql) throws SQLException {
        try (Statement s = h2.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
