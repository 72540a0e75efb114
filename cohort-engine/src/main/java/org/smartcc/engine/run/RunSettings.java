package org.smartcc.engine.run;

import java.time.Duration;

/**
 * How runs execute.
 *
 * @param concurrentRuns runs processed at once, each in its own Spark fair-scheduling pool; more wait QUEUED
 * @param defaultTimeout a run still processing after it is stopped and marked TIMEDOUT
 * @param ownsRuns       whether this process owns the run table: on start it marks runs an earlier process left
 *                       unfinished INCOMPLETE. The container does; a batch job beside a running container must not
 * @param breakdowns     how i2b2's SQL breakdowns group (top-n, length-of-stay groups)
 */
public record RunSettings(int concurrentRuns, Duration defaultTimeout, boolean ownsRuns,
                          BreakdownSettings breakdowns) {

    public static final RunSettings DEFAULTS = new RunSettings(3, Duration.ofHours(1), true);

    /** With i2b2's breakdown settings (top 20, the default length-of-stay groups). */
    public RunSettings(int concurrentRuns, Duration defaultTimeout, boolean ownsRuns) {
        this(concurrentRuns, defaultTimeout, ownsRuns, BreakdownSettings.DEFAULTS);
    }

    public RunSettings {
        java.util.Objects.requireNonNull(breakdowns, "breakdowns");
        if (concurrentRuns < 1) {
            throw new IllegalArgumentException("concurrentRuns must be at least 1: " + concurrentRuns);
        }
        if (defaultTimeout.isNegative() || defaultTimeout.isZero()) {
            throw new IllegalArgumentException("defaultTimeout must be positive: " + defaultTimeout);
        }
    }
}
