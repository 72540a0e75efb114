package org.smartcc.engine.run;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.smartcc.engine.privacy.ReportedCount;

/**
 * Exact cells of i2b2's SQL breakdowns ({@code QT_BREAKDOWN_PATH}), computed with Column expressions over the snapshot
 * instead of i2b2's SQL templates. As i2b2's SQL does, each cell counts the distinct patients of the set (i2b2's
 * {@code DX}) with a visit or fact in it, so a patient may fall in several cells:
 * <ul>
 * <li>{@link ResultType#PATIENT_INOUT_XML}: by {@code visit_dimension.inout_cd} ({@code I}, {@code O}, {@code E}),
 * visits without one in {@code unknown};</li>
 * <li>{@link ResultType#PATIENT_LOS_XML}: by the length of stay of their visits in whole days, from the visit's start
 * and end dates (else its {@code length_of_stay}), in the configured groups; visits without a length in
 * {@code unknown};</li>
 * <li>{@link ResultType#PATIENT_TOP20MEDS_XML}, {@link ResultType#PATIENT_TOP20DIAG_XML}: by the concepts of their
 * facts below {@code \SMART\Medications\} or {@code \SMART\Problems\}, named by {@code name_char} as i2b2 groups them,
 * the {@code top-n} with most patients (ties by name).</li>
 * </ul>
 */
final class SqlBreakdowns {

    static final String MEDICATIONS = "\\SMART\\Medications\\";
    static final String DIAGNOSES = "\\SMART\\Problems\\";

    private SqlBreakdowns() {
    }

    static Map<String, Long> cells(Dataset<Row> patients, BreakdownTables tables, ResultType type) {
        return switch (type) {
            case PATIENT_INOUT_XML -> inOut(patients, tables);
            case PATIENT_LOS_XML -> lengthOfStay(patients, tables);
            case PATIENT_TOP20MEDS_XML -> top(patients, tables, MEDICATIONS);
            case PATIENT_TOP20DIAG_XML -> top(patients, tables, DIAGNOSES);
            default -> throw new IllegalArgumentException(type + " is no SQL breakdown");
        };
    }

    /** Whether the cells name concepts of the data rather than fixed categories. */
    static boolean namesConcepts(ResultType type) {
        return type == ResultType.PATIENT_TOP20MEDS_XML || type == ResultType.PATIENT_TOP20DIAG_XML;
    }

    /**
     * A top list leaves out the concepts whose count is suppressed: naming a concept with "0" or "10 or fewer" would
     * still tell that some patient of the set has it, which a fixed category (a gender, a group of days) does not.
     */
    static Map<String, ReportedCount> withoutSuppressed(Map<String, ReportedCount> cells) {
        Map<String, ReportedCount> shown = new LinkedHashMap<>();
        cells.forEach((name, count) -> {
            if (!count.suppressed()) {
                shown.put(name, count);
            }
        });
        return shown;
    }

    private static Dataset<Row> visitsOf(Dataset<Row> patients, BreakdownTables tables) {
        return tables.visitDimension().join(patients.select("patient_num"), "patient_num");
    }

    private static Map<String, Long> inOut(Dataset<Row> patients, BreakdownTables tables) {
        Dataset<Row> cells = visitsOf(patients, tables).select(col("patient_num"),
                coalesce(col("inout_cd"), lit(Breakdowns.UNKNOWN)).as("cell"));
        return collect(cells.groupBy("cell").agg(countDistinct("patient_num")).orderBy("cell"), new LinkedHashMap<>());
    }

    private static Map<String, Long> lengthOfStay(Dataset<Row> patients, BreakdownTables tables) {
        Column days = coalesce(datediff(col("end_date"), col("start_date")), col("length_of_stay").cast("int"));
        Column known = when(days.geq(0), days); // an end before the start is no length
        Column group = null;
        Map<String, Long> cells = new LinkedHashMap<>();
        for (BreakdownSettings.LosGroup g : tables.settings().losGroups()) {
            Column in = g.to().map(to -> known.between(g.from(), to)).orElseGet(() -> known.geq(g.from()));
            group = group == null ? when(in, lit(g.label())) : group.when(in, lit(g.label()));
            cells.put(g.label(), 0L);
        }
        Column cell = when(known.isNull(), lit(Breakdowns.UNKNOWN)).otherwise(group);
        // a stay longer than a closed last group is in no cell
        Dataset<Row> grouped = visitsOf(patients, tables).select(col("patient_num"), cell.as("cell"))
                .filter(col("cell").isNotNull()).groupBy("cell").agg(countDistinct("patient_num"));
        return collect(grouped, cells);
    }

    private static Map<String, Long> top(Dataset<Row> patients, BreakdownTables tables, String folder) {
        Dataset<Row> concepts = tables.conceptDimension().filter(col("concept_path").startsWith(folder)
                .and(col("concept_cd").isNotNull())).select(col("concept_cd"),
                coalesce(col("name_char"), col("concept_cd")).as("cell")).distinct();
        Dataset<Row> facts = tables.facts().filter(col("modifier_cd").equalTo("@")).select("patient_num", "concept_cd")
                .join(patients.select("patient_num"), "patient_num", "left_semi");
        Dataset<Row> top = facts.join(broadcast(concepts), "concept_cd").groupBy("cell")
                .agg(countDistinct("patient_num").as("patients"))
                .orderBy(col("patients").desc(), col("cell").asc()).limit(tables.settings().topN());
        return collect(top, new LinkedHashMap<>());
    }

    private static Map<String, Long> collect(Dataset<Row> cellCounts, Map<String, Long> into) {
        for (Row row : cellCounts.collectAsList()) {
            into.put(row.getString(0), row.getLong(1));
        }
        return into;
    }
}
