package org.smartcc.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartcc.engine.SampleStore;
import org.smartcc.engine.SharedSpark;
import org.smartcc.engine.Snapshot;
import org.smartcc.engine.internal.jdbc.JdbcQueryRunStore;
import org.smartcc.engine.internal.jdbc.JdbcSavedQueryStore;
import org.smartcc.engine.privacy.PrivacyLockoutException;
import org.smartcc.engine.privacy.PrivacySettings;
import org.smartcc.engine.privacy.ReportedCount;
import org.smartcc.engine.query.QueryDefinition;
import org.smartcc.engine.query.QueryDefinitionException;
import org.smartcc.engine.query.i2b2.I2b2QueryParser;
import org.smartcc.engine.query.json.QueryJson;
import org.smartcc.engine.query.spark.PatientSetPlanner;

/** Runs over the sample store: results, privacy, sets as items, cancel, timeout, restart. */
class CohortRunsTest {

    static final String MEDS = "<panel><item><item_key>\\\\i2b2\\SMART\\Medications\\</item_key></item></panel>";
    static final Set<String> EXACT = Set.of("DATA_AGG");

    static JdbcQueryRunStore store;
    static CohortRuns runs;

    @BeforeAll
    static void start() {
        store = new JdbcQueryRunStore(SampleStore.database());
        runs = runs(2);
    }

    @AfterAll
    static void stop() {
        runs.close();
    }

    static CohortRuns runs(int concurrent) {
        return new CohortRuns(SharedSpark.engine().spark(), store,
                PrivacySettings.from(Map.of("smartcc.privacy.lockout.count", "3")),
                new RunSettings(concurrent, Duration.ofMinutes(5), true), () -> Optional.of(SampleStore.snapshot()),
                Clock.systemUTC());
    }

    @Test
    void aRunProducesItsCountPatientSetAndBreakdowns() throws Exception {
        QueryDefinition q = query(MEDS);
        QueryRun queued = runs.submit(request(q, "alice", EXACT, ResultType.PATIENT_COUNT_XML, ResultType.PATIENTSET,
                ResultType.PATIENT_GENDER_COUNT_XML, ResultType.PATIENT_AGE_COUNT_XML));
        QueryRun done = runs.await(queued.instanceId(), Duration.ofMinutes(2));
        assertEquals(QueryStatus.FINISHED, done.status(), done.message().orElse(""));
        assertEquals(1.0, done.progress());
        Set<Integer> expected = new TreeSet<>();
        new PatientSetPlanner(SharedSpark.engine().spark(), SampleStore.snapshot()).patients(q).collectAsList()
                .forEach(r -> expected.add(r.getInt(0)));
        assertTrue(expected.size() > 10);
        RunResult count = result(done, ResultType.PATIENT_COUNT_XML);
        assertEquals(new ReportedCount(expected.size(), Integer.toString(expected.size()), false, "EXACT"),
                count.setSize().orElseThrow());
        RunResult set = result(done, ResultType.PATIENTSET);
        assertEquals(expected, new TreeSet<>(store.patientSet(set.resultInstanceId(), 0, 10_000)));
        RunResult gender = result(done, ResultType.PATIENT_GENDER_COUNT_XML);
        assertEquals(expected.size(), gender.breakdown().values().stream().mapToLong(ReportedCount::value).sum());
        assertTrue(result(done, ResultType.PATIENT_AGE_COUNT_XML).breakdown().keySet().stream()
                .anyMatch(k -> k.contains("-")), "age groups expected");
        assertTrue(store.plan(done.instanceId()).orElseThrow().contains("Scan parquet"));
    }

    /** The container audits each run's end from here: told once, on the worker, with the final state. */
    @Test
    void eachRunIsToldOnceWhenFinal() throws Exception {
        BlockingQueue<QueryRun> ended = new LinkedBlockingQueue<>();
        try (CohortRuns told = new CohortRuns(SharedSpark.engine().spark(), store, PrivacySettings.from(Map.of()),
                new RunSettings(1, Duration.ofMinutes(5), false), () -> Optional.of(SampleStore.snapshot()),
                Clock.systemUTC(), LocalDate::now, ended::add)) {
            QueryRun queued = told.submit(request(query(MEDS), "dave", EXACT, ResultType.PATIENT_COUNT_XML));
            QueryRun end = ended.poll(2, TimeUnit.MINUTES);
            assertEquals(queued.instanceId(), end.instanceId());
            assertEquals(QueryStatus.FINISHED, end.status(), end.message().orElse(""));
            assertEquals(null, ended.poll(200, TimeUnit.MILLISECONDS));
            QueryDefinition bad = query("<panel><item><item_key>patient_set_coll_id:none</item_key></item></panel>");
            assertThrows(QueryDefinitionException.class, () -> told.submit(request(bad, "dave", EXACT,
                    ResultType.PATIENT_COUNT_XML)));
            assertEquals(QueryStatus.ERROR, ended.poll(2, TimeUnit.MINUTES).status(), "a run refused at planning");
            assertEquals(null, ended.poll(200, TimeUnit.MILLISECONDS));
        }
    }

    @Test
    void obfuscatedUsersSeeNoisedCountsAndAreLockedOutAfterRepeats() throws Exception {
        QueryDefinition q = query(MEDS.replace("Medications", "Problems"));
        long exact = new PatientSetPlanner(SharedSpark.engine().spark(), SampleStore.snapshot()).patients(q).count();
        for (int i = 0; i < 3; i++) {
            QueryRun done = runs.await(runs.submit(request(q, "bob", Set.of(), ResultType.PATIENT_COUNT_XML))
                    .instanceId(), Duration.ofMinutes(2));
            ReportedCount shown = result(done, ResultType.PATIENT_COUNT_XML).setSize().orElseThrow();
            assertEquals("OBSUBTOTAL", shown.method());
            assertTrue(Math.abs(shown.value() - exact) <= 10, shown + " vs " + exact);
        }
        PrivacyLockoutException locked = assertThrows(PrivacyLockoutException.class,
                () -> runs.submit(request(q, "bob", Set.of(), ResultType.PATIENT_COUNT_XML)));
        assertEquals("PRIVACY_LOCKED_OUT", locked.code());
        runs.submit(request(q, "carol", EXACT, ResultType.PATIENT_COUNT_XML)); // exact roles are never locked out
    }

    /** The review got 9 of 14 simultaneous submissions through a limit of 7, and renamed items made "new" queries. */
    @Test
    void theLockoutCountsConcurrentSubmissionsAndSeesThroughRenaming() throws Exception {
        QueryDefinition q = query(MEDS.replace("Medications", "Vital signs"));
        int attempts = 8;
        ExecutorService clients = Executors.newFixedThreadPool(attempts);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Long>> submissions = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            submissions.add(clients.submit(() -> {
                start.await();
                return runs.submit(request(q, "dora", Set.of(), ResultType.PATIENT_COUNT_XML)).instanceId();
            }));
        }
        start.countDown();
        List<Long> accepted = new ArrayList<>();
        for (Future<Long> submission : submissions) {
            try {
                accepted.add(submission.get(2, TimeUnit.MINUTES));
            } catch (ExecutionException e) {
                assertInstanceOf(PrivacyLockoutException.class, e.getCause());
            }
        }
        clients.shutdown();
        assertEquals(3, accepted.size(), "the limit is 3");
        for (long id : accepted) {
            runs.await(id, Duration.ofMinutes(2));
        }
        QueryDefinition renamedItem = query(MEDS.replace("Medications", "Vital signs").replace("<item>",
                "<panel_number>9</panel_number><item><item_name>not the same at all</item_name>"));
        QueryDefinition renamed = new QueryDefinition(Optional.empty(), "another name", renamedItem.timing(),
                renamedItem.panels(), renamedItem.subqueries(), renamedItem.temporalConstraints());
        assertThrows(PrivacyLockoutException.class, () -> runs.submit(request(renamed, "dora", Set.of(),
                ResultType.PATIENT_COUNT_XML)));
    }

    /**
     * The query master is stored before the definition is compiled, so that i2b2's web client lists a new query at
     * once; a definition that cannot be compiled is refused with its run stored as ERROR, which the lockout does not
     * count as an answered run.
     */
    @Test
    void anInvalidDefinitionIsRefusedAndItsQueryIsListedWithAnErrorRun() {
        QueryDefinition bad = query("<panel><item><item_key>masterid:first</item_key></item></panel>");
        for (int i = 0; i < 4; i++) { // beyond the lockout's 3: refused runs are not counted
            QueryDefinitionException e = assertThrows(QueryDefinitionException.class,
                    () -> runs.submit(request(bad, "hana", Set.of(), ResultType.PATIENT_COUNT_XML)));
            assertEquals("query_definition/panel[1]/item[1]/item_key", e.element());
        }
        assertEquals(List.of(), store.earlierRuns("hana", fingerprint(bad), Instant.EPOCH));
        SavedQueries saved = new SavedQueries(new JdbcSavedQueryStore(SampleStore.database()), runs::find,
                Clock.systemUTC());
        SavedQueries.Page listed = saved.list("hana", 0, 10);
        assertEquals(4, listed.total());
        QueryRun run = listed.queries().get(0).lastRun().orElseThrow();
        assertEquals(QueryStatus.ERROR, run.status());
        assertEquals("QUERY_DEFINITION_INVALID: query_definition/panel[1]/item[1]/item_key: 'first' is not a number",
                run.message().orElseThrow());
        assertEquals(QueryStatus.ERROR, result(run, ResultType.PATIENT_COUNT_XML).status());
    }

    @Test
    void aPreviousQueryIsAnItemForItsOwnerOnly() throws Exception {
        QueryRun first = runs.await(runs.submit(request(query(MEDS), "dora", EXACT, ResultType.PATIENTSET))
                .instanceId(), Duration.ofMinutes(2));
        long size = result(first, ResultType.PATIENTSET).setSize().orElseThrow().value();
        QueryDefinition again = query("<panel><item><item_key>masterid:" + first.masterId()
                + "</item_key></item></panel>");
        QueryRun second = runs.await(runs.submit(request(again, "dora", EXACT, ResultType.PATIENT_COUNT_XML))
                .instanceId(), Duration.ofMinutes(2));
        assertEquals(size, result(second, ResultType.PATIENT_COUNT_XML).setSize().orElseThrow().value());
        QueryDefinitionException e = assertThrows(QueryDefinitionException.class,
                () -> runs.submit(request(again, "eve", EXACT, ResultType.PATIENT_COUNT_XML)));
        assertTrue(e.getMessage().contains("of yours"), e.getMessage());
    }

    @Test
    void cancelStopsTheSparkJobsAndTimeoutsAreHonoured() throws Exception {
        // every fact against every fact of the same patient, three times over: seconds of work on two cores
        QueryDefinition slow = query(temporalEverythingTwice());
        QueryRun run = runs.submit(request(slow, "frank", EXACT, ResultType.PATIENT_COUNT_XML));
        QueryRun processing = run;
        for (int i = 0; i < 200 && processing.status() != QueryStatus.PROCESSING; i++) {
            Thread.sleep(20);
            processing = runs.find(run.instanceId()).orElseThrow();
        }
        assertEquals(QueryStatus.PROCESSING, processing.status());
        Thread.sleep(300);
        runs.cancel(run.instanceId());
        QueryRun cancelled = runs.await(run.instanceId(), Duration.ofSeconds(30));
        assertEquals(QueryStatus.CANCELLED, cancelled.status());
        assertEquals(QueryStatus.CANCELLED, result(cancelled, ResultType.PATIENT_COUNT_XML).status());
        // the status tracker learns of a cancelled job through Spark's asynchronous listener bus: give it a moment,
        // far less than the seconds the query's job would take if the cancel had not stopped it
        int active = activeJobsOf("cohort-run-" + run.instanceId());
        for (int i = 0; i < 20 && active > 0; i++) {
            Thread.sleep(100);
            active = activeJobsOf("cohort-run-" + run.instanceId());
        }
        assertEquals(0, active, "jobs of the cancelled run still running 2 s after the cancel");

        RunRequest quick = new RunRequest(slow, QueryJson.write(slow), "frank", EXACT,
                List.of(ResultType.PATIENT_COUNT_XML), Optional.of(Duration.ofMillis(1)));
        QueryRun timedOut = runs.await(runs.submit(quick).instanceId(), Duration.ofSeconds(30));
        assertEquals(QueryStatus.TIMEDOUT, timedOut.status());
    }

    @Test
    void aFailedSparkJobMarksItsRunErrorAndKeepsEverythingElse(@TempDir Path copies) throws Exception {
        // a copy of the snapshot with one fact file that is no Parquet: planning reads the schema from another
        // file, the job fails when a task opens it
        Snapshot good = SampleStore.snapshot();
        Path location = copies.resolve("damaged");
        try (Stream<Path> files = Files.walk(good.location())) {
            for (Path file : files.toList()) {
                Files.copy(file, location.resolve(good.location().relativize(file).toString()));
            }
        }
        Files.writeString(location.resolve("observation_fact").resolve("part-99999-damaged.snappy.parquet"),
                "not parquet at all");
        Snapshot damaged = new Snapshot("damaged", good.createdAt(), location, good.patientCount(), good.factCount());
        try (CohortRuns failing = new CohortRuns(SharedSpark.engine().spark(), store,
                PrivacySettings.from(Map.of()), new RunSettings(1, Duration.ofMinutes(5), false),
                () -> Optional.of(damaged), Clock.systemUTC())) {
            QueryRun failed = failing.await(failing.submit(request(query(MEDS), "hank", EXACT,
                    ResultType.PATIENT_COUNT_XML)).instanceId(), Duration.ofMinutes(2));
            assertEquals(QueryStatus.ERROR, failed.status());
            String message = failed.message().orElseThrow();
            assertTrue(message.matches("RUN_FAILED: the run failed; incident [0-9a-f-]{36} .*"), message);
            assertFalse(message.contains("parquet") || message.contains("Exception") || message.contains(
                    location.toString()), "Spark's text stays in the log: " + message);
        }
        QueryRun next = runs.await(runs.submit(request(query(MEDS), "hank", EXACT, ResultType.PATIENT_COUNT_XML))
                .instanceId(), Duration.ofMinutes(2));
        assertEquals(QueryStatus.FINISHED, next.status(), "the other runs are unaffected");
    }

    @Test
    void aRestartMarksUnfinishedRunsIncompleteAndReRunsNothing() {
        QueryDefinition q = query(MEDS);
        QueryRun orphan = store.create(request(q, "gina", EXACT, ResultType.PATIENT_COUNT_XML), fingerprint(q),
                Instant.now());
        store.started(orphan.instanceId(), SampleStore.snapshot().id(), Instant.now());
        try (CohortRuns restarted = runs(1)) {
            QueryRun after = restarted.find(orphan.instanceId()).orElseThrow();
            assertEquals(QueryStatus.INCOMPLETE, after.status());
            assertTrue(after.message().orElseThrow().contains("not re-run"));
            assertNotEquals(QueryStatus.PROCESSING, result(after, ResultType.PATIENT_COUNT_XML).status());
        }
    }

    private static int activeJobsOf(String group) {
        var tracker = SharedSpark.engine().spark().sparkContext().statusTracker();
        int active = 0;
        for (int id : tracker.getJobIdsForGroup(group)) {
            var info = tracker.getJobInfo(id);
            if (info.isDefined() && info.get().status() == org.apache.spark.JobExecutionStatus.RUNNING) {
                active++;
            }
        }
        return active;
    }

    private static String temporalEverythingTwice() {
        String everything = "<panel><panel_timing>SAMEINSTANCENUM</panel_timing><item><item_key>\\\\i2b2\\SMART\\"
                + "</item_key></item></panel>";
        StringBuilder b = new StringBuilder();
        for (String op : List.of("LESS", "GREATER", "LESSEQUAL")) {
            b.append("<subquery_constraint><first_query><query_id>Q0</query_id><join_column>STARTDATE</join_column>"
                    + "<aggregate_operator>ANY</aggregate_operator></first_query><operator>").append(op)
                    .append("</operator><second_query><query_id>Q1</query_id><join_column>ENDDATE</join_column>"
                    + "<aggregate_operator>ANY</aggregate_operator></second_query></subquery_constraint>");
        }
        return b + "<subquery><query_id>Q0</query_id>" + everything + "</subquery>"
                + "<subquery><query_id>Q1</query_id>" + everything + "</subquery>";
    }

    private static RunResult result(QueryRun run, ResultType type) {
        return run.results().stream().filter(r -> r.type() == type).findFirst().orElseThrow();
    }

    private static RunRequest request(QueryDefinition q, String user, Set<String> roles, ResultType... types) {
        return new RunRequest(q, QueryJson.write(q), user, roles, List.of(types), Optional.empty());
    }

    private static String fingerprint(QueryDefinition q) {
        return QueryFingerprint.of(q);
    }

    private static QueryDefinition query(String body) {
        return I2b2QueryParser.parse(new ByteArrayInputStream(("<query_definition><query_name>q</query_name>" + body
                + "</query_definition>").getBytes(StandardCharsets.UTF_8)));
    }
}
