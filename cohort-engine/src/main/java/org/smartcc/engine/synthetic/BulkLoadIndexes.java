package org.smartcc.engine.synthetic;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;

/**
 * Drops the indexes of the bulk-loaded tables before a load and builds them again afterwards, as i2b2's loaders do:
 * one sorted index build is far cheaper than maintaining a B-tree per inserted row. The definitions are read from the
 * database itself (not copied from the migration), so what is restored is exactly what Flyway created.
 */
final class BulkLoadIndexes {

    /** A non-unique index, or with {@code primaryKey} the table's primary key constraint. */
    record Index(String table, String name, List<String> columns, boolean primaryKey) {

        String createSql() {
            return primaryKey
                    ? "ALTER TABLE " + table + " ADD CONSTRAINT " + name + " PRIMARY KEY (" + String.join(", ", columns) + ")"
                    : "CREATE INDEX " + name + " ON " + table + " (" + String.join(", ", columns) + ")";
        }

        String dropSql() {
            return primaryKey ? "ALTER TABLE " + table + " DROP CONSTRAINT " + name : "DROP INDEX " + name;
        }
    }

    private final List<Index> indexes;

    private BulkLoadIndexes(List<Index> indexes) {
        this.indexes = List.copyOf(indexes);
    }

    /**
     * Reads the secondary indexes of the given tables and, if {@code withPrimaryKeys}, their primary keys (worth
     * dropping on PostgreSQL; on H2 rebuilding a wide key costs more than maintaining it).
     */
    static BulkLoadIndexes of(Connection c, List<String> tables, boolean withPrimaryKeys) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        boolean upper = meta.storesUpperCaseIdentifiers();
        List<Index> found = new ArrayList<>();
        for (String table : tables) {
            String stored = upper ? table.toUpperCase(Locale.ROOT) : table.toLowerCase(Locale.ROOT);
            Map<String, TreeMap<Short, String>> columns = new TreeMap<>();
            try (ResultSet rs = meta.getIndexInfo(null, c.getSchema(), stored, false, false)) {
                while (rs.next()) {
                    if (rs.getBoolean("NON_UNIQUE") && rs.getString("INDEX_NAME") != null) {
                        columns.computeIfAbsent(rs.getString("INDEX_NAME"), k -> new TreeMap<>())
                                .put(rs.getShort("ORDINAL_POSITION"), rs.getString("COLUMN_NAME"));
                    }
                }
            }
            columns.forEach((name, cols) -> found.add(new Index(table, name, List.copyOf(cols.values()), false)));
            if (withPrimaryKeys) {
                TreeMap<Short, String> key = new TreeMap<>();
                String keyName = null;
                try (ResultSet rs = meta.getPrimaryKeys(null, c.getSchema(), stored)) {
                    while (rs.next()) {
                        keyName = rs.getString("PK_NAME");
                        key.put(rs.getShort("KEY_SEQ"), rs.getString("COLUMN_NAME"));
                    }
                }
                if (keyName != null) {
                    found.add(new Index(table, keyName, List.copyOf(key.values()), true));
                }
            }
        }
        return new BulkLoadIndexes(found);
    }

    List<Index> indexes() {
        return indexes;
    }

    void drop(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (Index index : indexes) {
                s.execute(index.dropSql());
            }
        }
    }

    /** Builds every index that is missing; safe to call after a partial drop or a failed load. */
    void restore(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (Index index : missing(c)) {
                s.execute(index.createSql());
            }
        }
    }

    /**
     * Builds every missing index, {@code sessions} at a time on connections of their own: table by table in the order
     * given (the biggest first), each table's primary key (the widest sort) first, so that the longest builds start
     * together and the short ones fill in at the end. Each build is a transaction that first runs {@code settings}
     * ({@code SET LOCAL} statements, so pooled connections keep their defaults). A build's final merge runs on one
     * core: two at once keep both busy.
     */
    void restoreConcurrently(DataSource dataSource, int sessions, List<String> settings) throws SQLException {
        Queue<Index> queue;
        try (Connection c = dataSource.getConnection()) {
            List<String> tables = indexes.stream().map(Index::table).distinct().toList();
            queue = new ConcurrentLinkedQueue<>(missing(c).stream()
                    .sorted(Comparator.comparing((Index index) -> tables.indexOf(index.table()))
                            .thenComparing(Index::primaryKey, Comparator.reverseOrder()))
                    .toList());
        }
        ExecutorService builders = Executors.newFixedThreadPool(sessions);
        try {
            List<Future<Void>> builds = new ArrayList<>();
            for (int i = 0; i < sessions; i++) {
                builds.add(builders.submit(() -> build(dataSource, queue, settings)));
            }
            for (Future<Void> build : builds) {
                build.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof SQLException cause ? cause
                    : new SQLException("index build failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while building indexes", e);
        } finally {
            builders.shutdownNow();
        }
    }

    private static Void build(DataSource dataSource, Queue<Index> queue, List<String> settings) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            try {
                for (Index index = queue.poll(); index != null; index = queue.poll()) {
                    for (String setting : settings) {
                        s.execute(setting);
                    }
                    s.execute(index.createSql());
                    c.commit();
                }
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
        return null;
    }

    private List<Index> missing(Connection c) throws SQLException {
        List<String> tables = indexes.stream().map(Index::table).distinct().toList();
        BulkLoadIndexes present = of(c, tables, true);
        return indexes.stream().filter(index -> present.indexes.stream().noneMatch(p -> p.primaryKey()
                == index.primaryKey() && p.table().equals(index.table()) && p.columns().equals(index.columns())))
                .toList();
    }
}
