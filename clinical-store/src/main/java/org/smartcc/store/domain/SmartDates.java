package org.smartcc.store.domain;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * SMART dates are untyped ISO-8601 literals of any precision ({@code 2000}, {@code 2007-03},
 * {@code 2007-03-14}, {@code 2007-03-14T10:05:00Z}). A partial date stands for its first instant; a time with an
 * offset is converted to UTC.
 */
public final class SmartDates {

    private SmartDates() {
    }

    public static Optional<LocalDateTime> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim();
        try {
            if (t.matches("\\d{4}")) {
                return Optional.of(LocalDate.of(Integer.parseInt(t), 1, 1).atStartOfDay());
            }
            if (t.matches("\\d{4}-\\d{2}")) {
                return Optional.of(LocalDate.parse(t + "-01").atStartOfDay());
            }
            if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return Optional.of(LocalDate.parse(t).atStartOfDay());
            }
            if (t.matches("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?")) {
                return Optional.of(LocalDateTime.parse(t.replace(' ', 'T')));
            }
            return Optional.of(OffsetDateTime.parse(t.replace(' ', 'T')).withOffsetSameInstant(ZoneOffset.UTC)
                    .toLocalDateTime());
        } catch (DateTimeParseException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
