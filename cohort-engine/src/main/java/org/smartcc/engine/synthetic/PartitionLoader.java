package org.smartcc.engine.synthetic;

import java.io.Serializable;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Properties;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.smartcc.engine.internal.spark.StarSchemaTables;
import org.smartcc.store.Database;

/**
 * Runs in each Spark task: generates the task's patients and streams their rows into the database over a
 * connection of its own, so that both cores generate and write. Returns the rows written per table.
 */
final class PartitionLoader implements FlatMapFunction<Iterator<Long>, long[]>, Serializable {

    private static final long serialVersionUID = 1L;

    /** Order of the counts in the returned array; record_source gets rows only for SMART records. */
    static final List<String> TABLES = List.of(SyntheticSchema.PATIENT_DIMENSION, SyntheticSchema.PATIENT_MAPPING,
            SyntheticSchema.VISIT_DIMENSION, SyntheticSchema.ENCOUNTER_MAPPING, StarSchemaTables.OBSERVATION_FACT,
            SyntheticSchema.RECORD_SOURCE);

    private final SyntheticTables tables;
    private final String jdbcUrl;
    private final Properties credentials;
    private final Database.Dialect dialect;
    private final Timestamp loadedAt;

    /** @param loadedAt the load time every SMART record's record_source row gets */
    PartitionLoader(SyntheticTables tables, String jdbcUrl, Properties credentials, Database.Dialect dialect,
                    Timestamp loadedAt) {
        this.tables = tables;
        this.loadedAt = loadedAt;
        this.jdbcUrl = jdbcUrl;
        this.credentials = credentials;
        this.dialect = dialect;
    }

    @Override
    public Iterator<long[]> call(Iterator<Long> indices) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, credentials)) {
            RowSink[] sinks = new RowSink[TABLES.size()];
            try {
                boolean smart = tables.smartRecords();
                for (int t = 0; t < sinks.length; t++) {
                    String table = TABLES.get(t);
                    if (table.equals(SyntheticSchema.RECORD_SOURCE) && !smart) {
                        continue;
                    }
                    String[] columns = SyntheticSchema.columns(table);
                    if (smart && table.equals(StarSchemaTables.OBSERVATION_FACT)) {
                        columns = Arrays.copyOf(columns, columns.length + 1);
                        columns[columns.length - 1] = "observation_blob";
                    }
                    sinks[t] = dialect == Database.Dialect.POSTGRESQL
                            ? RowSink.postgresCopy(c, table, columns) : RowSink.h2Batch(c, table, columns);
                }
                RowSink facts = sinks[4];
                while (indices.hasNext()) {
                    SyntheticPatient patient = tables.patient(indices.next());
                    sinks[0].add(patient.patientRow());
                    sinks[1].add(patient.patientMappingRow());
                    var visits = patient.visits();
                    for (var visit : visits) {
                        sinks[2].add(SyntheticPatient.visitRow(visit, patient.patientNum()));
                        sinks[3].add(patient.encounterMappingRow(visit));
                    }
                    int statements = patient.facts(visits, row -> {
                        try {
                            facts.add(row);
                        } catch (SQLException e) {
                            throw new LoadFailure(e);
                        }
                    }, smart);
                    if (smart) {
                        sinks[5].add(patient.recordSourceRow(statements, loadedAt));
                    }
                }
                long[] counts = new long[sinks.length];
                for (int t = 0; t < sinks.length; t++) {
                    if (sinks[t] != null) {
                        sinks[t].flush();
                        counts[t] = sinks[t].rows();
                    }
                }
                return List.of(counts).iterator();
            } catch (LoadFailure e) {
                throw e.getCause();
            }
        }
    }

    /** Carries an SQLException out of the fact callback. */
    private static final class LoadFailure extends RuntimeException {

        private static final long serialVersionUID = 1L;

        LoadFailure(SQLException cause) {
            super(cause);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }
}
