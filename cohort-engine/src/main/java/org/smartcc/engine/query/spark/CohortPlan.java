package org.smartcc.engine.query.spark;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What a query definition compiles to: the patients (one column, {@code patient_num}, each once) as a lazy Spark plan,
 * and warnings about items that can match nothing, such as a concept path the ontology lacks.
 */
public record CohortPlan(Dataset<Row> patients, List<String> warnings) {

    public CohortPlan {
        warnings = List.copyOf(warnings);
    }
}
