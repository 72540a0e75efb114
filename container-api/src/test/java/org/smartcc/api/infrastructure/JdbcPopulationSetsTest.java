package org.smartcc.api.infrastructure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartcc.api.application.PopulationSets;
import org.smartcc.api.domain.PopulationRead;
import org.smartcc.store.ClinicalStore;
import org.smartcc.store.Database;
import org.smartcc.store.Jdbc;

/**
 * Population reads in H2: a set's SMART records in id order and their fingerprint, which follows the members and
 * their records' versions; the append-only audit; the stored secret, made once and then read.
 */
class JdbcPopulationSetsTest {

    private static final String APP = "bg@apps";

    @TempDir
    Path dir;
    Database database;
    Jdbc jdbc;
    JdbcPopulationSets sets;

    @BeforeEach
    void open() {
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
        // patients 4, 2, 5 (twice) and a synthetic 9 without a record
        jdbc.update("result", "INSERT INTO qt_query_result_instance (result_instance_id, query_instance_id,"
                + " result_type, status) VALUES (10, 1, 'PATIENTSET', 'FINISHED')");
        int[] members = {4, 2, 9, 5, 5};
        for (int i = 0; i < members.length; i++) {
            member(i, members[i]);
        }
        jdbc.update("grant", "INSERT INTO patient_set_grant (result_instance_id, app_id, granted_by, granted_ms)"
                + " VALUES (10, ?, 'alice', 0)", APP);
        sets = new JdbcPopulationSets(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void theSetsRecordsInIdOrderAPageAtATime() {
        assertEquals(List.of("1002", "1004"), sets.recordsAfter(10, Optional.empty(), 2));
        assertEquals(List.of("1005"), sets.recordsAfter(10, Optional.of("1004"), 2));
        assertEquals(List.of(), sets.recordsAfter(10, Optional.of("1005"), 2));
        assertEquals(3, sets.state(10).records());
        assertEquals(Optional.of("alice"), sets.grantedBy(10, APP));
        assertEquals(Optional.empty(), sets.grantedBy(10, "other@apps"));
        assertEquals(Optional.empty(), sets.grantedBy(11, APP));
    }

    @Test
    void theFingerprintChangesWithTheMembersAndTheirRecordsAndOnlyThen() {
        PopulationSets.SetState before = sets.state(10);
        assertEquals(before, sets.state(10));
        jdbc.update("reload", "UPDATE record_source SET statement_count = 11 WHERE patient_num = 2");
        PopulationSets.SetState reloaded = sets.state(10);
        assertNotEquals(before.fingerprint(), reloaded.fingerprint());
        jdbc.update("reload", "UPDATE record_source SET statement_count = 12 WHERE patient_num = 1");
        assertEquals(reloaded, sets.state(10), "a record outside the set changes nothing");
        member(5, 3);
        assertNotEquals(reloaded.fingerprint(), sets.state(10).fingerprint());
        assertEquals(4, sets.state(10).records());
    }

    @Test
    void theAuditKeepsEveryReadInOrder() {
        JdbcPopulationAudit audit = new JdbcPopulationAudit(database);
        PopulationRead first = new PopulationRead(APP, "alice", 10, "medications", "application/n-triples", 3, 42,
                Instant.parse("2026-12-01T00:00:00Z"));
        PopulationRead second = new PopulationRead(APP, "alice", 10, "problems", "text/turtle", 1, 5,
                Instant.parse("2026-12-01T00:00:01Z"));
        audit.record(first);
        audit.record(second);
        assertEquals(List.of(first, second), audit.readsOf(10));
        assertEquals(List.of(), audit.readsOf(11));
    }

    @Test
    void aStoredSecretIsMadeOnceAndThenRead() {
        byte[] secret = new StoredSecrets(database).secret("population-cursor");
        assertEquals(32, secret.length);
        assertArrayEquals(secret, new StoredSecrets(database).secret("population-cursor"));
        assertFalse(java.util.Arrays.equals(secret, new StoredSecrets(database).secret("another")));
    }

    private void member(int index, int patient) {
        jdbc.update("member", "INSERT INTO qt_patient_set_collection (result_instance_id, set_index, patient_num)"
                + " VALUES (10, ?, ?)", index, patient);
    }
}
