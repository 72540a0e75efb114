package org.smartcc.engine.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** SHRINE's rule: "10 or fewer" at or below the threshold, otherwise clamped noise binned to multiples of 5. */
class ShrineObfuscationTest {

    private static final ReportedCount TEN_OR_FEWER = new ReportedCount(10, "10 or fewer", true, "SHRINE");

    private final ShrineObfuscation obfuscation = new ShrineObfuscation(10, 5, 6.5, 10, new Random(20_240_502L));

    @Test
    void countsAtOrBelowTheThresholdAreTenOrFewer() {
        for (long exact = 0; exact <= 10; exact++) {
            for (int draw = 0; draw < 200; draw++) {
                assertEquals(TEN_OR_FEWER, obfuscation.total(exact), "n = " + exact);
            }
        }
    }

    @Test
    void largerCountsAreMultiplesOfFiveWithinTheClampAndNeverTenOrLess() {
        for (long exact = 11; exact <= 300; exact++) {
            for (int draw = 0; draw < 200; draw++) {
                ReportedCount count = obfuscation.total(exact);
                if (count.suppressed()) {
                    assertEquals(TEN_OR_FEWER, count, "n = " + exact);
                    continue;
                }
                assertEquals(Long.toString(count.value()), count.display());
                assertEquals(0, count.value() % 5, count.toString());
                assertTrue(count.value() > 10, count.toString());
                assertTrue(Math.abs(count.value() - exact) <= 10 + 2.5, "n = " + exact + ": " + count);
            }
        }
    }

    @Test
    void countsJustAboveTheThresholdAreSometimesShownAndSometimesTenOrFewer() {
        Set<String> displays = new HashSet<>();
        for (int draw = 0; draw < 1_000; draw++) {
            displays.add(obfuscation.total(11).display());
        }
        assertTrue(displays.contains("10 or fewer"), displays.toString());
        assertTrue(displays.contains("15"), displays.toString());
    }

    @Test
    void theNoiseIsUnbiasedAndReachesTheClampButNotBeyond() {
        double sum = 0;
        Set<Long> values = new HashSet<>();
        for (int draw = 0; draw < 20_000; draw++) {
            long value = obfuscation.total(100).value();
            sum += value;
            values.add(value);
        }
        assertEquals(100, sum / 20_000, 0.3, "mean");
        assertEquals(Set.of(90L, 95L, 100L, 105L, 110L), values);

        ShrineObfuscation wild = new ShrineObfuscation(10, 5, 1_000, 10, new Random(3));
        for (int draw = 0; draw < 1_000; draw++) {
            long value = wild.total(102).value();
            assertTrue(value >= 90 && value <= 110, "σ 1000 still clamped to ±10: " + value);
        }
    }

    @Test
    void theThresholdAndTheBinAreConfigurable() {
        ShrineObfuscation coarse = new ShrineObfuscation(20, 10, 6.5, 10, new Random(4));
        assertEquals(new ReportedCount(20, "20 or fewer", true, "SHRINE"), coarse.total(20));
        for (int draw = 0; draw < 1_000; draw++) {
            ReportedCount count = coarse.total(25);
            assertTrue(count.suppressed() || count.value() % 10 == 0 && count.value() > 20, count.toString());
        }
    }
}
