package org.smartcc.engine.internal.spark;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.scheduler.JobSucceeded$;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.smartcc.engine.SparkJobListener;

/** Spark's listener bus to a {@link SparkJobListener}: a job's start time is kept until it ends. */
public final class JobTimings extends SparkListener {

    private final SparkJobListener listener;
    private final Map<Integer, Long> started = new ConcurrentHashMap<>();

    public JobTimings(SparkJobListener listener) {
        this.listener = listener;
    }

    @Override
    public void onJobStart(SparkListenerJobStart start) {
        started.put(start.jobId(), start.time());
    }

    @Override
    public void onJobEnd(SparkListenerJobEnd end) {
        Long at = started.remove(end.jobId());
        listener.jobEnded(end.jobResult() == JobSucceeded$.MODULE$,
                Duration.ofMillis(at == null ? 0 : Math.max(0, end.time() - at)));
    }
}
