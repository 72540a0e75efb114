package org.smartcc.engine.run;

import java.time.Duration;

/**
 * How runs execute.
 *
 * @param concurrentRuns runs processed at once, each in its own Spark fair-scheduling pool; more wait QUEUED
 * @param defaultTimeout a run still processing after it is stopped and marked TIMEDOUT
 * @param ownsRuns       whether this process owns the run table: on start it marks runs an earlier process left
 *                       unfinished INCOMPLETE. The container does; a batch job beside a running container must not
 */
public record RunSettings(int concurrentRuns, Duration defaultTimeout, boolean ownsRuns) {

    public static final RunSettings DEFAULTS = new RunSettings(3, Duration.ofHours(1), true);

    public RunSettings {
        if (concurrentRuns < 1) {
            throw new IllegalArgumentException("concurrentRuns must be at least 1: " + concurrentRuns);
        }
        if (defaultTimeout.isNegative() || defaultTimeout.isZero()) {
            throw new IllegalArgumentException("defaultTimeout must be positive: " + defaultTimeout);
        }
    }
}
