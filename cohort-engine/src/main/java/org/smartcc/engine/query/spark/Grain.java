package org.smartcc.engine.query.spark;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.smartcc.engine.query.Timing;

/** What a panel's facts must share with the other panels of its timing: the patient, the visit or the fact. */
enum Grain {
    PATIENT("patient_num"),
    VISIT("patient_num", "encounter_num"),
    INSTANCE("patient_num", "encounter_num", "instance_num", "concept_cd", "start_date", "provider_id");

    private final List<String> keys;

    Grain(String... keys) {
        this.keys = List.of(keys);
    }

    static Grain of(Timing timing) {
        return switch (timing) {
            case ANY -> PATIENT;
            case SAME, SAMEVISIT -> VISIT;
            case SAMEINSTANCENUM -> INSTANCE;
        };
    }

    List<String> keys() {
        return keys;
    }

    Column[] columns() {
        return keys.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
    }

    /**
     * The rows of {@code left} whose key is (or, for {@code left_anti}, is not) in {@code right}. Patient and visit
     * numbers are never null; the fact key's other columns may be, and nulls match there. Both sides are aliased: they
     * often derive from the same scan, whose columns would otherwise be the same attribute.
     */
    Dataset<Row> filter(Dataset<Row> left, Dataset<Row> right, String joinType) {
        Column on = null;
        for (String key : keys) {
            Column same = this == INSTANCE ? col("l." + key).eqNullSafe(col("r." + key))
                    : col("l." + key).equalTo(col("r." + key));
            on = on == null ? same : on.and(same);
        }
        return left.as("l").join(right.as("r"), on, joinType);
    }

    /** Distinct keys of the rows. */
    Dataset<Row> keysOf(Dataset<Row> rows) {
        return rows.select(columns()).distinct();
    }
}
