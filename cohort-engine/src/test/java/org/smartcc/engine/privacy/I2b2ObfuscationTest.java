package org.smartcc.engine.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/** i2b2's rule: round(n + N(0, σ)), 0 at or below the minimum, never negative, never exact. */
class I2b2ObfuscationTest {

    private static final int DRAWS = 20_000;

    private final I2b2Obfuscation obfuscation = new I2b2Obfuscation(1.323, 1.6, 3, new Random(20_240_501L));

    @Test
    void aTotalIsTheCountPlusNoiseOfSigma1323() {
        double[] moments = moments(() -> {
            ReportedCount count = obfuscation.total(100);
            assertFalse(count.suppressed());
            assertEquals(Long.toString(count.value()), count.display());
            assertEquals("OBSUBTOTAL", count.method());
            return count.value();
        });
        assertEquals(100, moments[0], 0.1, "mean");
        assertEquals(1.323, moments[1], 0.1, "standard deviation");
    }

    @Test
    void aBreakdownCellGetsNoiseOfSigma16() {
        double[] moments = moments(() -> obfuscation.breakdown(300, Map.of("F", 100L, "M", 200L)).get("F").value());
        assertEquals(100, moments[0], 0.1, "mean");
        assertEquals(1.6, moments[1], 0.1, "standard deviation");
    }

    @Test
    void countsAtOrBelowTheMinimumAreReportedAsZero() {
        for (long exact = 0; exact <= 3; exact++) {
            for (int draw = 0; draw < 1_000; draw++) {
                ReportedCount count = obfuscation.total(exact);
                assertEquals(new ReportedCount(0, "0", true, "OBSUBTOTAL"), count, "n = " + exact);
            }
        }
        assertEquals(0, new I2b2Obfuscation(1.323, 1.6, 5, new Random(1)).total(5).value());
        assertFalse(new I2b2Obfuscation(0, 0, 5, new Random(1)).total(6).suppressed());
    }

    @Test
    void noiseBelowZeroIsReportedAsZero() {
        I2b2Obfuscation wide = new I2b2Obfuscation(50, 50, 3, new Random(7));
        int zeros = 0;
        for (int draw = 0; draw < 1_000; draw++) {
            ReportedCount count = wide.total(4);
            assertTrue(count.value() >= 0, count.toString());
            assertFalse(count.suppressed(), "a count above the minimum is noised, not suppressed");
            zeros += count.value() == 0 ? 1 : 0;
        }
        assertTrue(zeros > 300, "about half the draws fall below zero, got " + zeros);
    }

    @Test
    void everyRunDrawsFreshNoise() {
        long first = obfuscation.total(1_000).value();
        boolean differs = false;
        for (int draw = 0; draw < 100 && !differs; draw++) {
            differs = obfuscation.total(1_000).value() != first;
        }
        assertTrue(differs, "the same count reported 101 times unchanged");
    }

    /** The mean and the sample standard deviation of {@link #DRAWS} draws. */
    private static double[] moments(LongSupplier draw) {
        double sum = 0;
        double sumOfSquares = 0;
        for (int i = 0; i < DRAWS; i++) {
            long value = draw.getAsLong();
            sum += value;
            sumOfSquares += (double) value * value;
        }
        double mean = sum / DRAWS;
        double variance = (sumOfSquares - DRAWS * mean * mean) / (DRAWS - 1);
        return new double[] {mean, Math.sqrt(variance)};
    }
}
