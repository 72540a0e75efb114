package org.smartcc.api.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.smartcc.api.domain.Researcher;
import org.smartcc.engine.privacy.PrivacySettings;
import org.smartcc.engine.privacy.ReportedCount;
import org.smartcc.engine.run.CohortRuns;
import org.smartcc.engine.run.QueryRun;
import org.smartcc.engine.run.QueryRunStore;
import org.smartcc.engine.run.QueryStatus;
import org.smartcc.engine.run.ResultType;
import org.smartcc.engine.run.RunException;
import org.smartcc.engine.run.RunRequest;
import org.smartcc.engine.run.RunResult;
import org.smartcc.engine.run.RunSettings;

/** The service's ownership and role rules, over runs kept in memory (no Spark: these calls never plan a query). */
class CohortServiceTest {

    private static final Researcher ALICE = new Researcher("alice", Set.of("DATA_AGG"));
    private static final Researcher OBFUSCATED_ALICE = new Researcher("alice", Set.of("DATA_OBFSC"));
    private static final Researcher BOB = new Researcher("bob", Set.of("DATA_AGG"));
    private static final long RUN = 11;
    private static final long MASTER = 7;
    private static final long SET = 23;

    private final RunsInMemory store = new RunsInMemory();
    private final CohortRuns runs = new CohortRuns(null, store, PrivacySettings.from(Map.of()),
            new RunSettings(1, Duration.ofMinutes(1), false), Optional::empty, Clock.systemUTC());
    private final CohortService service = new CohortService(() -> runs, () -> PrivacySettings.from(Map.of()),
            members -> Map.of(1, "r1"), new CohortRunAudit(new Auditor(new TrailInMemory(), Clock.systemUTC())));

    @AfterEach
    void close() {
        runs.close();
    }

    @Test
    void theOwnerReadsTheirRunQueryAndSet() {
        assertEquals(RUN, service.run(ALICE, RUN).instanceId());
        assertEquals(List.of(RUN), service.runsOfQuery(ALICE, MASTER).stream().map(QueryRun::instanceId).toList());
        assertEquals(List.of(new CohortService.Member(1, Optional.of("r1")), new CohortService.Member(2,
                Optional.empty())), service.patientSet(ALICE, SET).members(0, 10));
        assertEquals(Optional.of("the plan"), service.plan(ALICE, RUN));
        assertEquals(SET, service.resultInstance(ALICE, SET).resultInstanceId());
        assertEquals(2, service.patientSetOfResultInstance(ALICE, SET).members(0, Integer.MAX_VALUE).size());
    }

    @Test
    void anotherUsersRunAnswersAsAnAbsentOne() {
        assertRefused(RunException.Code.RUN_NOT_FOUND, "no run 11 of yours", () -> service.run(BOB, RUN));
        assertRefused(RunException.Code.RUN_NOT_FOUND, "no run 99 of yours", () -> service.run(ALICE, 99));
        assertRefused(RunException.Code.RUN_NOT_FOUND, "no run 11 of yours", () -> service.cancel(BOB, RUN));
        assertRefused(RunException.Code.RUN_NOT_FOUND, "no run 11 of yours", () -> service.plan(BOB, RUN));
        assertRefused(RunException.Code.RUN_NOT_FOUND, "no query instance 11 of yours",
                () -> service.queryInstance(BOB, RUN));
        assertRefused(RunException.Code.RUN_NOT_FOUND, "no query instance 11 of yours",
                () -> service.cancelQueryInstance(BOB, RUN));
        assertEquals(QueryStatus.FINISHED, service.cancel(ALICE, RUN).status());
    }

    @Test
    void anotherUsersQueryAnswersAsAnAbsentOne() {
        assertRefused(RunException.Code.RUN_NOT_FOUND, "no query 7 of yours", () -> service.runsOfQuery(BOB, MASTER));
        assertRefused(RunException.Code.RUN_NOT_FOUND, "no query 8 of yours", () -> service.runsOfQuery(ALICE, 8));
        assertRefused(RunException.Code.RUN_NOT_FOUND, "no query master 7 of yours",
                () -> service.queryInstancesOfMaster(BOB, MASTER));
    }

    @Test
    void anotherUsersSetAnswersAsAnAbsentOneBeforeAnyRoleCheck() {
        Researcher obfuscatedBob = new Researcher("bob", Set.of());
        assertRefused(RunException.Code.SET_NOT_FOUND, "no patient set 23 of yours",
                () -> service.patientSet(obfuscatedBob, SET));
        assertRefused(RunException.Code.SET_NOT_FOUND, "no patient set 24 of yours",
                () -> service.patientSet(ALICE, 24));
        assertRefused(RunException.Code.SET_NOT_FOUND, "no result instance 23 of yours",
                () -> service.resultInstance(BOB, SET));
        assertRefused(RunException.Code.SET_NOT_FOUND, "no result instance 23 of yours",
                () -> service.patientSetOfResultInstance(obfuscatedBob, SET));
    }

    @Test
    void patientListsAndPlansNeedARoleThatSeesExactCounts() {
        assertRefused(RunException.Code.NOT_YOURS, "patient lists reveal exact counts: your roles [DATA_OBFSC] do"
                + " not allow them", () -> service.patientSet(OBFUSCATED_ALICE, SET));
        assertRefused(RunException.Code.NOT_YOURS, "patient lists need a role that sees exact counts",
                () -> service.patientSetOfResultInstance(OBFUSCATED_ALICE, SET));
        assertRefused(RunException.Code.PLAN_NEEDS_EXACT_COUNTS, "a plan reveals exact counts: your roles"
                + " [DATA_OBFSC] do not allow them", () -> service.plan(OBFUSCATED_ALICE, RUN));
        // a result document shows the protected counts, so it needs no such role
        assertEquals(SET, service.resultInstance(OBFUSCATED_ALICE, SET).resultInstanceId());
    }

    private static void assertRefused(RunException.Code code, String message, Executable call) {
        RunException e = assertThrows(RunException.class, call);
        assertEquals(code.name(), e.code());
        assertEquals(message, e.getMessage());
    }

    /** Alice's finished run 11 of query 7, with the patient set 23 of patients 1 and 2. */
    private static final class RunsInMemory implements QueryRunStore {

        private final Map<Long, QueryRun> runs = new HashMap<>();

        RunsInMemory() {
            RunResult set = new RunResult(SET, ResultType.PATIENTSET, QueryStatus.FINISHED,
                    Optional.of(new ReportedCount(2, "2", false, "exact")), Map.of());
            Instant at = Instant.parse("2026-01-01T00:00:00Z");
            runs.put(RUN, new QueryRun(RUN, MASTER, "q", "alice", QueryStatus.FINISHED, 1, at, Optional.of(at),
                    Optional.of(at), Optional.empty(), List.of(), Optional.empty(), List.of(set)));
        }

        @Override
        public Optional<QueryRun> find(long instanceId) {
            return Optional.ofNullable(runs.get(instanceId));
        }

        @Override
        public List<QueryRun> runsOfMaster(long masterId) {
            return runs.values().stream().filter(r -> r.masterId() == masterId).toList();
        }

        @Override
        public Optional<String> plan(long instanceId) {
            return find(instanceId).map(r -> "the plan");
        }

        @Override
        public List<Integer> patientSet(long resultInstanceId, int offset, int limit) {
            return resultInstanceId == SET ? List.of(1, 2) : List.of();
        }

        @Override
        public Optional<RunResult> resultById(long resultInstanceId) {
            return runs.values().stream().flatMap(r -> r.results().stream())
                    .filter(r -> r.resultInstanceId() == resultInstanceId).findFirst();
        }

        @Override
        public Optional<String> ownerOfResult(long resultInstanceId) {
            return runs.values().stream().filter(r -> r.results().stream()
                    .anyMatch(x -> x.resultInstanceId() == resultInstanceId)).map(QueryRun::user).findFirst();
        }

        @Override
        public Optional<String> ownerOfMaster(long masterId) {
            return runs.values().stream().filter(r -> r.masterId() == masterId).map(QueryRun::user).findFirst();
        }

        @Override
        public QueryRun create(RunRequest request, String fingerprint, Instant now) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void started(long instanceId, String snapshotId, Instant at) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void resultFinished(long resultInstanceId, long exactSize, ReportedCount shown,
                                   Map<String, ReportedCount> breakdown, Instant at) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void ended(long instanceId, QueryStatus status, Optional<String> message, List<String> warnings,
                          Optional<String> plan, Instant at) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Instant> earlierRuns(String user, String fingerprint, Instant since) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int interruptUnfinished(Instant at, String message) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void savePatientSet(long resultInstanceId, Iterator<Integer> patientNums) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void saveEncounterSet(long resultInstanceId, Iterator<int[]> patientAndEncounterNums) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Dataset<Row> setMembers(SparkSession spark, long resultInstanceId, boolean encounters) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Long> latestPatientSetOfMaster(long masterId) {
            throw new UnsupportedOperationException();
        }
    }
}
