package org.smartcc.api.infrastructure.population;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.jena.rdf.model.Model;

/**
 * A collection's tabular projection as CSV (RFC 4180, UTF-8): the header line, then one line per statement, lines
 * ending with CRLF; a field with a comma, a quote or a line break is quoted, its quotes doubled; a missing value is
 * an empty field. A text that a spreadsheet would run as a formula (it starts with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return, and is not a number) gets a leading {@code '}: record data is written by
 * patients' sources and apps (a note, a problem's title), and an export is often opened in a spreadsheet. Numbers
 * such as {@code -2.5} stay as they are, so readers that cast them lose nothing. Each record's lines are written to the stream as soon as they are made, so the writer holds at most
 * one record's text.
 */
public final class CsvPopulationWriter implements PopulationWriter {

    private static final String CRLF = "\r\n";
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private final OutputStream out;
    private final TabularColumns columns;
    private boolean headerWritten;

    public CsvPopulationWriter(OutputStream out, TabularColumns columns) {
        this.out = out;
        this.columns = columns;
    }

    @Override
    public void record(String recordId, Model statements) throws IOException {
        StringBuilder text = new StringBuilder();
        header(text);
        for (String[] row : TabularRows.of(columns, recordId, statements)) {
            line(text, Arrays.asList(row));
        }
        out.write(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Writes the header if no record came (an empty set still answers its columns) and flushes. */
    @Override
    public void finish() throws IOException {
        StringBuilder text = new StringBuilder();
        header(text);
        out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private void header(StringBuilder text) {
        if (!headerWritten) {
            line(text, columns.names());
            headerWritten = true;
        }
    }

    private static void line(StringBuilder text, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            field(text, fields.get(i));
        }
        text.append(CRLF);
    }

    static void field(StringBuilder text, String raw) {
        if (raw == null) {
            return;
        }
        String value = formulaSafe(raw);
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        if (!quote) {
            text.append(value);
            return;
        }
        text.append('"').append(value.replace("\"", "\"\"")).append('"');
    }

    /** OWASP's rule for CSV injection, minus numbers: a negative lab value is data, not a formula. */
    static String formulaSafe(String value) {
        if (value.isEmpty() || "=+-@\t\r".indexOf(value.charAt(0)) < 0 || NUMBER.matcher(value).matches()) {
            return value;
        }
        return "'" + value;
    }
}
