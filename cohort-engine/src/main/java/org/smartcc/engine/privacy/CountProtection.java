package org.smartcc.engine.privacy;

import java.util.Map;

/**
 * Turns exact patient counts into the counts a user may see. One instance serves one user's request; obfuscating
 * implementations draw fresh noise on every call, so asking twice gives two independent answers.
 */
public interface CountProtection {

    /** The size of a patient set. */
    ReportedCount total(long exact);

    /**
     * The cells of one breakdown (gender, age group, race, vital status) of a patient set, in the iteration order of
     * {@code exactCells}. The total is not reported again here (a second, independently noised total would let the
     * user average the two); it tells which patients fall in no cell, which a subtraction could reveal as well.
     *
     * @param exactTotal the exact size of the patient set the breakdown is of
     * @param exactCells the exact number of patients in each cell, each at most {@code exactTotal}
     */
    Map<String, ReportedCount> breakdown(long exactTotal, Map<String, Long> exactCells);

    /** The method every count of this protection is reported with, i2b2's {@code obfuscate_method}. */
    String method();

    /**
     * The largest exact count this protection hides (i2b2's minimum, SHRINE's threshold; 0 for exact counts): what
     * describes fewer patients, such as the quantiles of their values, is not shown either.
     */
    long smallCellLimit();
}
