package org.smartcc.engine.query;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Enumerated i2b2 values, read case-insensitively; an unknown one names the allowed values. */
public final class QueryEnums {

    private QueryEnums() {
    }

    public static <E extends Enum<E>> E of(Class<E> type, String text, String path) {
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new QueryDefinitionException(path, "'" + text + "' is not one of " + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", ")));
        }
    }
}
