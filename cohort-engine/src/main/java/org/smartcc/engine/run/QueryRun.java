package org.smartcc.engine.run;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A run as its user sees it: the query instance with its master, its state and its results.
 *
 * @param progress 0 to 1, from the Spark tasks of the run's job group; 1 when final
 */
public record QueryRun(long instanceId, long masterId, String name, String user, QueryStatus status, double progress,
                       Instant submitted, Optional<Instant> started, Optional<Instant> ended, Optional<String> message,
                       List<String> warnings, Optional<String> snapshotId, List<RunResult> results) {

    public QueryRun {
        warnings = List.copyOf(warnings);
        results = List.copyOf(results);
    }

    public QueryRun withProgress(double value) {
        return new QueryRun(instanceId, masterId, name, user, status, value, submitted, started, ended, message,
                warnings, snapshotId, results);
    }
}
