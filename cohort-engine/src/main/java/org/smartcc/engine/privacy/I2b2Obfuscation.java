package org.smartcc.engine.privacy;

import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * i2b2's obfuscation: {@code round(n + N(0, σ))}, at least 0, and 0 for every exact count at or below the minimum.
 * Breakdown cells get a larger σ because a breakdown shows several counts of the same patients at once.
 */
final class I2b2Obfuscation implements CountProtection {

    public static final String METHOD = "OBSUBTOTAL";

    private final double sigma;
    private final double breakdownSigma;
    private final long minimum;
    private final RandomGenerator random;

    /**
     * @param sigma          the standard deviation of the noise on a total (i2b2: 1.323)
     * @param breakdownSigma the standard deviation of the noise on a breakdown cell (i2b2: 1.6)
     * @param minimum        exact counts at or below it are reported as 0 (i2b2: 3)
     * @param random         the source of noise: a {@code SecureRandom} in service, a seeded one in tests
     */
    public I2b2Obfuscation(double sigma, double breakdownSigma, long minimum, RandomGenerator random) {
        if (!(sigma >= 0 && Double.isFinite(sigma)) || !(breakdownSigma >= 0 && Double.isFinite(breakdownSigma))) {
            throw new IllegalArgumentException("σ must be a finite number ≥ 0: " + sigma + ", " + breakdownSigma);
        }
        this.sigma = sigma;
        this.breakdownSigma = breakdownSigma;
        this.minimum = Breakdown.requireCount(minimum, "the minimum");
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public ReportedCount total(long exact) {
        return noised(exact, sigma);
    }

    @Override
    public Map<String, ReportedCount> breakdown(long exactTotal, Map<String, Long> exactCells) {
        return Breakdown.protect(exactTotal, exactCells, exact -> noised(exact, breakdownSigma), minimum, METHOD);
    }

    @Override
    public String method() {
        return METHOD;
    }

    private ReportedCount noised(long exact, double sd) {
        Breakdown.requireCount(exact, "the count");
        if (exact <= minimum) {
            return new ReportedCount(0, "0", true, METHOD);
        }
        return ReportedCount.shown(Math.max(0, Math.round(exact + sd * random.nextGaussian())), METHOD);
    }

    @Override
    public long smallCellLimit() {
        return minimum;
    }
}
