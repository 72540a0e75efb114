package org.smartcc.engine.synthetic;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Bulk insertion of rows into one table. PostgreSQL gets {@code COPY ... FROM STDIN} in chunks of a few megabytes
 * (an order of magnitude faster than batched INSERTs); H2 has no COPY and gets batched prepared INSERTs.
 */
abstract class RowSink {

    final String table;
    final String[] columns;
    private long rows;

    private RowSink(String table, String[] columns) {
        this.table = table;
        this.columns = columns;
    }

    static RowSink postgresCopy(Connection connection, String table, String[] columns) throws SQLException {
        return new PostgresCopy(connection, table, columns);
    }

    static RowSink h2Batch(Connection connection, String table, String[] columns) throws SQLException {
        return new JdbcBatch(connection, table, columns);
    }

    final void add(Object[] row) throws SQLException {
        rows++;
        append(row);
    }

    long rows() {
        return rows;
    }

    abstract void append(Object[] row) throws SQLException;

    /** Sends what is buffered; the rows are committed when this returns. */
    abstract void flush() throws SQLException;

    private static final class PostgresCopy extends RowSink {

        private static final int CHUNK_CHARS = 4 << 20;
        private final CopyManager copy;
        private final String sql;
        private final StringBuilder buffer = new StringBuilder(CHUNK_CHARS + 4096);

        PostgresCopy(Connection connection, String table, String[] columns) throws SQLException {
            super(table, columns);
            this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
            this.sql = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN";
        }

        @Override
        void append(Object[] row) throws SQLException {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    buffer.append('\t');
                }
                appendValue(row[i]);
            }
            buffer.append('\n');
            if (buffer.length() >= CHUNK_CHARS) {
                flush();
            }
        }

        /** COPY text format: \N is null; backslash, tab and line breaks are escaped. */
        private void appendValue(Object value) {
            if (value == null) {
                buffer.append("\\N");
            } else if (value instanceof String s) {
                for (int i = 0; i < s.length(); i++) {
                    char ch = s.charAt(i);
                    switch (ch) {
                        case '\\' -> buffer.append("\\\\");
                        case '\t' -> buffer.append("\\t");
                        case '\n' -> buffer.append("\\n");
                        case '\r' -> buffer.append("\\r");
                        default -> buffer.append(ch);
                    }
                }
            } else if (value instanceof BigDecimal d) {
                buffer.append(d.toPlainString());
            } else if (value instanceof Integer n) {
                buffer.append(n.intValue());
            } else if (value instanceof Timestamp t) {
                buffer.append(t);
            } else {
                throw new IllegalArgumentException("no COPY encoding for " + value.getClass());
            }
        }

        @Override
        void flush() throws SQLException {
            if (buffer.length() == 0) {
                return;
            }
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            buffer.setLength(0);
            try {
                copy.copyIn(sql, new java.io.ByteArrayInputStream(bytes), bytes.length);
            } catch (IOException e) {
                throw new SQLException("COPY into " + table + " failed: " + e.getMessage(), e);
            }
        }
    }

    private static final class JdbcBatch extends RowSink {

        private static final int BATCH_ROWS = 5_000;
        private final Connection connection;
        private final PreparedStatement insert;
        private int batched;

        JdbcBatch(Connection connection, String table, String[] columns) throws SQLException {
            super(table, columns);
            this.connection = connection;
            connection.setAutoCommit(false);
            this.insert = connection.prepareStatement("INSERT INTO " + table + " (" + String.join(", ", columns)
                    + ") VALUES (" + "?, ".repeat(columns.length - 1) + "?)");
        }

        @Override
        void append(Object[] row) throws SQLException {
            for (int i = 0; i < row.length; i++) {
                insert.setObject(i + 1, row[i]);
            }
            insert.addBatch();
            if (++batched == BATCH_ROWS) {
                flush();
            }
        }

        @Override
        void flush() throws SQLException {
            if (batched > 0) {
                insert.executeBatch();
                batched = 0;
            }
            connection.commit();
        }
    }
}
