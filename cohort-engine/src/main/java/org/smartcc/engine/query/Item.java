package org.smartcc.engine.query;

import java.util.List;
import java.util.Optional;

/** One item of a panel; the items of a panel are OR-ed. {@code ages} is this engine's extension (may be empty). */
public record Item(ItemKey key, String name, List<ValueConstraint> values, List<DateWindow> dates,
                   Optional<ModifierConstraint> modifier, List<AgeAtEvent> ages) {

    public Item {
        values = List.copyOf(values);
        dates = List.copyOf(dates);
        ages = List.copyOf(ages);
    }
}
