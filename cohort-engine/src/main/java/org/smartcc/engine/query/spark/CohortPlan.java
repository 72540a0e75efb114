package org.smartcc.engine.query.spark;

import java.util.List;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What a query definition compiles to, as lazy Spark plans: the patients (one column, {@code patient_num}, each once),
 * the visits in which their qualifying facts occurred ({@code patient_num, encounter_num}), and warnings about items
 * that can match nothing, such as a concept path the ontology lacks. The visits' plan is built when first asked for:
 * building it costs as much driver time as the patients' plan, and a count needs only the patients.
 */
public final class CohortPlan {

    private final Dataset<Row> patients;
    private final Supplier<Dataset<Row>> encounters;
    private final List<String> warnings;

    CohortPlan(Dataset<Row> patients, Supplier<Dataset<Row>> encounters, List<String> warnings) {
        this.patients = patients;
        this.encounters = Memoized.of(encounters);
        this.warnings = List.copyOf(warnings);
    }

    public Dataset<Row> patients() {
        return patients;
    }

    public Dataset<Row> encounters() {
        return encounters.get();
    }

    public List<String> warnings() {
        return warnings;
    }
}
