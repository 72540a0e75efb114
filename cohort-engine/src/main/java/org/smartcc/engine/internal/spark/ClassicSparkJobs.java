package org.smartcc.engine.internal.spark;

import java.util.Optional;
import org.apache.spark.JobExecutionStatus;
import org.apache.spark.SparkContext;
import org.apache.spark.SparkJobInfo;
import org.apache.spark.SparkStageInfo;
import org.apache.spark.SparkStatusTracker;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.execution.ExplainMode;

/** {@link SparkJobs} of a classic session: job group, job tag and fair-scheduling pool on its SparkContext. */
final class ClassicSparkJobs implements SparkJobs {

    private static final String POOL = "spark.scheduler.pool";

    private final SparkContext context;

    ClassicSparkJobs(SparkContext context) {
        this.context = context;
    }

    @Override
    public void begin(String tag, String description, String pool) {
        context.setJobGroup(tag, description, true);
        context.addJobTag(tag);
        context.setLocalProperty(POOL, pool);
    }

    @Override
    public void end(String tag) {
        context.clearJobGroup();
        context.removeJobTag(tag);
        context.setLocalProperty(POOL, null);
    }

    /** By group and by tag: broadcast exchanges run their jobs in a group of their own but inherit the tags. */
    @Override
    public void cancel(String tag, String reason) {
        context.cancelJobGroup(tag, reason);
        context.cancelJobsWithTag(tag, reason);
    }

    @Override
    public TaskProgress progress(String tag) {
        SparkStatusTracker tracker = context.statusTracker();
        long total = 0;
        long done = 0;
        for (int jobId : tracker.getJobIdsForGroup(tag)) {
            SparkJobInfo job = tracker.getJobInfo(jobId).getOrElse(() -> null);
            if (job == null || job.status() != JobExecutionStatus.RUNNING) {
                continue;
            }
            for (int stageId : job.stageIds()) {
                SparkStageInfo stage = tracker.getStageInfo(stageId).getOrElse(() -> null);
                if (stage != null) {
                    total += stage.numTasks();
                    done += stage.numCompletedTasks();
                }
            }
        }
        return new TaskProgress(done, total);
    }

    @Override
    public Optional<String> explain(Dataset<?> plan) {
        if (plan instanceof org.apache.spark.sql.classic.Dataset<?> classic) {
            return Optional.of(classic.queryExecution().explainString(ExplainMode.fromString("formatted")));
        }
        return Optional.empty();
    }
}
