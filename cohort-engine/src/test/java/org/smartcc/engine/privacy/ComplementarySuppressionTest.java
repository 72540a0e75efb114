package org.smartcc.engine.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A breakdown never lets the shown total minus the shown cells give away a single small cell. */
class ComplementarySuppressionTest {

    private final Random random = new Random(20_240_503L);
    private final I2b2Obfuscation i2b2 = new I2b2Obfuscation(1.323, 1.6, 3, random);
    private final ShrineObfuscation shrine = new ShrineObfuscation(10, 5, 6.5, 10, random);

    @Test
    void oneSmallCellTakesTheSmallestShownCellWithIt() {
        Map<String, ReportedCount> cells = i2b2.breakdown(79, cells("F", 40, "M", 37, "U", 2));
        assertEquals(List.of("F", "M", "U"), List.copyOf(cells.keySet()));
        assertFalse(cells.get("F").suppressed());
        assertEquals(ReportedCount.complement("OBSUBTOTAL"), cells.get("M"));
        assertEquals(new ReportedCount(0, "0", true, "OBSUBTOTAL"), cells.get("U"));
    }

    @Test
    void twoSmallCellsNeedNothingMore() {
        Map<String, ReportedCount> cells = i2b2.breakdown(80, cells("F", 40, "M", 37, "U", 2, "X", 1));
        assertFalse(cells.get("F").suppressed());
        assertFalse(cells.get("M").suppressed());
        assertTrue(cells.get("U").suppressed());
        assertTrue(cells.get("X").suppressed());
    }

    @Test
    void anEmptyCellDoesNotHideASmallOne() {
        Map<String, ReportedCount> cells = i2b2.breakdown(79, cells("F", 40, "M", 37, "U", 2, "X", 0));
        assertEquals(ReportedCount.complement("OBSUBTOTAL"), cells.get("M"));
        assertFalse(cells.get("F").suppressed());
    }

    @Test
    void patientsInNoCellCountAsAHiddenTerm() {
        Map<String, ReportedCount> fewOutside = i2b2.breakdown(80, cells("F", 40, "M", 38));
        assertEquals(ReportedCount.complement("OBSUBTOTAL"), fewOutside.get("M"), "2 patients without a gender");
        assertFalse(fewOutside.get("F").suppressed());

        Map<String, ReportedCount> manyOutside = i2b2.breakdown(109, cells("F", 40, "M", 37, "U", 2));
        assertFalse(manyOutside.get("M").suppressed(), "30 patients without a gender hide the 2 with U");

        Map<String, ReportedCount> overlapping = i2b2.breakdown(80, cells("A", 60, "B", 50));
        assertFalse(overlapping.get("A").suppressed() || overlapping.get("B").suppressed());
    }

    @Test
    void shrineBreakdownsAreProtectedTheSameWay() {
        Map<String, ReportedCount> cells = shrine.breakdown(777, cells("F", 400, "M", 370, "U", 7));
        assertEquals(new ReportedCount(10, "10 or fewer", true, "SHRINE"), cells.get("U"));
        assertEquals(ReportedCount.complement("SHRINE"), cells.get("M"));
        assertFalse(cells.get("F").suppressed());
    }

    @Test
    void noRandomBreakdownLeavesASingleSmallHiddenTerm() {
        for (int trial = 0; trial < 20_000; trial++) {
            Map<String, Long> exact = new LinkedHashMap<>();
            int cellCount = 1 + random.nextInt(5);
            long sum = 0;
            for (int cell = 0; cell < cellCount; cell++) {
                long patients = random.nextInt(3) == 0 ? random.nextInt(12) : random.nextInt(60);
                exact.put("cell" + cell, patients);
                sum += patients;
            }
            long total = sum + (random.nextBoolean() ? 0 : random.nextInt(12));
            assertNoSingleSmallHiddenTerm(total, exact, i2b2.breakdown(total, exact), 3);
            assertNoSingleSmallHiddenTerm(total, exact, shrine.breakdown(total, exact), 10);
        }
    }

    @Test
    void exactCountsAreShownAsTheyAre() {
        Map<String, ReportedCount> cells = new ExactCounts().breakdown(79, cells("F", 40, "M", 37, "U", 2));
        assertEquals(79, cells.values().stream().mapToLong(ReportedCount::value).sum());
        assertEquals(new ReportedCount(2, "2", false, "EXACT"), cells.get("U"));
    }

    @Test
    void inconsistentCellsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> i2b2.breakdown(10, cells("F", 11)));
        assertThrows(IllegalArgumentException.class, () -> shrine.breakdown(10, cells("F", -1)));
        assertThrows(IllegalArgumentException.class, () -> new ExactCounts().breakdown(-1, Map.of()));
    }

    /**
     * The shown total minus the shown cells is the sum of the hidden terms: the patients of the suppressed cells and
     * those in no cell. It must not consist of one small term alone.
     */
    private static void assertNoSingleSmallHiddenTerm(long total, Map<String, Long> exact,
                                                      Map<String, ReportedCount> reported, long smallLimit) {
        long remainder = Math.max(0, total - exact.values().stream().mapToLong(Long::longValue).sum());
        int hiddenTerms = remainder > 0 ? 1 : 0;
        long hiddenPatients = remainder;
        for (Map.Entry<String, Long> cell : exact.entrySet()) {
            ReportedCount shown = reported.get(cell.getKey());
            if (shown.suppressed() && cell.getValue() > 0) {
                hiddenTerms++;
                hiddenPatients += cell.getValue();
            }
            if (cell.getValue() <= smallLimit) {
                assertTrue(shown.suppressed(), cell + " shown in " + reported);
            }
        }
        boolean anyShown = reported.values().stream().anyMatch(cell -> !cell.suppressed());
        assertFalse(anyShown && hiddenTerms == 1 && hiddenPatients <= smallLimit,
                "total " + total + ", cells " + exact + " reported as " + reported);
    }

    private static Map<String, Long> cells(Object... namesAndCounts) {
        Map<String, Long> cells = new LinkedHashMap<>();
        for (int i = 0; i < namesAndCounts.length; i += 2) {
            cells.put((String) namesAndCounts[i], ((Integer) namesAndCounts[i + 1]).longValue());
        }
        return cells;
    }
}
