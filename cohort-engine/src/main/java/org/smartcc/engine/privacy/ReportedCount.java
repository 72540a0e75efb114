package org.smartcc.engine.privacy;

import java.util.Objects;

/**
 * A patient count as it may be shown to a user. It deliberately holds no exact count, so that passing it on (to a
 * response, a log line, a cache) can never leak one; the caller that needs the exact count (i2b2's
 * {@code real_set_size}) keeps it itself.
 *
 * @param value      the number that may be shown or stored as i2b2's {@code set_size}; for a suppressed count a
 *                   placeholder (0 in i2b2 mode, the threshold in SHRINE mode), never the exact count
 * @param display    the text to show: the number, or e.g. {@code "10 or fewer"} or {@code "suppressed"}
 * @param suppressed whether the count is hidden rather than shown (noised or not)
 * @param method     how it was protected, e.g. {@code OBSUBTOTAL}, {@code SHRINE} or {@code EXACT}; i2b2's
 *                   {@code obfuscate_method}
 */
public record ReportedCount(long value, String display, boolean suppressed, String method) {

    /** What a cell hidden only to protect a smaller one shows: it is not small, so "0" or "10 or fewer" would lie. */
    static final String COMPLEMENT_DISPLAY = "suppressed";

    public ReportedCount {
        if (value < 0) {
            throw new IllegalArgumentException("a reported count is never negative: " + value);
        }
        Objects.requireNonNull(display, "display");
        Objects.requireNonNull(method, "method");
    }

    static ReportedCount shown(long value, String method) {
        return new ReportedCount(value, Long.toString(value), false, method);
    }

    static ReportedCount complement(String method) {
        return new ReportedCount(0, COMPLEMENT_DISPLAY, true, method);
    }
}
