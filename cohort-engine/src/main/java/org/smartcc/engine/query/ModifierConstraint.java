package org.smartcc.engine.query;

import java.util.List;

/** The fact must carry a modifier (by its path in the modifier hierarchy), optionally with a value constraint. */
public record ModifierConstraint(String modifierKey, String appliedPath, List<ValueConstraint> values) {

    public ModifierConstraint {
        values = List.copyOf(values);
    }
}
