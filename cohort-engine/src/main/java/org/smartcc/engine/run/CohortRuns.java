package org.smartcc.engine.run;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.smartcc.engine.Snapshot;
import org.smartcc.engine.privacy.PrivacySettings;
import org.smartcc.engine.privacy.QueryLockout;
import org.smartcc.engine.query.ItemKey;
import org.smartcc.engine.query.QueryDefinition;
import org.smartcc.engine.query.QueryDefinitionException;
import org.smartcc.engine.query.spark.CohortPlan;
import org.smartcc.engine.query.spark.PatientSetPlanner;
import org.smartcc.engine.query.spark.SetResolver;
import org.smartcc.store.Incidents;
import org.smartcc.store.domain.CodedException;

/**
 * Runs cohort queries asynchronously: {@link #submit} stores the run QUEUED, compiles the definition at once (an
 * invalid one ends the run as ERROR and is refused) and hands it to a worker; {@link #find} shows its state and live
 * progress; {@link #cancel} and the timeout stop its Spark jobs through their tag. On start every run
 * left QUEUED or PROCESSING by an earlier process is marked INCOMPLETE: nothing is silently re-run.
 */
public final class CohortRuns implements AutoCloseable {

    private static final long RECANCEL_MILLIS = 250;

    private final SparkSession spark;
    private final QueryRunStore store;
    private final PrivacySettings privacy;
    private final RunSettings settings;
    private final Supplier<Optional<Snapshot>> latestSnapshot;
    private final Clock clock;
    private final Supplier<LocalDate> ageAsOf;
    private final ExecutorService workers;
    private final ScheduledExecutorService timers;
    private final Map<Long, RunExecution> active = new ConcurrentHashMap<>();
    private final Object lockoutLock = new Object();
    private volatile PatientSetPlanner planner;
    private final Consumer<QueryRun> ended;

    /** Demographic ages count on the day each run is submitted. */
    public CohortRuns(SparkSession spark, QueryRunStore store, PrivacySettings privacy,
                      RunSettings settings, Supplier<Optional<Snapshot>> latestSnapshot, Clock clock) {
        this(spark, store, privacy, settings, latestSnapshot, clock, LocalDate::now);
    }

    /** @param ageAsOf the day on which demographic age terms count, asked when a run is planned */
    public CohortRuns(SparkSession spark, QueryRunStore store, PrivacySettings privacy, RunSettings settings,
                      Supplier<Optional<Snapshot>> latestSnapshot, Clock clock, Supplier<LocalDate> ageAsOf) {
        this(spark, store, privacy, settings, latestSnapshot, clock, ageAsOf, run -> {
        });
    }

    /**
     * @param ended hears of each run of this process once it is final (finished, failed, cancelled, timed out), on
     *              the run's worker thread (a run whose definition could not be compiled: on the submitting thread);
     *              what it throws is logged as an incident and does not change the run
     */
    public CohortRuns(SparkSession spark, QueryRunStore store, PrivacySettings privacy, RunSettings settings,
                      Supplier<Optional<Snapshot>> latestSnapshot, Clock clock, Supplier<LocalDate> ageAsOf,
                      Consumer<QueryRun> ended) {
        this.ended = ended;
        this.spark = spark;
        this.store = store;
        this.privacy = privacy;
        this.settings = settings;
        this.latestSnapshot = latestSnapshot;
        this.clock = clock;
        this.ageAsOf = ageAsOf;
        AtomicInteger next = new AtomicInteger();
        // the thread name is the Spark fair-scheduling pool of the runs it processes
        this.workers = Executors.newFixedThreadPool(settings.concurrentRuns(), r -> daemon(r,
                "cohort-run-" + next.getAndIncrement()));
        this.timers = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "cohort-run-timeouts"));
        if (settings.ownsRuns()) {
            store.interruptUnfinished(clock.instant(), "interrupted: the container stopped while this run was queued"
                    + " or processing; it was not re-run");
        }
    }

    /**
     * Stores the run (its query master first, so that the user's list shows the query at once, as i2b2 does), then
     * compiles and queues it. A definition that cannot be compiled ends its stored run as ERROR at once
     * ({@link #endUnplanned}) and is thrown to the caller.
     *
     * @throws QueryDefinitionException when the definition cannot be compiled (HTTP 400)
     * @throws org.smartcc.engine.privacy.PrivacyLockoutException when an obfuscated user repeats a query too often;
     *                                                            nothing is stored
     * @throws RunException NO_SNAPSHOT before the first snapshot exists; nothing is stored
     */
    public QueryRun submit(RunRequest request) {
        Snapshot latest = latestSnapshot();
        QueryRun stored = create(request);
        QueryRun run;
        RunExecution execution;
        try {
            // a new snapshot's planner reads its concept paths first: seconds on a cold Spark session
            PatientSetPlanner current = planner(latest);
            CohortPlan plan = current.withSets(setsOf(request.user())).plan(request.definition());
            run = new QueryRun(stored.instanceId(), stored.masterId(), stored.name(), stored.user(), stored.status(),
                    0, stored.submitted(), stored.started(), stored.ended(), stored.message(), plan.warnings(),
                    Optional.of(current.snapshot().id()), stored.results());
            execution = new RunExecution(run, plan, BreakdownTables.of(spark, current.snapshot(),
                    settings.breakdowns()), privacy.protectionFor(request.roles()), store, clock);
        } catch (RuntimeException refused) {
            endUnplanned(stored.instanceId(), refused);
            throw refused;
        }
        long id = run.instanceId();
        active.put(id, execution);
        Duration timeout = request.timeout().orElse(settings.defaultTimeout());
        workers.execute(() -> {
            var timer = timers.schedule(() -> execution.stop(QueryStatus.TIMEDOUT), timeout.toMillis(),
                    TimeUnit.MILLISECONDS);
            // a no-op until the run is stopped; then it catches the jobs a query starts after the first cancel
            var recancel = timers.scheduleWithFixedDelay(execution::cancelJobs, RECANCEL_MILLIS, RECANCEL_MILLIS,
                    TimeUnit.MILLISECONDS);
            try {
                execution.run();
            } finally {
                timer.cancel(false);
                recancel.cancel(false);
                active.remove(id);
                tellEnded(id);
            }
        });
        return run;
    }

    /**
     * Ends a stored run whose definition could not be compiled: ERROR, with the refusal's code and message (the
     * definition is the user's own, stored with the run), or for a failure without a code {@code RUN_FAILED} without
     * its text (the caller gets the failure itself); results take the same status. A failure to store the end is
     * added to the refusal, which stays what the caller gets.
     */
    private void endUnplanned(long id, RuntimeException refused) {
        String message = refused instanceof CodedException coded ? coded.code() + ": " + coded.getMessage()
                : RunExecution.RUN_FAILED + ": the run could not be planned";
        try {
            store.ended(id, QueryStatus.ERROR, Optional.of(message), List.of(), Optional.empty(), clock.instant());
        } catch (RuntimeException e) {
            refused.addSuppressed(e);
            return;
        }
        tellEnded(id);
    }

    /** The run with its live progress while it is processed. */
    public Optional<QueryRun> find(long instanceId) {
        Optional<QueryRun> stored = store.find(instanceId);
        RunExecution execution = active.get(instanceId);
        return execution == null ? stored : stored.map(r -> r.status().isFinal() ? r : r.withProgress(
                execution.progress()));
    }

    /** Stops a queued or processing run; a finished run stays as it is. */
    public QueryRun cancel(long instanceId) {
        QueryRun run = store.find(instanceId).orElseThrow(() -> new RunException(RunException.Code.RUN_NOT_FOUND,
                "no run " + instanceId));
        RunExecution execution = active.get(instanceId);
        if (execution != null && !run.status().isFinal()) {
            execution.stop(QueryStatus.CANCELLED);
            if (run.status() == QueryStatus.QUEUED) {
                store.ended(instanceId, QueryStatus.CANCELLED, Optional.of("cancelled before it started"),
                        run.warnings(), Optional.empty(), clock.instant());
            }
        }
        return find(instanceId).orElseThrow();
    }

    /** Waits until the run is final or the time has passed, and returns it as it then is. */
    public QueryRun await(long instanceId, Duration atMost) throws InterruptedException {
        Instant deadline = clock.instant().plus(atMost);
        QueryRun run = find(instanceId).orElseThrow(() -> new RunException(RunException.Code.RUN_NOT_FOUND,
                "no run " + instanceId));
        while (!run.status().isFinal() && clock.instant().isBefore(deadline)) {
            Thread.sleep(50);
            run = find(instanceId).orElseThrow();
        }
        return run;
    }

    public QueryRunStore store() {
        return store;
    }

    private void tellEnded(long id) {
        try {
            store.find(id).filter(r -> r.status().isFinal()).ifPresent(ended);
        } catch (RuntimeException e) {
            Incidents.log("telling of the end of cohort run " + id, e);
        }
    }

    private Snapshot latestSnapshot() {
        return latestSnapshot.get().orElseThrow(() -> new RunException(RunException.Code.NO_SNAPSHOT,
                "no Parquet snapshot of the clinical store exists yet; cohort queries run once it is written"));
    }

    /** The planner of the latest snapshot, made again when a newer snapshot appears. */
    private PatientSetPlanner planner(Snapshot latest) {
        PatientSetPlanner current = planner;
        if (current == null || !current.snapshot().id().equals(latest.id())) {
            current = new PatientSetPlanner(spark, latest, SetResolver.NONE, ageAsOf);
            planner = current;
        }
        return current;
    }

    /** Previous queries and patient sets of the user, read from the run store. */
    private SetResolver setsOf(String user) {
        return (key, path) -> {
            long resultId;
            if (key instanceof ItemKey.PreviousQuery q) {
                long masterId = id(q.masterId(), path);
                requireOwner(store.ownerOfMaster(masterId), user, key, path);
                resultId = store.latestPatientSetOfMaster(masterId).orElseThrow(() -> new QueryDefinitionException(
                        path, "query " + masterId + " has no finished patient set to use"));
            } else {
                resultId = id(key instanceof ItemKey.PatientSet s ? s.id() : ((ItemKey.EncounterSet) key).id(), path);
                requireOwner(store.ownerOfResult(resultId), user, key, path);
            }
            boolean encounters = key instanceof ItemKey.EncounterSet;
            Dataset<Row> members = store.setMembers(spark, resultId, encounters);
            return encounters ? members.select("patient_num", "encounter_num") : members.select("patient_num");
        };
    }

    private static void requireOwner(Optional<String> owner, String user, ItemKey key, String path) {
        if (owner.isEmpty() || !owner.get().equals(user)) {
            // the same answer for "absent" and "someone else's": ids of other users' sets are not confirmed
            throw new QueryDefinitionException(path, "no set '" + key.text() + "' of yours");
        }
    }

    private static long id(String text, String path) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new QueryDefinitionException(path, "'" + text + "' is not a number");
        }
    }

    /**
     * Stores the run; for a user whose counts are obfuscated, only after the lockout allowed it. The check and the
     * insert hold one lock, so that concurrent submissions cannot all pass a check that counts none of them.
     */
    private QueryRun create(RunRequest request) {
        String fingerprint = QueryFingerprint.of(request.definition());
        if (privacy.seesExactCounts(request.roles())) {
            return store.create(request, fingerprint, clock.instant());
        }
        synchronized (lockoutLock) {
            Instant now = clock.instant();
            QueryLockout lockout = privacy.lockout();
            lockout.check(store.earlierRuns(request.user(), fingerprint, now.minus(Duration.ofDays(lockout.days()))),
                    now);
            return store.create(request, fingerprint, now);
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Stops the workers; runs still processing are marked INCOMPLETE by the next start. */
    @Override
    public void close() {
        active.values().forEach(e -> e.stop(QueryStatus.INCOMPLETE));
        workers.shutdownNow();
        timers.shutdownNow();
    }
}
