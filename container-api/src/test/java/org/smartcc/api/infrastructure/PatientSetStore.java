package org.smartcc.api.infrastructure;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import org.smartcc.store.ClinicalStore;
import org.smartcc.store.Database;
import org.smartcc.store.Jdbc;

/**
 * A fresh H2 store for the patient set adapters' tests: records 1001 to 1005 (patients 1 to 5, each with its
 * {@code record_source} row), one finished run of alice's, and the patient sets a test adds.
 */
final class PatientSetStore implements AutoCloseable {

    final Database database;
    final Jdbc jdbc;

    PatientSetStore(Path dir) {
        database = Database.open(Database.h2FileUrl(dir.resolve("store")), "sa", "");
        jdbc = new Jdbc(database.dataSource());
        for (int num = 1; num <= 5; num++) {
            jdbc.update("record", "INSERT INTO patient_mapping (patient_ide, patient_ide_source, patient_num,"
                    + " project_id) VALUES (?, ?, ?, ?)", "100" + num, ClinicalStore.SOURCE, num, ClinicalStore.PROJECT);
            jdbc.update("source", "INSERT INTO record_source (patient_num, record_id, source_name, source_sha256,"
                    + " statement_count, loaded_at) VALUES (?, ?, 'p.xml', 'sha', 10, ?)", num, "100" + num,
                    Timestamp.from(Instant.EPOCH));
        }
        jdbc.update("master", "INSERT INTO qt_query_master (query_master_id, name, user_id, create_ms,"
                + " definition_json, fingerprint) VALUES (1, 'q', 'alice', 0, '{}', 'f')");
        jdbc.update("run", "INSERT INTO qt_query_instance (query_instance_id, query_master_id, user_id, status,"
                + " submit_ms) VALUES (1, 1, 'alice', 'FINISHED', 0)");
    }

    /** A finished PATIENTSET result of the run with these members, in this order (repeats and synthetic ones too). */
    void patientSet(long resultId, int... patients) {
        jdbc.update("result", "INSERT INTO qt_query_result_instance (result_instance_id, query_instance_id,"
                + " result_type, status) VALUES (?, 1, 'PATIENTSET', 'FINISHED')", resultId);
        for (int i = 0; i < patients.length; i++) {
            member(resultId, i, patients[i]);
        }
    }

    /** Adds a member to a patient set at an index. */
    void member(long resultId, int index, int patient) {
        jdbc.update("member", "INSERT INTO qt_patient_set_collection (result_instance_id, set_index, patient_num)"
                + " VALUES (?, ?, ?)", resultId, index, patient);
    }

    @Override
    public void close() {
        database.close();
    }
}
