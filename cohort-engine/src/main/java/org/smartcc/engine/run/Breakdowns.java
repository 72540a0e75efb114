package org.smartcc.engine.run;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.current_date;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.months_between;
import static org.apache.spark.sql.functions.when;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Exact breakdown cells of a patient set by a {@code patient_dimension} column; missing values form the cell
 * {@code unknown}. Ages fall into i2b2's demographic age groups.
 */
final class Breakdowns {

    static final String UNKNOWN = "unknown";

    private Breakdowns() {
    }

    static Map<String, Long> cells(Dataset<Row> patients, Dataset<Row> patientDimension, ResultType type) {
        String column = type.breakdownColumn().orElseThrow(() -> new IllegalArgumentException(type + " is no breakdown"));
        Dataset<Row> joined = patientDimension.join(patients, "patient_num");
        Column cell = column.equals("age_in_years_num") ? ageGroup(age()) : col(column).cast("string");
        Map<String, Long> cells = new LinkedHashMap<>();
        for (Row row : joined.select(coalesce(cell, lit(UNKNOWN)).as("cell")).groupBy("cell").count()
                .orderBy("cell").collectAsList()) {
            cells.put(row.getString(0), row.getLong(1));
        }
        return cells;
    }

    /** The stored age, else the age from the birth date to the death date or today (loaders rarely fill the age). */
    private static Column age() {
        return coalesce(col("age_in_years_num"), floor(months_between(coalesce(col("death_date"), current_date()),
                col("birth_date")).divide(12)));
    }

    private static Column ageGroup(Column age) {
        return when(age.lt(10), "0-9").when(age.lt(18), "10-17").when(age.lt(35), "18-34")
                .when(age.lt(45), "35-44").when(age.lt(55), "45-54").when(age.lt(65), "55-64")
                .when(age.lt(75), "65-74").when(age.lt(85), "75-84").when(age.geq(85), ">= 85");
    }
}
