package org.smartcc.engine.synthetic;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Bulk insertion of rows into one table. PostgreSQL gets binary {@code COPY ... FROM STDIN} in chunks of a few
 * megabytes (an order of magnitude faster than batched INSERTs); H2 has no COPY and gets batched prepared INSERTs.
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

    /**
     * {@code COPY ... FROM STDIN (FORMAT binary)}: PostgreSQL reads integers, timestamps and numerics as they are
     * stored instead of parsing text (measured: a sixth less server time than the text format). Each chunk is a
     * complete COPY of its own: header, rows, trailer.
     */
    private static final class PostgresCopy extends RowSink {

        private static final int CHUNK_BYTES = 4 << 20;
        private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0,
            0, 0, 0, 0, 0, 0, 0, 0};
        /** PostgreSQL's timestamp epoch, 2000-01-01, in seconds from 1970-01-01. */
        private static final long POSTGRES_EPOCH_SECONDS = 946_684_800L;
        private static final BigInteger NBASE = BigInteger.valueOf(10_000);

        private final CopyManager copy;
        private final String sql;
        /** Big-endian, as COPY wants; grows if a row does not fit. */
        private ByteBuffer out = ByteBuffer.allocate(CHUNK_BYTES + 65_536);

        PostgresCopy(Connection connection, String table, String[] columns) throws SQLException {
            super(table, columns);
            this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
            this.sql = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN (FORMAT binary)";
        }

        @Override
        void append(Object[] row) throws SQLException {
            if (out.position() == 0) {
                out.put(HEADER);
            }
            room(2);
            out.putShort((short) row.length);
            for (Object value : row) {
                writeValue(value);
            }
            if (out.position() >= CHUNK_BYTES) {
                flush();
            }
        }

        private void room(int bytes) {
            if (out.remaining() < bytes) {
                ByteBuffer bigger = ByteBuffer.allocate(Math.max(out.capacity() * 2, out.position() + bytes));
                out.flip();
                out = bigger.put(out);
            }
        }

        /** A field: its length in bytes (-1 for null), then the value in PostgreSQL's binary form. */
        private void writeValue(Object value) {
            if (value == null) {
                room(4);
                out.putInt(-1);
            } else if (value instanceof String s) {
                byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
                room(4 + utf8.length);
                out.putInt(utf8.length).put(utf8);
            } else if (value instanceof Integer n) {
                room(8);
                out.putInt(4).putInt(n);
            } else if (value instanceof Timestamp t) {
                // timestamp without time zone: microseconds since 2000-01-01 of the local date-time, as JDBC sends it
                LocalDateTime local = t.toLocalDateTime();
                room(12);
                out.putInt(8).putLong((local.toEpochSecond(ZoneOffset.UTC) - POSTGRES_EPOCH_SECONDS) * 1_000_000L
                        + local.getNano() / 1_000);
            } else if (value instanceof BigDecimal d) {
                writeNumeric(d);
            } else {
                throw new IllegalArgumentException("no COPY encoding for " + value.getClass());
            }
        }

        /**
         * numeric: digit count, weight (power of 10000 of the first digit), sign, display scale, then the digits in
         * base 10000, the fraction padded to whole groups of four decimal digits.
         */
        private void writeNumeric(BigDecimal value) {
            BigDecimal d = value.scale() < 0 ? value.setScale(0) : value;
            int scale = d.scale();
            int fractionGroups = (scale + 3) / 4;
            BigInteger rest = d.unscaledValue().abs().multiply(BigInteger.TEN.pow(fractionGroups * 4 - scale));
            Deque<Short> digits = new ArrayDeque<>();
            while (rest.signum() > 0) {
                BigInteger[] qr = rest.divideAndRemainder(NBASE);
                digits.push(qr[1].shortValue());
                rest = qr[0];
            }
            room(12 + 2 * digits.size());
            out.putInt(8 + 2 * digits.size()).putShort((short) digits.size())
                    .putShort((short) (digits.isEmpty() ? 0 : digits.size() - fractionGroups - 1))
                    .putShort((short) (d.signum() < 0 ? 0x4000 : 0)).putShort((short) scale);
            for (short digit : digits) {
                out.putShort(digit);
            }
        }

        @Override
        void flush() throws SQLException {
            if (out.position() == 0) {
                return;
            }
            try {
                room(2);
                out.putShort((short) -1);
                int length = out.position();
                out.clear();
                copy.copyIn(sql, new ByteArrayInputStream(out.array(), 0, length), length);
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
