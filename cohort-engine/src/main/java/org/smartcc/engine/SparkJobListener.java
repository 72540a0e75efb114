package org.smartcc.engine;

import java.time.Duration;

/** Told of each Spark job the engine's classic session ends, for the container's metrics. */
@FunctionalInterface
public interface SparkJobListener {

    /** A job ended, successfully or not, {@code took} after it started. */
    void jobEnded(boolean succeeded, Duration took);
}
