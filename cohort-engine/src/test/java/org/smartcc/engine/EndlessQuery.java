package org.smartcc.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.smartcc.engine.internal.spark.SparkJobs;

/** A query of about 10^18 rows, which only a working cancel ends: for the tests of {@link SparkJobs#cancel}. */
public final class EndlessQuery {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private EndlessQuery() {
    }

    /**
     * Starts the query under a tag on another thread, cancels the tag every 250 ms (as cohort runs do: a cancel
     * reaches only the jobs already under way) and asserts that the query ended in an error within a minute.
     * Returns the largest progress seen meanwhile.
     */
    public static SparkJobs.TaskProgress assertACancelStopsIt(SparkSession spark) throws Exception {
        SparkJobs jobs = SparkJobs.of(spark);
        String tag = "endless-query-" + System.nanoTime();
        CompletableFuture<Object> endless = CompletableFuture.supplyAsync(() -> {
            jobs.begin(tag, "endless query", "default");
            try {
                return spark.range(0, Long.MAX_VALUE / 8).selectExpr("sum(id % 7)").first();
            } finally {
                jobs.end(tag);
            }
        });
        Instant started = Instant.now();
        SparkJobs.TaskProgress most = SparkJobs.TaskProgress.UNKNOWN;
        while (!endless.isDone() && Duration.between(started, Instant.now()).compareTo(DEADLINE) < 0) {
            SparkJobs.TaskProgress now = jobs.progress(tag);
            most = now.total() > most.total() ? now : most;
            if (Duration.between(started, Instant.now()).toSeconds() >= 2) {
                jobs.cancel(tag, "test"); // after a while, so that the progress of a running job could be seen
            }
            Thread.sleep(250);
        }
        ExecutionException stopped = assertThrows(ExecutionException.class, () -> endless.get(1, TimeUnit.SECONDS),
                "the query was not stopped within " + DEADLINE.toSeconds() + " s");
        String message = String.valueOf(stopped.getCause().getMessage()).toLowerCase();
        assertTrue(message.contains("cancel") || message.contains("interrupt"), message);
        assertFalse(spark.range(0, 3).collectAsList().isEmpty(), "the session still works after the cancel");
        return most;
    }
}
