package org.smartcc.engine.query;

import java.util.List;
import java.util.Optional;

/** One item of a panel; the items of a panel are OR-ed. */
public record Item(ItemKey key, String name, List<ValueConstraint> values, List<DateWindow> dates,
                   Optional<ModifierConstraint> modifier) {

    public Item {
        values = List.copyOf(values);
        dates = List.copyOf(dates);
    }
}
