package org.smartcc.engine.warehouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Loads i2b2's demo data as i2b2 ships it ({@code cohort-data/i2b2-demodata}: its README) into an empty database or
 * schema: i2b2's CRC and ontology tables ({@code i2b2-crc.sql}, {@code i2b2-metadata.sql}), then every statement of
 * i2b2's insert scripts unchanged, in JDBC batches, in one transaction: a database either holds all of it or none.
 * The scripts are written for PostgreSQL; H2 2.x runs them unchanged too (the embedded run's i2b2 warehouse) in its
 * PostgreSQL mode, {@link #H2_URL_SETTINGS}: what they use beyond standard SQL, {@code E'...'} strings whose one escape
 * is {@code \\} for a backslash, timestamps written {@code '20010917 00:00:00.0'} and the modifier ontology's
 * {@code TO_DATE('2011-03-31 09:55:00','YYYY-MM-DD HH24:MI:SS')}, H2 reads as PostgreSQL does (I2b2DemoDataH2Test).
 */
public final class I2b2DemoData {

    /**
     * What an H2 URL of a database these scripts load into needs: PostgreSQL's {@code TO_DATE}, and lower-case names
     * as PostgreSQL folds them.
     */
    public static final String H2_URL_SETTINGS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";

    /** i2b2's demo facts: what i2b2's test messages were counted on. */
    public static final long FACTS = 90_853;

    /**
     * The CRC scripts, in the order i2b2's installer runs them. Left out: {@code pft_insert_data.sql} (pulmonary
     * function reports without instance numbers, not part of the 90,853 facts) and {@code query_demo_insert_data.sql}
     * (the breakdowns of i2b2's own query tool, not data).
     */
    static final List<String> CRC_SCRIPTS = List.of("concept_dimension_demo_insert_data.sql",
            "concept_dimension_ICD10_ICD9_insert_data.sql", "modifier_dimension_insert_data.sql",
            "provider_dimension_insert_data.sql", "patient_dimension_insert_data.sql",
            "visit_dimension_insert_data.sql", "patient_mapping_insert_data.sql", "encounter_mapping_insert_data.sql",
            "dim_code_lookup_insert_data.sql", "observation_fact_demo_demographics_insert_data.sql",
            "observation_fact_demo_diagnoses_insert_data.sql", "observation_fact_demo_labtests_insert_data.sql",
            "observation_fact_demo_medications_insert_data.sql", "observation_fact_demo_reports_insert_data.sql",
            "observation_fact_demo_birn_insert_data.sql", "observation_fact_demo_affy_insert_data.sql");

    /**
     * The ontology scripts: table_access, the schemes, and the rows of the ontology tables table_access names. Left
     * out: {@code i2b2_metadata_identified_data.sql}, which creates a PHI table of its own for identified projects.
     */
    static final List<String> METADATA_SCRIPTS = List.of("table_access_insert_data.sql", "schemes_insert_data.sql",
            "i2b2_metadata_insert_data.sql", "i2b2_metadata_expressions_insert_data.sql",
            "i2b2_metadata_labtests_insert_data.sql", "i2b2_metadata_modifiers_insert_data.release-1.6.sql",
            "i2b2_metadata_providers_insert_data.sql", "i2b2_metadata_reports_insert_data.sql",
            "i2b2_metadata_visitDetails_insert_data.sql", "custom_meta_insert_data.sql",
            "icd10_icd9_modifiers_insert_data.sql");

    private static final List<String> ZIPS = List.of("crcdata/demodata-postgresql-crcdata.zip",
            "crcdata/concept-dimension-postgresql-crcdata.zip");
    private static final int BATCH = 5_000;

    private I2b2DemoData() {
    }

    /**
     * Creates the tables and runs the scripts of {@code demoFolder} (the shared {@code i2b2-demodata} folder) on
     * {@code connection}, committing once at the end. The scripts are written for PostgreSQL.
     */
    public static void load(Connection connection, Path demoFolder) throws SQLException, IOException {
        load(connection, demoFolder, Long.MAX_VALUE);
    }

    /** As {@link #load(Connection, Path)}, with the first {@code statementsPerScript} statements of each script. */
    static void load(Connection connection, Path demoFolder, long statementsPerScript)
            throws SQLException, IOException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            Batch batch = new Batch(statement);
            for (String ddl : List.of("i2b2-crc.sql", "i2b2-metadata.sql")) {
                try (InputStream in = I2b2DemoData.class.getResourceAsStream(ddl)) {
                    run(in, ddl, batch, Long.MAX_VALUE);
                }
            }
            for (String script : CRC_SCRIPTS) {
                try (InputStream in = zipEntry(demoFolder, script)) {
                    run(in, script, batch, statementsPerScript);
                }
            }
            for (String script : METADATA_SCRIPTS) {
                try (InputStream in = Files.newInputStream(demoFolder.resolve("metadata").resolve(script))) {
                    run(in, script, batch, statementsPerScript);
                }
            }
            batch.flush();
            connection.commit();
        } catch (SQLException | IOException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static void run(InputStream script, String name, Batch batch, long statements)
            throws IOException, SQLException {
        try (Reader reader = new InputStreamReader(script, StandardCharsets.UTF_8)) {
            long[] read = {0};
            SqlScript.statements(reader, sql -> {
                if (read[0]++ < statements) {
                    batch.add(sql);
                }
            });
            batch.flush();
        } catch (UncheckedSql e) {
            throw new SQLException(name + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** The entry of one of the demo's zips; read straight from the zip, closed with the stream. */
    private static InputStream zipEntry(Path demoFolder, String name) throws IOException {
        for (String zip : ZIPS) {
            ZipFile file = new ZipFile(demoFolder.resolve(zip).toFile());
            ZipEntry entry = file.getEntry(name);
            if (entry != null) {
                InputStream in = file.getInputStream(entry);
                return new java.io.FilterInputStream(in) {
                    @Override
                    public void close() throws IOException {
                        try {
                            super.close();
                        } finally {
                            file.close();
                        }
                    }
                };
            }
            file.close();
        }
        throw new java.io.FileNotFoundException(name + " is in none of " + ZIPS + " of " + demoFolder);
    }

    /** Statements sent to the database {@value #BATCH} at a time. */
    private static final class Batch {

        private final Statement statement;
        private int size;

        Batch(Statement statement) {
            this.statement = statement;
        }

        void add(String sql) {
            try {
                statement.addBatch(sql);
                if (++size == BATCH) {
                    flush();
                }
            } catch (SQLException e) {
                throw new UncheckedSql(e);
            }
        }

        void flush() throws SQLException {
            if (size > 0) {
                size = 0;
                try {
                    statement.executeBatch();
                } catch (SQLException e) {
                    throw e.getNextException() != null ? e.getNextException() : e;
                }
            }
        }
    }

    /** Carries a batch's failure out of the script reader's callback. */
    private static final class UncheckedSql extends RuntimeException {

        UncheckedSql(SQLException cause) {
            super(cause);
        }
    }
}
