package org.smartcc.engine.query;

import java.util.Optional;

/** A date window on facts; either end may be open. */
public record DateWindow(Optional<DateBound> from, Optional<DateBound> to) {

    public static final DateWindow ALWAYS = new DateWindow(Optional.empty(), Optional.empty());

    public boolean isOpen() {
        return from.isEmpty() && to.isEmpty();
    }
}
