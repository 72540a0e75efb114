package org.smartcc.engine.run;

import java.util.Map;
import java.util.Optional;
import org.smartcc.engine.privacy.ReportedCount;

/**
 * One result of a run. {@code setSize} is what the user may see (obfuscated unless their role allows exact counts);
 * the exact size is kept by the store and never shown here.
 *
 * @param breakdown the cells of a breakdown result, protected like the count; empty for the other types
 */
public record RunResult(long resultInstanceId, ResultType type, QueryStatus status, Optional<ReportedCount> setSize,
                        Map<String, ReportedCount> breakdown) {

    public RunResult {
        // in the breakdown's order: a top list is sorted by its counts
        breakdown = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(breakdown));
    }
}
