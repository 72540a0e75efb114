package org.smartcc.engine.query.spark;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What a query definition compiles to, as lazy Spark plans: the patients (one column, {@code patient_num}, each once),
 * the visits in which their qualifying facts occurred ({@code patient_num, encounter_num}), and warnings about items
 * that can match nothing, such as a concept path the ontology lacks.
 */
public record CohortPlan(Dataset<Row> patients, Dataset<Row> encounters, List<String> warnings) {

    public CohortPlan {
        warnings = List.copyOf(warnings);
    }
}
