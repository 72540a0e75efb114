package org.smartcc.api.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartcc.api.domain.SetGrant;
import org.smartcc.oauth.application.RecordIds;
import org.smartcc.store.Database;
import org.smartcc.store.Jdbc;

/** Grants in H2: the union of an app's sets in record id order, progress per grant, and the append-only audit. */
class JdbcSetGrantsTest {

    private static final Instant T = Instant.parse("2026-01-02T03:04:05Z");
    private static final String APP = "bg@apps";

    @TempDir
    Path dir;
    PatientSetStore store;
    Database database;
    Jdbc jdbc;
    JdbcSetGrants grants;

    @BeforeEach
    void open() {
        store = new PatientSetStore(dir);
        database = store.database;
        jdbc = store.jdbc;
        // set 10: patients 4 and 2 and a synthetic 9 without a record; set 11: patients 2 and 5
        store.patientSet(10, 4, 2, 9);
        store.patientSet(11, 2, 5);
        grants = new JdbcSetGrants(database);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void anAppWithoutGrantsIsNotNarrowedAndOneWithGrantsWalksTheirUnion() {
        assertEquals(Optional.empty(), grants.of(APP));
        grants.grant(10, APP, "alice", T);
        grants.grant(11, APP, "alice", T);
        RecordIds records = grants.of(APP).orElseThrow();
        List<String> walked = new ArrayList<>();
        for (Optional<String> r = records.first(); r.isPresent(); r = records.after(r.get())) {
            walked.add(r.get());
        }
        assertEquals(List.of("1002", "1004", "1005"), walked);
        assertTrue(records.exists("1004"));
        assertFalse(records.exists("1001"));
        assertEquals(Optional.empty(), grants.of("other@apps"));
    }

    @Test
    void progressCountsDistinctRecordsOfEachSetHandedOutSinceTheGrant() {
        grants.grant(10, APP, "alice", T);
        grants.grant(11, APP, "alice", T);
        grants.handedOut(APP, "1002");
        grants.handedOut(APP, "1002");
        grants.handedOut(APP, "1004");
        assertEquals(List.of(new SetGrant(10, APP, "alice", T, 2, 2)), grants.grantsOf(10));
        assertEquals(List.of(new SetGrant(11, APP, "alice", T, 2, 1)), grants.grantsOf(11));

        assertTrue(grants.revoke(10, APP, "alice", T.plusSeconds(1)));
        assertFalse(grants.revoke(10, APP, "alice", T.plusSeconds(2)));
        assertEquals(List.of(), grants.grantsOf(10));
        assertEquals(new SetGrant(10, APP, "bob", T.plusSeconds(3), 2, 0), grants.grant(10, APP, "bob",
                T.plusSeconds(3)));
    }

    @Test
    void everyGrantAndRevocationIsAudited() {
        grants.grant(10, APP, "alice", T);
        grants.grant(10, APP, "alice", T.plusSeconds(1));
        grants.revoke(10, APP, "admin", T.plusSeconds(2));
        assertEquals(List.of("10 bg@apps alice GRANT " + T.toEpochMilli(),
                "10 bg@apps admin REVOKE " + T.plusSeconds(2).toEpochMilli()), jdbc.list("audit",
                "SELECT result_instance_id, app_id, actor, action, at_ms FROM patient_set_grant_audit ORDER BY audit_id",
                row -> row.getLong(1) + " " + row.getString(2) + " " + row.getString(3) + " " + row.getString(4) + " "
                        + row.getLong(5)));
    }
}
