package org.smartcc.engine.run;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.smartcc.engine.Snapshot;
import org.smartcc.engine.internal.spark.StarSchemaTables;

/** The snapshot tables the breakdowns of a run read (lazily: nothing is scanned until a breakdown asks). */
record BreakdownTables(Dataset<Row> patientDimension, Dataset<Row> visitDimension, Dataset<Row> facts,
                       Dataset<Row> conceptDimension, BreakdownSettings settings) {

    static BreakdownTables of(SparkSession spark, Snapshot snapshot, BreakdownSettings settings) {
        return new BreakdownTables(spark.read().parquet(snapshot.table("patient_dimension").toString()),
                spark.read().parquet(snapshot.table("visit_dimension").toString()),
                spark.read().parquet(snapshot.table(StarSchemaTables.OBSERVATION_FACT).toString()),
                spark.read().parquet(snapshot.table("concept_dimension").toString()), settings);
    }
}
