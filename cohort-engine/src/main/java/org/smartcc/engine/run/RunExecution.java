package org.smartcc.engine.run;

import java.time.Clock;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.spark.SparkContext;
import org.apache.spark.SparkJobInfo;
import org.apache.spark.SparkStageInfo;
import org.apache.spark.SparkStatusTracker;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.execution.ExplainMode;
import org.apache.spark.storage.StorageLevel;
import org.smartcc.engine.privacy.CountProtection;
import org.smartcc.engine.privacy.ReportedCount;
import org.smartcc.engine.query.spark.CohortPlan;

/**
 * The work of one run on a worker thread: its Spark jobs carry the run's job group (so cancel and timeout stop them)
 * and the thread's fair-scheduling pool. The patients are computed once and kept while each requested result is made
 * from them; every result is committed as soon as it is ready.
 */
final class RunExecution implements Runnable {

    private static final Logger LOG = Logger.getLogger(RunExecution.class.getName());

    private final QueryRun run;
    private final CohortPlan plan;
    private final Dataset<Row> patientDimension;
    private final CountProtection protection;
    private final QueryRunStore store;
    private final Clock clock;
    private final SparkContext spark;
    private volatile QueryStatus stopReason;
    private volatile int stepsDone;

    RunExecution(QueryRun run, CohortPlan plan, Dataset<Row> patientDimension, CountProtection protection,
                 QueryRunStore store, Clock clock) {
        this.run = run;
        this.plan = plan;
        this.patientDimension = patientDimension;
        this.protection = protection;
        this.store = store;
        this.clock = clock;
        this.spark = plan.patients().sparkSession().sparkContext();
    }

    String jobGroup() {
        return "cohort-run-" + run.instanceId();
    }

    /** Stops the run's Spark jobs; the run ends with the given status (CANCELLED or TIMEDOUT). */
    void stop(QueryStatus reason) {
        stopReason = reason;
        cancelJobs();
    }

    /**
     * Cancels the run's running jobs, by job group and by job tag: broadcast exchanges run their jobs in a job group of
     * their own but inherit the tags. A query is several jobs one after the other (adaptive execution), so a stopped
     * run is cancelled again until it ends ({@link CohortRuns}): a job started just after one cancel meets the next.
     */
    void cancelJobs() {
        if (stopReason != null) {
            String reason = "cohort run " + run.instanceId() + " " + stopReason.name().toLowerCase();
            spark.cancelJobGroup(jobGroup(), reason);
            spark.cancelJobsWithTag(jobGroup(), reason);
        }
    }

    /** 0 to 1: finished steps (the count, then each result) and the finished tasks of the running jobs. */
    double progress() {
        int steps = 1 + run.results().size();
        SparkStatusTracker tracker = spark.statusTracker();
        long tasks = 0;
        long done = 0;
        for (int jobId : tracker.getJobIdsForGroup(jobGroup())) {
            SparkJobInfo job = tracker.getJobInfo(jobId).getOrElse(() -> null);
            if (job == null || job.status() != org.apache.spark.JobExecutionStatus.RUNNING) {
                continue;
            }
            for (int stageId : job.stageIds()) {
                SparkStageInfo stage = tracker.getStageInfo(stageId).getOrElse(() -> null);
                if (stage != null) {
                    tasks += stage.numTasks();
                    done += stage.numCompletedTasks();
                }
            }
        }
        double current = tasks == 0 ? 0 : (double) done / tasks;
        return Math.min(0.99, (stepsDone + current) / steps);
    }

    @Override
    public void run() {
        if (stopReason != null) {
            store.ended(run.instanceId(), stopReason, Optional.of("stopped before it started: "
                    + stopReason.name().toLowerCase()), plan.warnings(), Optional.empty(), clock.instant());
            return;
        }
        store.started(run.instanceId(), run.snapshotId().orElse(""), clock.instant());
        spark.setJobGroup(jobGroup(), "cohort run " + run.instanceId(), true);
        spark.addJobTag(jobGroup());
        spark.setLocalProperty("spark.scheduler.pool", Thread.currentThread().getName());
        Dataset<Row> patients = plan.patients().persist(StorageLevel.MEMORY_AND_DISK());
        try {
            long count = patients.count();
            ReportedCount shown = protection.total(count); // drawn once: fresh noise per result would average out
            stepsDone = 1;
            for (RunResult result : run.results()) {
                if (stopReason != null) {
                    // cancelJobGroup stops running jobs only: the next step must not start another
                    throw new java.util.concurrent.CancellationException();
                }
                produce(result, patients, count, shown);
                stepsDone++;
            }
            store.ended(run.instanceId(), QueryStatus.FINISHED, Optional.empty(), plan.warnings(), explain(),
                    clock.instant());
        } catch (Exception e) { // Spark's SparkException too (a cancelled job): Scala throws it unchecked
            QueryStatus status = stopReason != null ? stopReason : QueryStatus.ERROR;
            String message = stopReason != null ? "stopped: " + stopReason.name().toLowerCase()
                    : "the run failed: " + e.getClass().getSimpleName() + ": " + e.getMessage();
            if (stopReason == null) {
                // Spark's messages name plans and files, not patient data
                LOG.log(Level.WARNING, "cohort run " + run.instanceId() + " failed", e);
            }
            store.ended(run.instanceId(), status, Optional.of(message), plan.warnings(), explain(), clock.instant());
        } finally {
            patients.unpersist(false);
            spark.clearJobGroup();
            spark.removeJobTag(jobGroup());
            spark.setLocalProperty("spark.scheduler.pool", null);
        }
    }

    private void produce(RunResult result, Dataset<Row> patients, long count, ReportedCount shownCount) {
        long id = result.resultInstanceId();
        switch (result.type()) {
            case PATIENT_COUNT_XML -> store.resultFinished(id, count, shownCount, Map.of(), clock.instant());
            case PATIENTSET -> {
                store.savePatientSet(id, integers(patients.orderBy("patient_num").toLocalIterator()));
                store.resultFinished(id, count, shownCount, Map.of(), clock.instant());
            }
            case PATIENT_ENCOUNTER_SET -> {
                Dataset<Row> encounters = plan.encounters().orderBy("patient_num", "encounter_num");
                long visits = encounters.count();
                Iterator<Row> rows = encounters.toLocalIterator();
                store.saveEncounterSet(id, new Iterator<>() {
                    public boolean hasNext() {
                        return rows.hasNext();
                    }

                    public int[] next() {
                        Row r = rows.next();
                        return new int[] {r.getInt(0), r.getInt(1)};
                    }
                });
                store.resultFinished(id, visits, protection.total(visits), Map.of(), clock.instant());
            }
            default -> {
                Map<String, Long> cells = Breakdowns.cells(patients, patientDimension, result.type());
                Map<String, ReportedCount> shown = protection.breakdown(count, cells);
                store.resultFinished(id, count, shownCount, shown, clock.instant());
            }
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
            return Optional.of(plan.patients().queryExecution().explainString(ExplainMode.fromString("formatted")));
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
