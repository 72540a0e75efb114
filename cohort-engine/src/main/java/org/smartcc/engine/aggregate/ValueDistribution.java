package org.smartcc.engine.aggregate;

import java.util.List;
import java.util.Optional;
import org.smartcc.engine.privacy.ReportedCount;

/**
 * How a numeric value of one code is distributed over a patient set. Quantiles and bins are given only when the set
 * has more patients with values than the caller's small-cell limit; counts are protected.
 *
 * @param code      {@code SYSTEM:CODE} as asked
 * @param unit      the unit of the values (the most frequent one; values in other units are left out), or empty
 * @param patients  the patients with at least one value
 * @param values    the number of values
 * @param quantiles p5, p25, p50, p75, p95 of the values (linear interpolation), or empty
 * @param bins      in ascending order: below the first edge, equal-width bins between edges, from the last edge on
 */
public record ValueDistribution(String code, Optional<String> unit, ReportedCount patients, ReportedCount values,
                                Optional<Quantiles> quantiles, List<Bin> bins) {

    public ValueDistribution {
        bins = List.copyOf(bins);
    }

    public record Quantiles(double p5, double p25, double p50, double p75, double p95) {
    }

    /**
     * The patients with a value from {@code from} (included) to {@code to} (excluded).
     *
     * @param from empty for the first bin (every value below {@code to})
     * @param to   empty for the last bin (every value from {@code from} on)
     */
    public record Bin(Optional<Double> from, Optional<Double> to, ReportedCount patients) {
    }
}
