package org.smartcc.engine.synthetic;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.smartcc.engine.internal.spark.FactKey;
import org.smartcc.engine.internal.spark.StarSchemaTables;
import org.smartcc.store.domain.Concept;

/**
 * The generated star schema as Spark datasets over the patient indices 0..n-1: each row is computed where it is
 * needed (nothing is collected on the driver), so both cores generate and a 1 M patient set needs no more memory than
 * a small one.
 */
final class SyntheticTables implements Serializable {

    private static final long serialVersionUID = 1L;
    /** Patients whose facts give the snapshot's file bounds: enough keys for 256 even files. */
    private static final int BOUND_SAMPLE_PATIENTS = 300;
    /** Facts per Spark partition: small enough for even load across two cores and for bounded task memory. */
    private static final long FACTS_PER_PARTITION = 1_000_000L;

    private final long patients;
    private final long seed;
    private final int firstPatientNum;
    private final int factsPerPatient;
    private final boolean smartRecords;

    SyntheticTables(long patients, long seed, int firstPatientNum, int factsPerPatient) {
        this(patients, seed, firstPatientNum, factsPerPatient, false);
    }

    /** @param smartRecords whether every patient is also a SMART record (docs/synthetic-data.md) */
    SyntheticTables(long patients, long seed, int firstPatientNum, int factsPerPatient, boolean smartRecords) {
        this.patients = patients;
        this.seed = seed;
        this.firstPatientNum = firstPatientNum;
        this.factsPerPatient = factsPerPatient;
        this.smartRecords = smartRecords;
    }

    boolean smartRecords() {
        return smartRecords;
    }

    SyntheticPatient patient(long index) {
        return new SyntheticPatient(CodeCatalogue.standard(), seed, index, (int) (firstPatientNum + index),
                factsPerPatient, smartRecords);
    }

    /**
     * Patient indices, split so that each partition holds about a million facts, in whole waves of one task per core
     * (so that no core idles while the last task runs).
     */
    Dataset<Long> indices(SparkSession spark) {
        int cores = spark.sparkContext().defaultParallelism();
        long byFacts = patients * factsPerPatient / FACTS_PER_PARTITION + 1;
        int partitions = (int) Math.min((byFacts + cores - 1) / cores * cores, Math.max(1, patients));
        return spark.range(0, patients, 1, partitions);
    }

    /** Every table of {@link StarSchemaTables#COLUMNS}: generated rows, the catalogue's concepts, no modifiers. */
    Map<String, Dataset<Row>> all(SparkSession spark) {
        Dataset<Long> ids = indices(spark);
        Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
        tables.put(StarSchemaTables.OBSERVATION_FACT, facts(ids));
        tables.put(SyntheticSchema.PATIENT_DIMENSION, ids.map((MapFunction<Long, Row>) i ->
                RowFactory.create(patient(i).patientRow()), Encoders.row(SyntheticSchema.of(SyntheticSchema.PATIENT_DIMENSION))));
        tables.put(SyntheticSchema.VISIT_DIMENSION, ids.flatMap((FlatMapFunction<Long, Row>) this::visitRows,
                Encoders.row(SyntheticSchema.of(SyntheticSchema.VISIT_DIMENSION))));
        tables.put(SyntheticSchema.CONCEPT_DIMENSION, spark.createDataFrame(conceptRows(),
                SyntheticSchema.of(SyntheticSchema.CONCEPT_DIMENSION)));
        tables.put(SyntheticSchema.MODIFIER_DIMENSION, spark.createDataFrame(List.of(),
                SyntheticSchema.of(SyntheticSchema.MODIFIER_DIMENSION)));
        tables.put(SyntheticSchema.PROVIDER_DIMENSION, spark.createDataFrame(List.of(),
                SyntheticSchema.of(SyntheticSchema.PROVIDER_DIMENSION)));
        tables.put(SyntheticSchema.PATIENT_MAPPING, ids.map((MapFunction<Long, Row>) i ->
                RowFactory.create(patient(i).patientMappingRow()), Encoders.row(SyntheticSchema.of(SyntheticSchema.PATIENT_MAPPING))));
        return tables;
    }

    Dataset<Row> facts(Dataset<Long> ids) {
        return ids.flatMap((FlatMapFunction<Long, Row>) this::factRows,
                Encoders.row(SyntheticSchema.of(StarSchemaTables.OBSERVATION_FACT)));
    }

    private Iterator<Row> factRows(Long index) {
        SyntheticPatient patient = patient(index);
        List<Row> rows = new ArrayList<>(factsPerPatient * 2);
        patient.facts(patient.visits(), fact -> rows.add(RowFactory.create(fact)));
        return rows.iterator();
    }

    private Iterator<Row> visitRows(Long index) {
        SyntheticPatient patient = patient(index);
        return patient.visits().stream()
                .map(v -> RowFactory.create(SyntheticPatient.visitRow(v, patient.patientNum()))).iterator();
    }

    /**
     * Bounds that split the generated facts into {@code files} parts of about equal size in snapshot order, from the
     * facts of patients spread evenly over the range, generated here on the driver.
     */
    List<FactKey> factBounds(int files) {
        if (files < 2) {
            return List.of();
        }
        int sampled = (int) Math.min(patients, BOUND_SAMPLE_PATIENTS);
        List<FactKey> keys = new ArrayList<>();
        for (int s = 0; s < sampled; s++) {
            SyntheticPatient patient = patient(s * patients / sampled);
            patient.facts(patient.visits(), fact -> keys.add(new FactKey((String) fact[2], patient.patientNum())));
        }
        Collections.sort(keys);
        List<FactKey> bounds = new ArrayList<>(files - 1);
        for (int i = 1; i < files; i++) {
            bounds.add(keys.get((int) ((long) i * keys.size() / files)));
        }
        return bounds;
    }

    /** concept_dimension rows of every code the generator can emit, with their folders. */
    static List<Row> conceptRows() {
        List<Row> rows = new ArrayList<>();
        for (Concept c : CodeCatalogue.standard().concepts()) {
            rows.add(RowFactory.create(c.path(), c.code(), c.name(), SyntheticPatient.SOURCE));
        }
        return rows;
    }
}
