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
import org.smartcc.store.Jdbc;
import org.smartcc.store.domain.CodedException;

/** Cohort mode in H2: a set's SMART records in set order, paged, and positions kept per user and set. */
class JdbcCohortModeTest {

    private static final Instant T = Instant.parse("2026-01-02T03:04:05Z");

    @TempDir
    Path dir;
    PatientSetStore store;
    Jdbc jdbc;
    JdbcCohortMode mode;

    @BeforeEach
    void open() {
        store = new PatientSetStore(dir);
        jdbc = store.jdbc;
        // set 10: patients 4, a synthetic 9 without a record, 2 and 5 in that order; set 11: patient 1
        store.patientSet(10, 4, 9, 2, 5);
        store.patientSet(11, 1);
        mode = new JdbcCohortMode(store.database);
    }

    @AfterEach
    void close() {
        store.close();
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
}
