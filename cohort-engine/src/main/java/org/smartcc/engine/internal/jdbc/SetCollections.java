package org.smartcc.engine.internal.jdbc;

import static org.apache.spark.sql.functions.col;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Properties;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.smartcc.engine.internal.spark.SparkJdbc;
import org.smartcc.store.Database;

/**
 * The members of patient and encounter sets ({@code qt_patient_set_collection}, {@code qt_patient_enc_collection}):
 * written in JDBC batches in one transaction, as a set can hold millions of rows; read by pages, or by Spark as a
 * table for the queries that use a set.
 */
final class SetCollections {

    private static final int BATCH = 10_000;

    private final Database database;

    SetCollections(Database database) {
        this.database = database;
    }

    void savePatients(long resultInstanceId, Iterator<Integer> patientNums) {
        write("INSERT INTO qt_patient_set_collection (result_instance_id, set_index, patient_num) VALUES (?, ?, ?)",
                resultInstanceId, patientNums, (ps, patient) -> ps.setInt(3, patient));
    }

    void saveEncounters(long resultInstanceId, Iterator<int[]> members) {
        write("INSERT INTO qt_patient_enc_collection (result_instance_id, set_index, patient_num, encounter_num)"
                + " VALUES (?, ?, ?, ?)", resultInstanceId, members, (ps, member) -> {
                    ps.setInt(3, member[0]);
                    ps.setInt(4, member[1]);
                });
    }

    List<Integer> patients(long resultInstanceId, int offset, int limit) {
        List<Integer> out = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT patient_num FROM qt_patient_set_collection WHERE result_instance_id = ? AND set_index >= ?"
                        + " AND set_index < ? ORDER BY set_index")) {
            ps.setLong(1, resultInstanceId);
            ps.setInt(2, offset);
            ps.setInt(3, offset + limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getInt(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("patient set " + resultInstanceId + " could not be read", e);
        }
    }

    /** The set's rows as Spark reads them over JDBC: set_index, patient_num and, for encounters, encounter_num. */
    Dataset<Row> members(SparkSession spark, long resultInstanceId, boolean encounters) {
        Properties properties = SparkJdbc.properties(database);
        // the id is a filter Spark passes to the database as a value, never text of a query
        Dataset<Row> rows = spark.read().jdbc(database.jdbcUrl(), encounters ? "qt_patient_enc_collection"
                : "qt_patient_set_collection", properties).filter(col("result_instance_id").equalTo(resultInstanceId));
        return encounters ? rows.select("set_index", "patient_num", "encounter_num")
                : rows.select("set_index", "patient_num");
    }

    private <T> void write(String sql, long resultInstanceId, Iterator<T> members, Binder<T> binder) {
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int index = 0;
                while (members.hasNext()) {
                    ps.setLong(1, resultInstanceId);
                    ps.setInt(2, index++);
                    binder.bind(ps, members.next());
                    ps.addBatch();
                    if (index % BATCH == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the set of result " + resultInstanceId + " could not be saved", e);
        }
    }

    @FunctionalInterface
    private interface Binder<T> {
        void bind(PreparedStatement ps, T member) throws SQLException;
    }
}
