package org.smartcc.engine.query.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.smartcc.engine.Snapshot;
import org.smartcc.engine.query.DateBound;
import org.smartcc.engine.query.DateWindow;
import org.smartcc.engine.query.Item;
import org.smartcc.engine.query.ItemKey;
import org.smartcc.engine.query.Panel;
import org.smartcc.engine.query.QueryDefinition;
import org.smartcc.engine.query.QueryDefinitionException;
import org.smartcc.engine.query.Timing;

/**
 * The patients of a query definition as a Spark plan over a snapshot: each panel is a semi-join of the facts on the
 * concept codes below its items' paths (one scan of observation_fact per concept set, no per-patient work), grouped
 * per patient and kept when the count of distinct facts satisfies the panel's occurrence constraint; panels are
 * intersected, inverted panels subtracted.
 *
 * <p>Panels with SAME or SAMEVISIT timing must match within one visit: they are counted per visit and joined on
 * it, and their patients then meet the ANY panels.
 *
 * <p>This first slice covers concept items, ANY, SAME and SAMEVISIT panel timing, item and panel date windows,
 * NUMBER, TEXT and FLAG value constraints ({@link ValueFilters}), occurrence counts and exclusion (ANY panels).
 * Everything else of the model (LARGETEXT and modifier constraints, SAMEINSTANCENUM timing, exclusion within a visit,
 * previous queries and patient sets as items, temporal subqueries) is refused with a
 * {@link QueryDefinitionException} naming the element, not answered wrongly.
 */
public final class PatientSetPlanner {

    /** The columns that identify one fact, as i2b2 counts them for {@code total_item_occurrences}. */
    private static final Column[] FACT_KEY = {col("encounter_num"), col("instance_num"), col("concept_cd"),
            col("start_date"), col("provider_id")};

    private final Dataset<Row> facts;
    private final Dataset<Row> concepts;
    private final Dataset<Row> patients;

    public PatientSetPlanner(SparkSession spark, Snapshot snapshot) {
        this.facts = spark.read().parquet(snapshot.table("observation_fact").toString())
                .filter(col("modifier_cd").equalTo("@"));
        this.concepts = spark.read().parquet(snapshot.table("concept_dimension").toString());
        this.patients = spark.read().parquet(snapshot.table("patient_dimension").toString()).select("patient_num");
    }

    /** One column, {@code patient_num}, each patient once. */
    public Dataset<Row> patients(QueryDefinition query) {
        if (!query.subqueries().isEmpty()) {
            throw unsupported("query_definition/subquery", "temporal subqueries");
        }
        if (query.timing() == Timing.SAMEINSTANCENUM) {
            throw unsupported("query_definition/query_timing", "SAMEINSTANCENUM timing");
        }
        Dataset<Row> result = null;
        Dataset<Row> sameVisit = null;
        List<Dataset<Row>> excluded = new ArrayList<>();
        for (int i = 0; i < query.panels().size(); i++) {
            Panel panel = query.panels().get(i);
            String path = "query_definition/panel[" + (i + 1) + "]";
            if (panel.timing() == Timing.ANY) {
                Dataset<Row> qualifying = qualifying(panel, path, "patient_num");
                if (panel.invert()) {
                    excluded.add(qualifying);
                } else {
                    result = result == null ? qualifying : result.join(qualifying, "patient_num");
                }
            } else if (panel.timing() == Timing.SAMEINSTANCENUM) {
                throw unsupported(path + "/panel_timing", "SAMEINSTANCENUM timing");
            } else if (panel.invert()) {
                throw unsupported(path + "/invert", "exclusion panels with SAME or SAMEVISIT timing");
            } else {
                // SAME and SAMEVISIT: the panels' facts must share one visit; facts without a visit (-1) have none
                Dataset<Row> visits = qualifying(panel, path, "patient_num", "encounter_num");
                sameVisit = sameVisit == null ? visits : sameVisit.join(visits,
                        scala.jdk.javaapi.CollectionConverters.asScala(List.of("patient_num", "encounter_num")).toSeq());
            }
        }
        if (sameVisit != null) {
            Dataset<Row> visitPatients = sameVisit.select("patient_num").distinct();
            result = result == null ? visitPatients : result.join(visitPatients, "patient_num");
        }
        if (result == null) {
            result = patients; // only exclusions: everyone else qualifies
        }
        for (Dataset<Row> out : excluded) {
            result = result.join(out, result.col("patient_num").equalTo(out.col("patient_num")), "left_anti");
        }
        return result.select("patient_num").distinct();
    }

    /** The patients (or patient visits) whose facts satisfy the panel, one row each, keyed by {@code keys}. */
    private Dataset<Row> qualifying(Panel panel, String path, String... keys) {
        Dataset<Row> matching = null;
        for (int i = 0; i < panel.items().size(); i++) {
            Dataset<Row> itemFacts = itemFacts(panel.items().get(i), path + "/item[" + (i + 1) + "]");
            matching = matching == null ? itemFacts : matching.unionByName(itemFacts);
        }
        if (matching == null) {
            return facts.select(keys[0], java.util.Arrays.copyOfRange(keys, 1, keys.length)).limit(0);
        }
        if (keys.length > 1) {
            matching = matching.filter(col("encounter_num").geq(0));
        }
        matching = within(matching, panel.dates());
        Column count = col("n");
        Column kept = switch (panel.occurrenceOperator()) {
            case EQ -> count.equalTo(panel.occurrences());
            case NE -> count.notEqual(panel.occurrences());
            case GT -> count.gt(panel.occurrences());
            case LT -> count.lt(panel.occurrences());
            case GE -> count.geq(panel.occurrences());
            case LE -> count.leq(panel.occurrences());
        };
        // concat_ws skips nulls, where a multi-column countDistinct would drop the whole fact (undated facts)
        Column factKey = concat_ws("|", Arrays.stream(FACT_KEY).map(c -> c.cast("string")).toArray(Column[]::new));
        Column[] groups = Arrays.stream(keys).map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
        return matching.groupBy(groups).agg(countDistinct(factKey).as("n")).filter(kept).select(groups);
    }

    private Dataset<Row> itemFacts(Item item, String path) {
        if (item.modifier().isPresent()) {
            throw unsupported(path + "/constrain_by_modifier", "modifier constraints");
        }
        if (!(item.key() instanceof ItemKey.ConceptPath concept)) {
            throw unsupported(path + "/item_key", "previous queries, patient sets, patients and encounters as items");
        }
        Dataset<Row> codes = concepts.filter(col("concept_path").startsWith(concept.path())).select("concept_cd");
        Dataset<Row> selected = facts.join(codes, facts.col("concept_cd").equalTo(codes.col("concept_cd")), "left_semi");
        for (DateWindow window : item.dates()) {
            selected = within(selected, window);
        }
        for (int i = 0; i < item.values().size(); i++) {
            String valuePath = path + "/constrain_by_value[" + (i + 1) + "]";
            selected = selected.filter(ValueFilters.of(item.values().get(i), valuePath));
        }
        return selected.select(col("patient_num"), FACT_KEY[0], FACT_KEY[1], FACT_KEY[2], FACT_KEY[3], FACT_KEY[4],
                col("end_date"));
    }

    private static Dataset<Row> within(Dataset<Row> facts, DateWindow window) {
        Dataset<Row> out = facts;
        if (window.from().isPresent()) {
            DateBound from = window.from().get();
            Column date = col(from.onEndDate() ? "end_date" : "start_date");
            Column bound = lit(Timestamp.valueOf(from.value()));
            out = out.filter(from.inclusive() ? date.geq(bound) : date.gt(bound));
        }
        if (window.to().isPresent()) {
            DateBound to = window.to().get();
            Column date = col(to.onEndDate() ? "end_date" : "start_date");
            Column bound = lit(Timestamp.valueOf(to.value()));
            out = out.filter(to.inclusive() ? date.leq(bound) : date.lt(bound));
        }
        return out;
    }

    private static QueryDefinitionException unsupported(String path, String what) {
        return new QueryDefinitionException(path, "not supported by this engine yet: " + what);
    }
}
