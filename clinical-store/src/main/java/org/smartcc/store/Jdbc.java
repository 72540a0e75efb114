package org.smartcc.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The libraries' one way to their tables: plain SQL over the store's DataSource, values bound in order, rows mapped
 * by a function. A single call is one auto-committed statement (the hot paths: token lookups, nonces); several that
 * must hold together go through {@link #inTransaction}. Failures name what was being done and the SQLSTATE, never a
 * bound value: tokens and secrets are bound here.
 */
public final class Jdbc {

    /** Reads the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** Statements on one connection, within one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Statements statements) throws SQLException;
    }

    private final DataSource dataSource;

    public Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @return the number of rows changed */
    public int update(String what, String sql, Object... values) {
        try (Connection c = dataSource.getConnection()) {
            return new Statements(c).update(sql, values);
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    public <T> List<T> list(String what, String sql, RowMapper<T> mapper, Object... values) {
        try (Connection c = dataSource.getConnection()) {
            return new Statements(c).list(sql, mapper, values);
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /** The first row, if any; empty too when the mapper reads SQL NULL as null. */
    public <T> Optional<T> first(String what, String sql, RowMapper<T> mapper, Object... values) {
        try (Connection c = dataSource.getConnection()) {
            return new Statements(c).first(sql, mapper, values);
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /** Runs the work in one transaction, committed on return, rolled back on exception. */
    public <T> T inTransaction(String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(new Statements(c));
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    private static IllegalStateException failure(String what, SQLException e) {
        return new IllegalStateException(what + " failed (SQLSTATE " + e.getSQLState() + ")", e);
    }

    /** The statements of one connection; a null value is bound as SQL NULL. */
    public static final class Statements {

        private final Connection connection;

        private Statements(Connection connection) {
            this.connection = connection;
        }

        public int update(String sql, Object... values) throws SQLException {
            try (PreparedStatement ps = prepare(sql, values)) {
                return ps.executeUpdate();
            }
        }

        public <T> List<T> list(String sql, RowMapper<T> mapper, Object... values) throws SQLException {
            try (PreparedStatement ps = prepare(sql, values); ResultSet rs = ps.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        }

        public <T> Optional<T> first(String sql, RowMapper<T> mapper, Object... values) throws SQLException {
            try (PreparedStatement ps = prepare(sql, values)) {
                ps.setMaxRows(1);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(mapper.map(rs)) : Optional.empty();
                }
            }
        }

        private PreparedStatement prepare(String sql, Object... values) throws SQLException {
            PreparedStatement ps = connection.prepareStatement(sql);
            try {
                for (int i = 0; i < values.length; i++) {
                    ps.setObject(i + 1, values[i]);
                }
                return ps;
            } catch (SQLException e) {
                ps.close();
                throw e;
            }
        }
    }
}
