package org.smartcc.engine.privacy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The true counts, for users whose role allows them (i2b2's DATA_AGG and above). */
final class ExactCounts implements CountProtection {

    public static final String METHOD = "EXACT";

    @Override
    public ReportedCount total(long exact) {
        return ReportedCount.shown(Breakdown.requireCount(exact, "the count"), METHOD);
    }

    @Override
    public Map<String, ReportedCount> breakdown(long exactTotal, Map<String, Long> exactCells) {
        Breakdown.requireConsistent(exactTotal, exactCells);
        Map<String, ReportedCount> cells = new LinkedHashMap<>();
        exactCells.forEach((name, exact) -> cells.put(name, ReportedCount.shown(exact, METHOD)));
        return Collections.unmodifiableMap(cells);
    }

    @Override
    public String method() {
        return METHOD;
    }

    @Override
    public long smallCellLimit() {
        return 0;
    }
}
