package org.smartcc.engine.run;

import java.time.Clock;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.smartcc.engine.internal.spark.SparkJobs;
import org.smartcc.engine.privacy.CountProtection;
import org.smartcc.engine.privacy.ReportedCount;
import org.smartcc.engine.query.spark.CohortPlan;
import org.smartcc.store.Incidents;

/**
 * The work of one run on a worker thread: its Spark jobs carry the run's tag (so cancel and timeout stop them)
 * and the thread's fair-scheduling pool. The patients are computed once and kept while each requested result is made
 * from them; every result is committed as soon as it is ready.
 */
final class RunExecution implements Runnable {

    /** The stable code at the start of a failed run's message. */
    static final String RUN_FAILED = "RUN_FAILED";

    private final QueryRun run;
    private final CohortPlan plan;
    private final BreakdownTables tables;
    private final CountProtection protection;
    private final QueryRunStore store;
    private final Clock clock;
    private final SparkJobs jobs;
    private volatile QueryStatus stopReason;
    private volatile int stepsDone;

    RunExecution(QueryRun run, CohortPlan plan, BreakdownTables tables, CountProtection protection,
                 QueryRunStore store, Clock clock) {
        this.run = run;
        this.plan = plan;
        this.tables = tables;
        this.protection = protection;
        this.store = store;
        this.clock = clock;
        this.jobs = SparkJobs.of(plan.patients().sparkSession());
    }

    /** Marks the run's Spark jobs (job group and job tag of a classic session, session tag of Spark Connect). */
    String tag() {
        return "cohort-run-" + run.instanceId();
    }

    /** Stops the run's Spark jobs; the run ends with the given status (CANCELLED or TIMEDOUT). */
    void stop(QueryStatus reason) {
        stopReason = reason;
        cancelJobs();
    }

    /**
     * Cancels the run's running jobs. A query is several jobs one after the other (adaptive execution), so a stopped
     * run is cancelled again until it ends ({@link CohortRuns}): a job started just after one cancel meets the next.
     */
    void cancelJobs() {
        if (stopReason != null) {
            jobs.cancel(tag(), "cohort run " + run.instanceId() + " " + stopReason.name().toLowerCase());
        }
    }

    /** 0 to 1: finished steps (the count, then each result) and the finished tasks of the running jobs. */
    double progress() {
        int steps = 1 + run.results().size();
        return Math.min(0.99, (stepsDone + jobs.progress(tag()).fraction()) / steps);
    }

    @Override
    public void run() {
        if (stopReason != null) {
            store.ended(run.instanceId(), stopReason, Optional.of("stopped before it started: "
                    + stopReason.name().toLowerCase()), plan.warnings(), Optional.empty(), clock.instant());
            return;
        }
        store.started(run.instanceId(), run.snapshotId().orElse(""), clock.instant());
        jobs.begin(tag(), "cohort run " + run.instanceId(), Thread.currentThread().getName());
        Dataset<Row> patients = plan.patients().persist(StorageLevel.MEMORY_AND_DISK());
        try {
            long count = patients.count();
            ReportedCount shown = protection.total(count); // drawn once: fresh noise per result would average out
            stepsDone = 1;
            for (RunResult result : run.results()) {
                if (stopReason != null) {
                    // a cancel stops running jobs only: the next step must not start another
                    throw new java.util.concurrent.CancellationException();
                }
                produce(result, patients, count, shown);
                stepsDone++;
            }
            store.ended(run.instanceId(), QueryStatus.FINISHED, Optional.empty(), plan.warnings(), explain(),
                    clock.instant());
        } catch (Exception e) { // Spark's SparkException too (a cancelled job): Scala throws it unchecked
            QueryStatus status = stopReason != null ? stopReason : QueryStatus.ERROR;
            String message;
            if (stopReason != null) {
                message = "stopped: " + stopReason.name().toLowerCase(java.util.Locale.ROOT);
            } else {
                // the user gets an id to quote, not Spark's text: that can hold plans, paths and values
                String incident = Incidents.log("cohort run " + run.instanceId(), e);
                message = RUN_FAILED + ": the run failed; incident " + incident
                        + " (the server's log has the details under this id)";
            }
            store.ended(run.instanceId(), status, Optional.of(message), plan.warnings(), explain(), clock.instant());
        } finally {
            patients.unpersist(false);
            jobs.end(tag());
        }
    }

    private void produce(RunResult result, Dataset<Row> patients, long count, ReportedCount shownCount)
            throws Exception {
        long id = result.resultInstanceId();
        switch (result.type()) {
            case PATIENT_COUNT_XML -> store.resultFinished(id, count, shownCount, Map.of(), clock.instant());
            case PATIENTSET -> {
                Iterator<Row> rows = patients.orderBy("patient_num").toLocalIterator();
                try {
                    store.savePatientSet(id, integers(rows));
                } finally {
                    release(rows);
                }
                store.resultFinished(id, count, shownCount, Map.of(), clock.instant());
            }
            case PATIENT_ENCOUNTER_SET -> {
                Dataset<Row> encounters = plan.encounters().orderBy("patient_num", "encounter_num");
                long visits = encounters.count();
                Iterator<Row> rows = encounters.toLocalIterator();
                try {
                    store.saveEncounterSet(id, new Iterator<>() {
                        public boolean hasNext() {
                            return rows.hasNext();
                        }

                        public int[] next() {
                            Row r = rows.next();
                            return new int[] {r.getInt(0), r.getInt(1)};
                        }
                    });
                } finally {
                    release(rows);
                }
                store.resultFinished(id, visits, protection.total(visits), Map.of(), clock.instant());
            }
            default -> {
                Map<String, Long> cells = result.type().breakdownColumn().isPresent()
                        ? Breakdowns.cells(patients, tables.patientDimension(), result.type())
                        : SqlBreakdowns.cells(patients, tables, result.type());
                Map<String, ReportedCount> shown = protection.breakdown(count, cells);
                if (SqlBreakdowns.namesConcepts(result.type())) {
                    shown = SqlBreakdowns.withoutSuppressed(shown);
                }
                store.resultFinished(id, count, shownCount, shown, clock.instant());
            }
        }
    }

    /** A Spark Connect result holds Arrow buffers until its iterator is closed, read to the end or not. */
    private static void release(Iterator<Row> rows) throws Exception {
        if (rows instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    private static Iterator<Integer> integers(Iterator<Row> rows) {
        return new Iterator<>() {
            public boolean hasNext() {
                return rows.hasNext();
            }

            public Integer next() {
                return rows.next().getInt(0);
            }
        };
    }

    private Optional<String> explain() {
        try {
            return jobs.explain(plan.patients());
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
