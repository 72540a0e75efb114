package org.smartcc.engine.privacy;

import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * SHRINE's (and ACT's) obfuscation: exact counts at or below the threshold are reported as "10 or fewer"; others get
 * Gaussian noise clamped to ±clamp and are rounded to the nearest multiple of the bin, and a result that lands at or
 * below the threshold is reported as "10 or fewer" too, so no number at or below the threshold is ever shown.
 */
final class ShrineObfuscation implements CountProtection {

    public static final String METHOD = "SHRINE";

    private final long threshold;
    private final long bin;
    private final double sigma;
    private final double clamp;
    private final RandomGenerator random;
    private final ReportedCount orFewer;

    /**
     * @param threshold exact counts at or below it are reported as "threshold or fewer" (SHRINE: 10)
     * @param bin       reported counts are multiples of it (SHRINE: 5)
     * @param sigma     the standard deviation of the noise before clamping (SHRINE: 6.5)
     * @param clamp     the noise is cut to ±clamp (SHRINE: 10)
     * @param random    the source of noise: a {@code SecureRandom} in service, a seeded one in tests
     */
    public ShrineObfuscation(long threshold, long bin, double sigma, double clamp, RandomGenerator random) {
        if (bin < 1) {
            throw new IllegalArgumentException("the bin must be at least 1: " + bin);
        }
        if (!(sigma >= 0 && Double.isFinite(sigma)) || !(clamp >= 0 && Double.isFinite(clamp))) {
            throw new IllegalArgumentException("σ and clamp must be finite numbers ≥ 0: " + sigma + ", " + clamp);
        }
        this.threshold = Breakdown.requireCount(threshold, "the threshold");
        this.bin = bin;
        this.sigma = sigma;
        this.clamp = clamp;
        this.random = Objects.requireNonNull(random, "random");
        this.orFewer = new ReportedCount(threshold, threshold + " or fewer", true, METHOD);
    }

    @Override
    public ReportedCount total(long exact) {
        return binned(exact);
    }

    @Override
    public Map<String, ReportedCount> breakdown(long exactTotal, Map<String, Long> exactCells) {
        return Breakdown.protect(exactTotal, exactCells, this::binned, threshold, METHOD);
    }

    @Override
    public String method() {
        return METHOD;
    }

    private ReportedCount binned(long exact) {
        Breakdown.requireCount(exact, "the count");
        if (exact <= threshold) {
            return orFewer;
        }
        double noise = Math.max(-clamp, Math.min(clamp, sigma * random.nextGaussian()));
        long value = Math.round((exact + noise) / bin) * bin;
        return value <= threshold ? orFewer : ReportedCount.shown(value, METHOD);
    }

    @Override
    public long smallCellLimit() {
        return threshold;
    }
}
