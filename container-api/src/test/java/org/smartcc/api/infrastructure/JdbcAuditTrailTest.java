package org.smartcc.api.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartcc.api.application.AuditTrail;
import org.smartcc.api.domain.AuditEvent;
import org.smartcc.api.domain.AuditKind;
import org.smartcc.store.Database;

/**
 * The audit trail in H2: events read back as recorded, newest first; each condition of a query narrows it, and pages
 * follow each other by id without a gap or a repeat.
 */
class JdbcAuditTrailTest {

    private static final Instant T = Instant.parse("2026-12-01T00:00:00Z");

    @TempDir
    Path dir;
    Database database;
    JdbcAuditTrail trail;

    @BeforeEach
    void open() {
        database = Database.open(Database.h2FileUrl(dir.resolve("store")), "sa", "");
        trail = new JdbcAuditTrail(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static AuditTrail.Query all(int limit) {
        return new AuditTrail.Query(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), limit);
    }

    private static List<AuditEvent> events(List<AuditTrail.Entry> entries) {
        return entries.stream().map(AuditTrail.Entry::event).toList();
    }

    private final AuditEvent login = AuditEvent.of(T, AuditKind.LOGIN).user("alice").what("launcher");
    private final AuditEvent launch = AuditEvent.of(T.plusSeconds(1), AuditKind.APP_LAUNCH).user("alice")
            .app("med-list").record("1").what("launch");
    private final AuditEvent read = AuditEvent.of(T.plusSeconds(2), AuditKind.RECORD_READ).user("alice")
            .app("med-list").record("1").what("get_medications");
    private final AuditEvent run = AuditEvent.of(T.plusSeconds(3), AuditKind.COHORT_RUN_ENDED).user("bob").run(11L)
            .set(22L).what("PATIENTSET").outcome("FINISHED");

    private void recordAll() {
        for (AuditEvent event : List.of(login, launch, read, run)) {
            trail.record(event);
        }
    }

    @Test
    void eventsAreReadBackAsRecordedNewestFirst() {
        recordAll();
        assertEquals(List.of(run, read, launch, login), events(trail.find(all(10))));
    }

    @Test
    void eachConditionNarrowsTheList() {
        recordAll();
        assertEquals(List.of(read, launch, login), events(trail.find(new AuditTrail.Query(Optional.empty(),
                Optional.empty(), Optional.of("alice"), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), 10))));
        assertEquals(List.of(read, launch), events(trail.find(new AuditTrail.Query(Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of("med-list"), Optional.of("1"), Optional.empty(),
                Optional.empty(), 10))));
        assertEquals(List.of(read), events(trail.find(new AuditTrail.Query(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(AuditKind.RECORD_READ),
                Optional.empty(), 10))));
        // from is inclusive, to exclusive
        assertEquals(List.of(read, launch), events(trail.find(new AuditTrail.Query(Optional.of(T.plusSeconds(1)),
                Optional.of(T.plusSeconds(3)), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), 10))));
        assertEquals(List.of(), trail.find(new AuditTrail.Query(Optional.empty(), Optional.empty(),
                Optional.of("carol"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 10)));
    }

    @Test
    void pagesFollowEachOtherById() {
        recordAll();
        List<AuditTrail.Entry> first = trail.find(all(3));
        assertEquals(List.of(run, read, launch), events(first));
        List<AuditTrail.Entry> second = trail.find(new AuditTrail.Query(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(first.get(2).id()), 3));
        assertEquals(List.of(login), events(second));
    }
}
