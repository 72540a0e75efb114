package org.smartcc.engine.internal.spark;

import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;

/**
 * Control over the Spark jobs of one piece of work, marked by a tag: cancel, progress and the plan. A classic session
 * (local or cluster) does it through its SparkContext; a Spark Connect session, which has none, through session tags
 * and the server's analysis.
 */
public interface SparkJobs {

    static SparkJobs of(SparkSession session) {
        return session instanceof org.apache.spark.sql.classic.SparkSession classic
                ? new ClassicSparkJobs(classic.sparkContext()) : new ConnectSparkJobs(session);
    }

    /** Marks the jobs that the calling thread starts from now on with the tag, in the given scheduling pool. */
    void begin(String tag, String description, String pool);

    /** Stops marking the calling thread's jobs. */
    void end(String tag);

    /** Cancels the running jobs marked with the tag. */
    void cancel(String tag, String reason);

    /** Tasks of the tag's running jobs; zero of zero where the session cannot tell. */
    TaskProgress progress(String tag);

    /** The plan as Spark explains it ("formatted"), if it can be had. */
    Optional<String> explain(Dataset<?> plan);

    /** Finished and total tasks of the running jobs. */
    record TaskProgress(long done, long total) {

        public static final TaskProgress UNKNOWN = new TaskProgress(0, 0);

        public double fraction() {
            return total == 0 ? 0 : (double) done / total;
        }
    }
}
