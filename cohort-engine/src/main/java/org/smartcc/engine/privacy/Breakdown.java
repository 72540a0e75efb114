package org.smartcc.engine.privacy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongFunction;

/** The checks and the complementary suppression shared by the protections of breakdown cells. */
final class Breakdown {

    private Breakdown() {
    }

    static long requireCount(long exact, String what) {
        if (exact < 0) {
            throw new IllegalArgumentException(what + " is negative: " + exact);
        }
        return exact;
    }

    /**
     * Checks the exact cells against the total and returns how many patients fall in no cell. Cells may overlap (a
     * patient with two race facts counts in both), so their sum may exceed the total; no single cell may.
     */
    static long requireConsistent(long exactTotal, Map<String, Long> exactCells) {
        requireCount(exactTotal, "the breakdown total");
        long sum = 0;
        for (Map.Entry<String, Long> cell : exactCells.entrySet()) {
            if (cell.getValue() == null) {
                throw new IllegalArgumentException("breakdown cell " + cell.getKey() + " has no count");
            }
            long exact = requireCount(cell.getValue(), "breakdown cell " + cell.getKey());
            if (exact > exactTotal) {
                throw new IllegalArgumentException("breakdown cell " + cell.getKey() + " (" + exact
                        + ") is larger than the total (" + exactTotal + ")");
            }
            sum += exact;
        }
        return Math.max(0, exactTotal - sum);
    }

    /**
     * Protects each cell with {@code protectCell}, then applies complementary suppression: the shown total minus the
     * shown cells is the sum of the hidden terms (suppressed cells and patients in no cell). When exactly one hidden
     * term holds patients and it is small (at most {@code smallLimit}), that subtraction recovers it, so the smallest
     * shown cell is hidden as well.
     */
    static Map<String, ReportedCount> protect(long exactTotal, Map<String, Long> exactCells,
                                              LongFunction<ReportedCount> protectCell, long smallLimit, String method) {
        long outsideEveryCell = requireConsistent(exactTotal, exactCells);
        Map<String, ReportedCount> cells = new LinkedHashMap<>();
        exactCells.forEach((name, exact) -> cells.put(name, protectCell.apply(exact)));

        int hiddenTerms = outsideEveryCell > 0 ? 1 : 0;
        long hiddenPatients = outsideEveryCell;
        String smallestShown = null;
        for (Map.Entry<String, ReportedCount> cell : cells.entrySet()) {
            long exact = exactCells.get(cell.getKey());
            if (cell.getValue().suppressed()) {
                if (exact > 0) {
                    hiddenTerms++;
                    hiddenPatients += exact;
                }
            } else if (exact > 0 && (smallestShown == null || exact < exactCells.get(smallestShown))) {
                smallestShown = cell.getKey();
            }
        }
        if (hiddenTerms == 1 && hiddenPatients <= smallLimit && smallestShown != null) {
            cells.put(smallestShown, ReportedCount.complement(method));
        }
        return Collections.unmodifiableMap(cells);
    }
}
