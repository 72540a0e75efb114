package org.smartcc.api.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.smartcc.api.domain.AuditEvent;
import org.smartcc.api.domain.AuditKind;
import org.smartcc.engine.run.QueryRun;
import org.smartcc.engine.run.QueryStatus;
import org.smartcc.engine.run.ResultType;
import org.smartcc.engine.run.RunResult;
import org.smartcc.oauth.domain.Token;
import org.smartcc.oauth.domain.TokenKind;

/**
 * What the use cases write to the trail: a request's event fails with its write, background work's does not; tokens
 * by kind and binding without value or secret; cohort runs by ids and result types, ended with their final state.
 */
class AuditTest {

    private static final Instant T = Instant.parse("2026-12-01T00:00:00Z");

    private final TrailInMemory trail = new TrailInMemory();
    private final Auditor auditor = new Auditor(trail, Clock.fixed(T, ZoneOffset.UTC));

    /** A trail whose database is gone. */
    private static final AuditTrail BROKEN = new AuditTrail() {
        @Override
        public void record(AuditEvent event) {
            throw new IllegalStateException("recording an audit event failed (SQLSTATE 08001)");
        }

        @Override
        public List<Entry> find(Query query) {
            return List.of();
        }
    };

    @Test
    void aRequestsEventFailsWithItsWriteAndBackgroundWorkGoesOn() {
        Auditor broken = new Auditor(BROKEN, Clock.systemUTC());
        AuditEvent read = broken.event(AuditKind.RECORD_READ).app("app").record("1");
        assertThrows(IllegalStateException.class, () -> broken.record(read));
        broken.recordInBackground(broken.event(AuditKind.COHORT_RUN_ENDED).run(3L)); // logged as an incident
    }

    @Test
    void tokensAreAuditedByKindAndBindingNeverByValueOrSecret() {
        TokenAudit tokens = new TokenAudit(auditor);
        Token token = new Token("the-token-value", "the-token-secret", TokenKind.ACCESS, "app", "alice", "1", null,
                T, T.plusSeconds(60), false);
        tokens.issued(token);
        tokens.revoked(token);
        tokens.revokedAllOfApp("app", 4);
        AuditEvent issued = AuditEvent.of(T, AuditKind.TOKEN_ISSUED).app("app").user("alice").record("1")
                .what("ACCESS");
        assertEquals(List.of(issued, new AuditEvent(T, AuditKind.TOKEN_REVOKED, "alice", "app", "1", null, null,
                        "ACCESS", AuditEvent.OK), AuditEvent.of(T, AuditKind.TOKEN_REVOKED).app("app")
                        .what("all tokens of the app: 4")), trail.events());
        assertFalse(trail.events().toString().contains("the-token"), trail.events().toString());
    }

    @Test
    void cohortRunsAreAuditedByIdsAndResultTypesAndEndWithTheirState() {
        CohortRunAudit runs = new CohortRunAudit(auditor);
        QueryRun run = new QueryRun(11, 7, "Diabetes in Boston", "alice", QueryStatus.QUEUED, 0, T,
                Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Optional.empty(), List.of(
                new RunResult(21, ResultType.PATIENT_COUNT_XML, QueryStatus.QUEUED, Optional.empty(), Map.of()),
                new RunResult(22, ResultType.PATIENTSET, QueryStatus.QUEUED, Optional.empty(), Map.of())));
        runs.started(run);
        runs.accept(new QueryRun(11, 7, "Diabetes in Boston", "alice", QueryStatus.FINISHED, 1, T,
                Optional.of(T), Optional.of(T), Optional.empty(), List.of(), Optional.empty(), run.results()));
        AuditEvent started = AuditEvent.of(T, AuditKind.COHORT_RUN_STARTED).user("alice").run(11L).set(22L)
                .what("PATIENT_COUNT_XML,PATIENTSET");
        assertEquals(List.of(started, new AuditEvent(T, AuditKind.COHORT_RUN_ENDED, "alice", null, null, 22L, 11L,
                "PATIENT_COUNT_XML,PATIENTSET", "FINISHED")), trail.events());
    }
}
