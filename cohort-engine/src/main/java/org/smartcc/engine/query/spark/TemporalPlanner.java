package org.smartcc.engine.query.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.timestamp_add;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.smartcc.engine.query.QueryDefinition;
import org.smartcc.engine.query.TemporalConstraint;
import org.smartcc.engine.query.TemporalConstraint.Event;
import org.smartcc.engine.query.TemporalConstraint.Operator;
import org.smartcc.engine.query.TemporalConstraint.Span;

/**
 * Temporal queries (cohort-model §1.5): each subquery yields events, the facts that made its patients qualify; each
 * {@code subquery_constraint} keeps the patients with an event of the first subquery and one of the second whose
 * columns relate as the operator says (FIRST: the patient's earliest value, LAST: the latest, ANY: every event), within
 * the spans. A patient must satisfy every constraint, belong to every subquery no constraint names, and meet the
 * top-level panels if there are any.
 *
 * <p>Spans compare calendar arithmetic ({@code timestamp_add}) from the earlier of the two events to the later one:
 * "Query0 LESS Query1, span GREATER 14 DAY" keeps a second event more than 14 days after the first.
 */
final class TemporalPlanner {

    private final PatientSetPlanner planner;
    private final Dataset<Row> visits;

    TemporalPlanner(PatientSetPlanner planner, Dataset<Row> visits) {
        this.planner = planner;
        this.visits = visits;
    }

    /** The patients; each subquery's evaluation is added to {@code evaluations}, for the visits of the result. */
    Dataset<Row> patients(QueryDefinition query, Dataset<Row> panelPatients, List<String> warnings,
                          List<PatientSetPlanner.Evaluation> evaluations) {
        Map<String, PatientSetPlanner.Evaluation> events = new HashMap<>();
        for (int i = 0; i < query.subqueries().size(); i++) {
            QueryDefinition sub = query.subqueries().get(i);
            String id = sub.id().orElse("#" + i);
            PatientSetPlanner.Evaluation evaluation = planner.evaluate(sub, "query_definition/subquery[" + (i + 1)
                    + "]", warnings);
            events.put(id, evaluation);
            evaluations.add(evaluation);
        }
        Dataset<Row> result = panelPatients;
        Set<String> named = new HashSet<>();
        for (int i = 0; i < query.temporalConstraints().size(); i++) {
            TemporalConstraint constraint = query.temporalConstraints().get(i);
            named.add(constraint.first().queryId());
            named.add(constraint.second().queryId());
            Dataset<Row> satisfying = satisfying(constraint, events);
            result = result == null ? satisfying : Grain.PATIENT.filter(result, satisfying, "left_semi");
        }
        for (Map.Entry<String, PatientSetPlanner.Evaluation> sub : events.entrySet()) {
            if (!named.contains(sub.getKey())) {
                Dataset<Row> subPatients = sub.getValue().patients();
                result = result == null ? subPatients : Grain.PATIENT.filter(result, subPatients, "left_semi");
            }
        }
        return result;
    }

    private Dataset<Row> satisfying(TemporalConstraint constraint, Map<String, PatientSetPlanner.Evaluation> events) {
        Dataset<Row> first = values(constraint.first(), events.get(constraint.first().queryId()).events(), "a");
        Dataset<Row> second = values(constraint.second(), events.get(constraint.second().queryId()).events(), "b");
        Column a = col("a");
        Column b = col("b");
        // aliased: both sides derive from the same fact scan, whose patient_num would otherwise be one attribute
        Column on = col("x.patient_num").equalTo(col("y.patient_num")).and(compare(a, constraint.operator(), b));
        boolean firstIsEarlier = constraint.operator() != Operator.GREATER
                && constraint.operator() != Operator.GREATEREQUAL;
        for (Span span : constraint.spans()) {
            Column earlier = firstIsEarlier ? a : b;
            Column later = firstIsEarlier ? b : a;
            on = on.and(compare(later, span.operator(), shifted(earlier, span)));
        }
        return first.as("x").join(second.as("y"), on).select(col("x.patient_num")).distinct();
    }

    /** The event values of one side, column {@code name}, per patient: all of them, or the earliest or latest. */
    private Dataset<Row> values(Event event, Dataset<Row> eventFacts, String name) {
        Dataset<Row> withValue = switch (event.joinColumn()) {
            case STARTDATE -> eventFacts.select(col("patient_num"), col("start_date").as(name));
            case ENDDATE -> eventFacts.select(col("patient_num"), col("end_date").as(name));
            case ENCOUNTER_STARTDATE, ENCOUNTER_ENDDATE -> {
                Dataset<Row> v = visits.select(col("encounter_num").as("v_encounter"),
                        col(event.joinColumn() == TemporalConstraint.JoinColumn.ENCOUNTER_STARTDATE ? "start_date"
                                : "end_date").as(name));
                yield eventFacts.join(v, eventFacts.col("encounter_num").equalTo(v.col("v_encounter")))
                        .select(col("patient_num"), col(name));
            }
            case PATIENT -> eventFacts.select(col("patient_num"), col("patient_num").as(name));
            case ENCOUNTER -> eventFacts.select(col("patient_num"), col("encounter_num").as(name));
            case INSTANCE -> eventFacts.select(col("patient_num"), col("instance_num").as(name));
        };
        withValue = withValue.filter(col(name).isNotNull());
        return switch (event.aggregate()) {
            case FIRST -> withValue.groupBy("patient_num").agg(min(name).as(name));
            case LAST -> withValue.groupBy("patient_num").agg(max(name).as(name));
            case ANY -> withValue.distinct();
        };
    }

    private static Column compare(Column left, Operator operator, Column right) {
        return switch (operator) {
            case LESS -> left.lt(right);
            case LESSEQUAL -> left.leq(right);
            case EQUAL -> left.equalTo(right);
            case GREATER -> left.gt(right);
            case GREATEREQUAL -> left.geq(right);
        };
    }

    /** Calendar arithmetic, as i2b2's SQL does it; the unit is a constant's name, the amount a literal. */
    private static Column shifted(Column date, Span span) {
        return timestamp_add(span.units().name(), lit(span.value()), date);
    }
}
