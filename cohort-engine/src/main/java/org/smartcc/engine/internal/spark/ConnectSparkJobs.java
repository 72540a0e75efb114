package org.smartcc.engine.internal.spark;

import java.util.Optional;
import org.apache.spark.connect.proto.AnalyzePlanRequest;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;
import scala.Option;

/**
 * {@link SparkJobs} of a Spark Connect session: operations carry the session's tags and are interrupted by tag.
 * Scheduling pools and task counts belong to the server, which a Connect client cannot reach.
 */
final class ConnectSparkJobs implements SparkJobs {

    private final SparkSession session;

    ConnectSparkJobs(SparkSession session) {
        this.session = session;
    }

    @Override
    public void begin(String tag, String description, String pool) {
        session.addTag(tag);
    }

    @Override
    public void end(String tag) {
        session.removeTag(tag);
    }

    @Override
    public void cancel(String tag, String reason) {
        session.interruptTag(tag);
    }

    @Override
    public TaskProgress progress(String tag) {
        return TaskProgress.UNKNOWN;
    }

    /** Asks the server, as Dataset.explain does before it prints: the public API only prints the plan. */
    @Override
    public Optional<String> explain(Dataset<?> plan) {
        if (session instanceof org.apache.spark.sql.connect.SparkSession connect
                && plan instanceof org.apache.spark.sql.connect.Dataset<?> dataset) {
            return Optional.of(connect.analyze(dataset.plan(), AnalyzePlanRequest.AnalyzeCase.EXPLAIN,
                    Option.apply(AnalyzePlanRequest.Explain.ExplainMode.EXPLAIN_MODE_FORMATTED))
                    .getExplain().getExplainString());
        }
        return Optional.empty();
    }
}
