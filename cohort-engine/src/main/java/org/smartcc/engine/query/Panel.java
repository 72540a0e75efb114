package org.smartcc.engine.query;

import java.util.List;
import java.util.Objects;

/**
 * A group of OR-ed items; panels are AND-ed, an inverted panel excludes. A patient (or encounter, under SAME timing)
 * qualifies when its count of distinct matching facts satisfies {@code occurrences} (default: at least one). A panel
 * without items matches no fact, so inverted it keeps every patient (i2b2's {@code setfinder_invert_withnoitem}).
 */
public record Panel(int number, Timing timing, boolean invert, Comparison occurrenceOperator, int occurrences,
                    DateWindow dates, List<Item> items) {

    public Panel {
        Objects.requireNonNull(timing, "timing");
        Objects.requireNonNull(occurrenceOperator, "occurrenceOperator");
        Objects.requireNonNull(dates, "dates");
        items = List.copyOf(items);
        if (occurrences < 0) {
            throw new QueryDefinitionException("total_item_occurrences", "must not be negative");
        }
    }
}
