package org.smartcc.engine.query.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.countDistinct;

import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.smartcc.engine.Snapshot;
import org.smartcc.engine.internal.spark.StarSchemaTables;
import org.smartcc.engine.query.PatientColumn;
import org.smartcc.engine.query.Panel;
import org.smartcc.engine.query.QueryDefinition;

/**
 * Compiles a query definition into a Spark plan over a snapshot. Each panel selects facts ({@link FactSelector}: one
 * filtered scan for its concept sets, no per-patient work), counts distinct facts per patient — or per visit under
 * SAME and SAMEVISIT timing — and keeps the keys whose count satisfies the occurrence constraint (no count for "at
 * least once"). Panels of one {@link Grain} are intersected on its key (patient, visit, or fact instance for
 * SAMEINSTANCENUM), inverted panels subtracted; the visits and instances found then meet the ANY panels on the
 * patient. Temporal subqueries go to {@link TemporalPlanner}, which relates the events that {@link #evaluate} also
 * yields.
 */
public final class PatientSetPlanner {

    /** The columns that identify one fact, as i2b2 counts them for {@code total_item_occurrences}. */
    private static final List<String> FACT_KEY = List.of("encounter_num", "instance_num", "concept_cd", "start_date",
            "provider_id");

    private final Dataset<Row> patients;
    private final Dataset<Row> visits;
    private final Dataset<Row> facts;
    private final FactSelector selector;
    private final Snapshot snapshot;

    /** Without stored sets; demographic ages count on the day each plan is made. */
    public PatientSetPlanner(SparkSession spark, Snapshot snapshot) {
        this(spark, snapshot, SetResolver.NONE);
    }

    /** Demographic ages count on the day each plan is made. */
    public PatientSetPlanner(SparkSession spark, Snapshot snapshot, SetResolver sets) {
        this(spark, snapshot, sets, LocalDate::now);
    }

    /**
     * Reads the snapshot's concept and modifier paths and its race codes once; {@code sets} resolves previous queries
     * and sets; {@code ageAsOf} gives, at each plan, the day on which the age of demographic terms counts.
     */
    public PatientSetPlanner(SparkSession spark, Snapshot snapshot, SetResolver sets, Supplier<LocalDate> ageAsOf) {
        this.snapshot = snapshot;
        this.facts = spark.read().parquet(snapshot.table(StarSchemaTables.OBSERVATION_FACT).toString());
        Dataset<Row> patientDimension = spark.read().parquet(snapshot.table("patient_dimension").toString());
        this.patients = patientDimension.select("patient_num");
        Dataset<Row> visitDimension = spark.read().parquet(snapshot.table("visit_dimension").toString());
        this.visits = visitDimension.select("patient_num", "encounter_num", "start_date", "end_date");
        Optional<Dataset<Row>> textFacts = Files.isDirectory(snapshot.table(StarSchemaTables.OBSERVATION_TEXT))
                ? Optional.of(spark.read().parquet(snapshot.table(StarSchemaTables.OBSERVATION_TEXT).toString()))
                : Optional.empty();
        List<Column> demographicColumns = new ArrayList<>(List.of(col("patient_num")));
        for (PatientColumn column : PatientColumn.values()) {
            demographicColumns.add(col(column.columnName()));
        }
        this.selector = new FactSelector(facts, textFacts,
                spark.read().parquet(snapshot.table("patient_mapping").toString()),
                patientDimension.select(demographicColumns.toArray(Column[]::new)),
                ConceptIndex.of(spark.read().parquet(snapshot.table("concept_dimension").toString()),
                        "concept_path", "concept_cd"),
                ConceptIndex.of(spark.read().parquet(snapshot.table("modifier_dimension").toString()),
                        "modifier_path", "modifier_cd"),
                new FactSelector.Demographics(PatientConditions.termsOf(patientDimension), ageAsOf),
                new FactSelector.Dimensions(OntologyTerms.of(spark, snapshot), patientDimension,
                        visitDimension.join(patientDimension.select("patient_num", "birth_date"), "patient_num",
                                "left"),
                        spark.read().parquet(snapshot.table("provider_dimension").toString())),
                sets);
    }

    private PatientSetPlanner(PatientSetPlanner planner, SetResolver sets) {
        this.snapshot = planner.snapshot;
        this.facts = planner.facts;
        this.patients = planner.patients;
        this.visits = planner.visits;
        this.selector = planner.selector.withSets(sets);
    }

    /** The same planner (the concept paths already read) with other stored sets, e.g. those of another user. */
    public PatientSetPlanner withSets(SetResolver sets) {
        return new PatientSetPlanner(this, sets);
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    /** The query's patients, their visits and the warnings about items that match nothing. */
    public CohortPlan plan(QueryDefinition query) {
        List<String> warnings = new ArrayList<>();
        List<Evaluation> evaluations = new ArrayList<>();
        Dataset<Row> patients;
        if (query.subqueries().isEmpty()) {
            evaluations.add(evaluate(query, "query_definition", warnings));
            patients = evaluations.get(0).patients(); // distinct already: keys of a grain, semi- and anti-joined
        } else {
            Dataset<Row> panelPatients = null;
            if (!query.panels().isEmpty()) {
                evaluations.add(evaluate(query, "query_definition", warnings));
                panelPatients = evaluations.get(0).patients();
            }
            patients = new TemporalPlanner(this, visits).patients(query, panelPatients, warnings, evaluations)
                    .select("patient_num").distinct();
        }
        Dataset<Row> qualifying = patients;
        return new CohortPlan(patients, () -> encounters(evaluations, qualifying), warnings);
    }

    /** The visits of the events that made the patients qualify. */
    private Dataset<Row> encounters(List<Evaluation> evaluations, Dataset<Row> patients) {
        Dataset<Row> encounters = null;
        for (Evaluation evaluation : evaluations) {
            Dataset<Row> visitsOf = evaluation.events().filter(col("encounter_num").geq(0))
                    .select("patient_num", "encounter_num");
            encounters = encounters == null ? visitsOf : encounters.unionByName(visitsOf);
        }
        return encounters == null ? visits.select("patient_num", "encounter_num").limit(0)
                : Grain.PATIENT.filter(encounters, patients, "left_semi").distinct();
    }

    /** The plan's patients alone. */
    public Dataset<Row> patients(QueryDefinition query) {
        return plan(query).patients();
    }

    /**
     * The query's patients and its events: the facts of its positive panels that belong to a qualifying patient,
     * visit or instance ({@link FactSelector#COLUMNS}).
     */
    Evaluation evaluate(QueryDefinition query, String path, List<String> warnings) {
        Map<Grain, Dataset<Row>> kept = new EnumMap<>(Grain.class);
        Map<Grain, List<Dataset<Row>>> excluded = new EnumMap<>(Grain.class);
        List<PanelFacts> positive = new ArrayList<>();
        for (int i = 0; i < query.panels().size(); i++) {
            Panel panel = query.panels().get(i);
            Grain grain = Grain.of(panel.timing());
            PanelFacts matched = matching(panel, grain, path + "/panel[" + (i + 1) + "]", warnings);
            Dataset<Row> keys = qualifying(panel, grain, matched.facts());
            if (panel.invert()) {
                excluded.computeIfAbsent(grain, g -> new ArrayList<>()).add(keys);
            } else {
                positive.add(matched);
                kept.merge(grain, keys, (a, b) -> grain.filter(a, b, "left_semi"));
            }
        }
        for (Grain grain : List.of(Grain.INSTANCE, Grain.VISIT)) {
            if (excluded.containsKey(grain)) {
                // every fact instance, as i2b2 seeds it from observation_fact: some exist only as modifier rows
                kept.putIfAbsent(grain, grain == Grain.VISIT ? visits.select(grain.columns()) : grain.keysOf(facts));
            }
        }
        excluded.forEach((grain, outs) -> {
            if (grain != Grain.PATIENT) {
                outs.forEach(out -> kept.compute(grain, (g, in) -> g.filter(in, out, "left_anti")));
            }
        });
        if (kept.containsKey(Grain.INSTANCE) && kept.containsKey(Grain.VISIT)) {
            kept.put(Grain.VISIT, Grain.VISIT.filter(kept.get(Grain.VISIT), kept.get(Grain.INSTANCE), "left_semi"));
            kept.put(Grain.INSTANCE, Grain.VISIT.filter(kept.get(Grain.INSTANCE), kept.get(Grain.VISIT), "left_semi"));
        }
        Dataset<Row> result = kept.get(Grain.PATIENT);
        for (Grain grain : List.of(Grain.VISIT, Grain.INSTANCE)) {
            if (kept.containsKey(grain)) {
                Dataset<Row> grainPatients = kept.get(grain).select("patient_num").distinct();
                result = result == null ? grainPatients : Grain.PATIENT.filter(result, grainPatients, "left_semi");
            }
        }
        if (result == null) {
            result = patients; // only exclusions, or no panel: everyone else qualifies
        }
        for (Dataset<Row> out : excluded.getOrDefault(Grain.PATIENT, List.of())) {
            result = Grain.PATIENT.filter(result, out, "left_anti");
        }
        if (query.panels().size() == 1 && positive.size() == 1 && atLeastOnce(query.panels().get(0))) {
            // the panel's keys are those of its own facts and decide the patients alone: every fact is an event
            Dataset<Row> only = positive.get(0).facts();
            return new Evaluation(result, () -> only);
        }
        Dataset<Row> patients = result;
        return new Evaluation(result, () -> events(positive, kept, patients));
    }

    /**
     * The facts of the positive panels that belong to a qualifying patient, visit or instance. Without positive panels
     * (only exclusions), every fact of the instances, visits or patients that remain, as i2b2 takes them from
     * {@code observation_fact}: "no RBC above 5" yields the patient's other facts.
     */
    private Dataset<Row> events(List<PanelFacts> positive, Map<Grain, Dataset<Row>> kept, Dataset<Row> patients) {
        if (positive.isEmpty()) {
            Grain finest = kept.containsKey(Grain.INSTANCE) ? Grain.INSTANCE
                    : kept.containsKey(Grain.VISIT) ? Grain.VISIT : Grain.PATIENT;
            Dataset<Row> remaining = finest == Grain.PATIENT ? facts
                    : finest.filter(facts, kept.get(finest), "left_semi");
            return Grain.PATIENT.filter(remaining, patients, "left_semi").select(selectorColumns());
        }
        Dataset<Row> events = null;
        for (PanelFacts panel : positive) {
            Dataset<Row> own = panel.grain().filter(panel.facts(), kept.get(panel.grain()), "left_semi");
            own = Grain.PATIENT.filter(own, patients, "left_semi");
            events = events == null ? own : events.unionByName(own);
        }
        return events;
    }

    private PanelFacts matching(Panel panel, Grain grain, String path, List<String> warnings) {
        Dataset<Row> matching = selector.selectAny(panel.items(), path, warnings);
        if (grain == Grain.VISIT) {
            matching = matching.filter(col("encounter_num").geq(0)); // facts without a visit share none
        }
        return new PanelFacts(grain, FactSelector.within(matching, panel.dates()));
    }

    /**
     * The keys of the grain whose facts satisfy the occurrence constraint, counted per key as i2b2 groups them. Under
     * SAMEINSTANCENUM the key is the fact itself, so a count above one is never reached: i2b2 answers 0 to such
     * panels (its temporal test messages with {@code total_item_occurrences} 2 expect 0).
     */
    private static Dataset<Row> qualifying(Panel panel, Grain grain, Dataset<Row> matching) {
        if (atLeastOnce(panel)) {
            return grain.keysOf(matching); // every matching fact counts once at least: no count needed
        }
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
        Column factKey = concat_ws("|", FACT_KEY.stream().map(c -> col(c).cast("string")).toArray(Column[]::new));
        return matching.groupBy(grain.columns()).agg(countDistinct(factKey).as("n")).filter(kept)
                .select(grain.columns());
    }

    /** {@code GE 1} (i2b2's default) or {@code GT 0}: any matching fact qualifies its key. */
    private static boolean atLeastOnce(Panel panel) {
        return switch (panel.occurrenceOperator()) {
            case GE -> panel.occurrences() <= 1;
            case GT -> panel.occurrences() <= 0;
            default -> false;
        };
    }

    private static Column[] selectorColumns() {
        return FactSelector.COLUMNS.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
    }

    /** A query's patients and the facts that made them qualify, the latter planned when first asked for. */
    record Evaluation(Dataset<Row> patients, Supplier<Dataset<Row>> plannedEvents) {

        Evaluation {
            plannedEvents = Memoized.of(plannedEvents);
        }

        Dataset<Row> events() {
            return plannedEvents.get();
        }
    }

    private record PanelFacts(Grain grain, Dataset<Row> facts) {
    }
}
