package org.smartcc.store.internal.synthea;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.regex.Pattern;
import org.smartcc.store.domain.InvalidRecordException;

/**
 * One data row of a Synthea CSV file with the line it starts on, and checked accessors whose errors name the file,
 * line, column and value ({@code conditions.csv line 17: START '2023-13-01' is not a date ...}).
 *
 * @param values   column name to value, in header order
 * @param complete false when the row has another number of values than the header has columns
 */
public record CsvRow(SyntheaFile file, long line, Map<String, String> values, boolean complete) {

    public static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");
    public static final Pattern LOINC = Pattern.compile("[0-9]{1,7}-[0-9]");

    /** Where the row is, for messages: {@code conditions.csv line 17}. */
    public String where() {
        return file.fileName() + " line " + line;
    }

    /** The value, or null when the cell is empty or blank. */
    public String text(String column) {
        String value = values.get(column);
        return value == null || value.isBlank() ? null : value;
    }

    public String required(String column) {
        String value = text(column);
        if (value == null) {
            throw problem("SYNTHEA_MISSING_VALUE", column + " is empty");
        }
        return value;
    }

    /**
     * The date as written, after checking it is an ISO date or a date-time with offset (the two forms Synthea
     * writes); SMART keeps dates as untyped ISO-8601 literals, so the text is kept as it is. Null when empty.
     */
    public String date(String column) {
        String value = text(column);
        if (value == null) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate.parse(value);
            } else {
                OffsetDateTime.parse(value);
            }
            return value;
        } catch (DateTimeParseException e) {
            throw problem("SYNTHEA_DATE", column + " '" + value
                    + "' is not a date (YYYY-MM-DD) or a date-time with offset (YYYY-MM-DDThh:mm:ssZ)");
        }
    }

    public String requiredDate(String column) {
        required(column);
        return date(column);
    }

    /** A numeric value as written (it becomes an sp:value literal), after checking that it is a number. */
    public String number(String column) {
        String value = required(column);
        try {
            new BigDecimal(value.trim());
            return value.trim();
        } catch (NumberFormatException e) {
            throw problem("SYNTHEA_NUMBER", column + " '" + value + "' is not a number");
        }
    }

    /** A code that becomes the last part of a code URI, so it must have the code system's form. */
    public String code(String column, Pattern form, String system) {
        String value = required(column);
        if (!form.matcher(value).matches()) {
            throw problem("SYNTHEA_CODE", column + " '" + value + "' is not a " + system + " code");
        }
        return value;
    }

    public void requireComplete() {
        if (!complete) {
            throw problem("SYNTHEA_ROW", "the number of values differs from the number of header columns");
        }
    }

    public InvalidRecordException problem(String code, String text) {
        return new InvalidRecordException(code, where() + ": " + text);
    }
}
