package org.smartcc.records.domain;

import java.util.Locale;
import java.util.Optional;

/** The {@code format} parameter of the document calls (§2.6): the raw file, its metadata, or metadata with content. */
public enum DocumentFormat {
    RAW, METADATA, COMBINED;

    public static Optional<DocumentFormat> of(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "raw" -> Optional.of(RAW);
            case "metadata" -> Optional.of(METADATA);
            case "combined" -> Optional.of(COMBINED);
            default -> Optional.empty();
        };
    }
}
