package org.smartcc.api.infrastructure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartcc.api.application.PopulationSets;
import org.smartcc.api.domain.PopulationRead;
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
    PatientSetStore store;
    Database database;
    Jdbc jdbc;
    JdbcPopulationSets sets;

    @BeforeEach
    void open() {
        store = new PatientSetStore(dir);
        database = store.database;
        jdbc = store.jdbc;
        // patients 4, 2, 5 (twice) and a synthetic 9 without a record
        store.patientSet(10, 4, 2, 9, 5, 5);
        jdbc.update("grant", "INSERT INTO patient_set_grant (result_instance_id, app_id, granted_by, granted_ms)"
                + " VALUES (10, ?, 'alice', 0)", APP);
        sets = new JdbcPopulationSets(database);
    }

    @AfterEach
    void close() {
        store.close();
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
        store.member(10, 5, 3);
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
}
