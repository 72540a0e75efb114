package org.smartcc.engine.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartcc.store.Database;

/**
 * {@link SyntheticStoreTest} on PostgreSQL, where the load takes the other path: binary COPY, primary keys dropped too,
 * indexes rebuilt two at a time. Each database is a schema of its own in the build's server ({@code -Ppostgresql}, as
 * {@code .ci/run} does, sets {@code smartcc.test.pg.url}), so the other tests' store stays as it is.
 */
class PostgresSyntheticStoreTest extends SyntheticStoreTest {

    @BeforeAll
    static void loadTwoRanges() throws Exception {
        String url = System.getProperty("smartcc.test.pg.url", "");
        assumeTrue(!url.isBlank(), "no PostgreSQL server for this build (-Ppostgresql starts one)");
        loadTwoRanges(schema(url, "synthetic_store"), schema(url, "synthetic_fresh"));
    }

    private static Database schema(String url, String schema) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "smartcc", "smartcc"); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            s.execute("CREATE SCHEMA " + schema);
        }
        return Database.open(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, "smartcc", "smartcc");
    }

    /** Values the generator does not make (negative, zero, tiny, huge, negative scale, text escapes) survive COPY. */
    @Test
    void binaryCopyKeepsEveryValue() throws Exception {
        List<String> numbers = List.of("0", "-12345.6789", "0.00001", "123456789012345678.5", "-0.5", "1E+3",
                "10000", "0.0001");
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE copy_check (i INTEGER, n NUMERIC(30, 10), t TIMESTAMP, s VARCHAR(50))");
            RowSink sink = RowSink.postgresCopy(c, "copy_check", new String[] {"i", "n", "t", "s"});
            for (int i = 0; i < numbers.size(); i++) {
                sink.add(new Object[] {i - 3, new BigDecimal(numbers.get(i)), timestamp(i), "a\tb\n\u00e7 " + i});
            }
            sink.add(new Object[] {null, null, null, null});
            sink.flush();
            try (ResultSet rs = s.executeQuery("SELECT i, n, t, s FROM copy_check ORDER BY i NULLS LAST")) {
                for (int i = 0; i < numbers.size(); i++) {
                    rs.next();
                    assertEquals(i - 3, rs.getInt(1));
                    assertEquals(0, new BigDecimal(numbers.get(i)).compareTo(rs.getBigDecimal(2)), numbers.get(i)
                            + " came back as " + rs.getBigDecimal(2));
                    assertEquals(timestamp(i), rs.getTimestamp(3));
                    assertEquals("a\tb\n\u00e7 " + i, rs.getString(4));
                }
                rs.next();
                for (int column = 1; column <= 4; column++) {
                    assertNull(rs.getObject(column), "column " + column + " of the null row");
                }
            } finally {
                s.execute("DROP TABLE copy_check");
            }
        }
    }

    /** 1925 to 2022 in steps of about 25 years, with microseconds. */
    private static Timestamp timestamp(int step) {
        return Timestamp.valueOf(LocalDateTime.of(1925, 3, 4, 5, 6, 7, 123_456_000).plusDays(step * 9000L));
    }
}
