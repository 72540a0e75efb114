package org.smartcc.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.smartcc.store.ClinicalStore;
import org.smartcc.store.Database;

/**
 * The 60 SMART sample patients in an H2 store and a snapshot of it, loaded once per test JVM. The SMART data has no
 * modifiers, so medication facts get i2b2-style dose and route modifier rows (as the i2b2 demo data has) to test
 * modifier queries against. It has no race, no death and no unknown sex either, and every patient has a birth date, so
 * some patients get those (as i2b2's demo patients have) to test demographic terms against.
 */
public final class SampleStore {

    private static Database database;
    private static Snapshot snapshot;

    private SampleStore() {
    }

    public static synchronized Database database() {
        load();
        return database;
    }

    public static synchronized Snapshot snapshot() {
        load();
        return snapshot;
    }

    private static void load() {
        if (database != null) {
            return;
        }
        try {
            database = Database.open(Database.h2FileUrl(Files.createTempDirectory("smartcc-sample").resolve("store")),
                    "sa", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        snapshot = loadInto(database);
        Runtime.getRuntime().addShutdownHook(new Thread(database::close));
    }

    /** Loads the sample patients and the modifier rows into an empty store and writes its snapshot. */
    public static Snapshot loadInto(Database db) {
        try {
            ClinicalStore.of(db).loadPath(SharedSpark.sharedData().resolve("smart-data/patients/generated"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        addMedicationModifiers(db);
        addDemographics(db);
        return SharedSpark.engine().writeSnapshot(db);
    }

    /** Race codes for three patients in four, deaths for one in five, sex U, no birth date, a 29 February birthday. */
    private static void addDemographics(Database db) {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE patient_dimension SET race_cd = CASE MOD(patient_num, 4) WHEN 0 THEN 'white'"
                    + " WHEN 1 THEN 'black' WHEN 2 THEN 'asian' END");
            s.executeUpdate("UPDATE patient_dimension SET vital_status_cd = 'Y', death_date = TIMESTAMP"
                    + " '2012-06-01 00:00:00' WHERE MOD(patient_num, 5) = 0");
            s.executeUpdate("UPDATE patient_dimension SET sex_cd = 'U' WHERE MOD(patient_num, 9) = 0");
            s.executeUpdate("UPDATE patient_dimension SET birth_date = NULL WHERE MOD(patient_num, 13) = 0");
            s.executeUpdate("UPDATE patient_dimension SET birth_date = TIMESTAMP '2000-02-29 00:00:00' WHERE"
                    + " patient_num = (SELECT MIN(patient_num) FROM patient_dimension WHERE birth_date IS NOT NULL)");
        } catch (SQLException e) {
            throw new IllegalStateException("demographics fixture failed", e);
        }
    }

    private static void addMedicationModifiers(Database db) {
        String copy = "INSERT INTO observation_fact (encounter_num, patient_num, concept_cd, provider_id, start_date,"
                + " modifier_cd, instance_num, valtype_cd, tval_char, nval_num, end_date) SELECT encounter_num,"
                + " patient_num, concept_cd, provider_id, start_date, %s, instance_num, %s, end_date"
                + " FROM observation_fact WHERE modifier_cd = '@' AND concept_cd LIKE 'RXNORM:%%'%s";
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO modifier_dimension (modifier_path, modifier_cd, name_char) VALUES"
                    + " ('\\Medication\\Dose\\', 'MED:DOSE', 'Dose'),"
                    + " ('\\Medication\\Route\\', 'MED:ROUTE', 'Route'),"
                    + " ('\\Medication\\Route\\Oral\\', 'MED:ROUTE:PO', 'Oral')");
            s.executeUpdate(String.format(copy, "'MED:DOSE'",
                    "'N', 'E', MOD(patient_num + instance_num, 7) * 100", ""));
            s.executeUpdate(String.format(copy, "'MED:ROUTE:PO'", "'M', 'PO', NULL",
                    " AND MOD(patient_num, 3) <> 0"));
        } catch (SQLException e) {
            throw new IllegalStateException("modifier fixture failed", e);
        }
    }
}
