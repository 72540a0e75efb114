package org.smartcc.api.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartcc.api.domain.CohortPosition;
import org.smartcc.store.ClinicalStore;
import org.smartcc.store.Database;
import org.smartcc.store.Jdbc;
import org.smartcc.store.domain.CodedException;

/** Cohort mode in H2: a set's SMART records in set order, paged, and positions kept per user and set. */
class JdbcCohortModeTest {

    private static final Instant T = Instant.parse("2026-01-02T03:04:05Z");

    @TempDir
    Path dir;
    Database database;
    Jdbc jdbc;
    JdbcCohortMode mode;

    @BeforeEach
    void open() {
        database = Database.open(Database.h2FileUrl(dir.resolve("store")), "sa", "");
        jdbc = new Jdbc(database.dataSource());
        for (int num = 1; num <= 5; num++) {
            jdbc.update("record", "INSERT INTO patient_mapping (patient_ide, patient_ide_source, patient_num,"
                    + " project_id) VALUES (?, ?, ?, ?)", "100" + num, ClinicalStore.SOURCE, num, ClinicalStore.PROJECT);
        }
        jdbc.update("master", "INSERT INTO qt_query_master (query_master_id, name, user_id, create_ms,"
                + " definition_json, fingerprint) VALUES (1, 'q', 'alice', 0, '{}', 'f')");
        jdbc.update("run", "INSERT INTO qt_query_instance (query_instance_id, query_master_id, user_id, status,"
                + " submit_ms) VALUES (1, 1, 'alice', 'FINISHED', 0)");
        // set 10: patients 4, a synthetic 9 without a record, 2 and 5 in that order; set 11: patient 1
        patientSet(10, 4, 9, 2, 5);
        patientSet(11, 1);
        mode = new JdbcCohortMode(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void theRecordsOfASetComeInSetOrderWithoutMembersThatHaveNone() {
        assertEquals(3, mode.recordCount(10));
        assertEquals(List.of("1004", "1002", "1005"), mode.records(10, 0, 100));
        assertEquals(List.of("1002"), mode.records(10, 1, 1));
        assertEquals(List.of(), mode.records(10, 3, 10));
        assertEquals(0, mode.recordCount(12));
    }

    @Test
    void positionsAreKeptPerUserAndSetAndReplacedByTheNextMove() {
        assertEquals(Optional.empty(), mode.position("alice", 10));
        mode.savePosition("alice", 10, CohortPosition.moveTo(2, 3, Optional.of("app@x"), T));
        mode.savePosition("alice", 11, CohortPosition.moveTo(1, 1, Optional.empty(), T));
        mode.savePosition("bob", 10, CohortPosition.moveTo(3, 3, Optional.of("other@x"), T));
        mode.savePosition("alice", 10, CohortPosition.moveTo(3, 3, Optional.of("app@x"), T.plusSeconds(1)));

        assertEquals(Optional.of(new CohortPosition(3, Optional.of("app@x"), Optional.of(T.plusSeconds(1)))),
                mode.position("alice", 10));
        assertEquals(Optional.of(new CohortPosition(1, Optional.empty(), Optional.of(T))), mode.position("alice", 11));
        assertEquals(3, mode.position("bob", 10).orElseThrow().position());
    }

    @Test
    void aMoveOutsideTheSetOrWithABadAppIdIsRefused() {
        for (int position : new int[] {0, -1, 4}) {
            CodedException refused = assertThrows(CodedException.class,
                    () -> CohortPosition.moveTo(position, 3, Optional.empty(), T));
            assertEquals("POSITION_INVALID", refused.code());
        }
        assertEquals("POSITION_INVALID", assertThrows(CodedException.class,
                () -> CohortPosition.moveTo(1, 3, Optional.of(" "), T)).code());
        assertEquals("POSITION_INVALID", assertThrows(CodedException.class,
                () -> CohortPosition.moveTo(1, 3, Optional.of("a".repeat(256)), T)).code());
    }

    private void patientSet(long resultId, int... patients) {
        jdbc.update("result", "INSERT INTO qt_query_result_instance (result_instance_id, query_instance_id,"
                + " result_type, status) VALUES (?, 1, 'PATIENTSET', 'FINISHED')", resultId);
        for (int i = 0; i < patients.length; i++) {
            jdbc.update("member", "INSERT INTO qt_patient_set_collection (result_instance_id, set_index, patient_num)"
                    + " VALUES (?, ?, ?)", resultId, i, patients[i]);
        }
    }
}
