package org.smartcc.engine.warehouse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.smartcc.engine.query.Panel;
import org.smartcc.engine.query.QueryDefinition;
import org.smartcc.engine.query.TemporalConstraint;
import org.smartcc.engine.query.TemporalConstraint.Event;
import org.smartcc.engine.query.TemporalConstraint.Operator;
import org.smartcc.engine.warehouse.ReferenceSql.Fact;

/**
 * The reference answer of a query definition on an i2b2 warehouse, for the planner's differential test: each panel's
 * facts come from {@link ReferenceSql}, and the rest is done the plain way in Java, as docs/cohort-engine.md states
 * it: occurrence counts per key of the panel's timing, panels intersected on that key and exclusions subtracted, then
 * met on the patient; a subquery's events are its positive panels' facts of qualifying keys (every remaining fact when
 * it only excludes); a temporal constraint compares every pair of event values per patient after FIRST, LAST or ANY,
 * with calendar spans.
 */
final class ReferenceQueries {

    /** The key panels of a timing share: the patient, the visit, or the fact instance. */
    enum Grain {
        PATIENT, VISIT, INSTANCE;

        static Grain of(org.smartcc.engine.query.Timing timing) {
            return switch (timing) {
                case ANY -> PATIENT;
                case SAME, SAMEVISIT -> VISIT;
                case SAMEINSTANCENUM -> INSTANCE;
            };
        }

        List<Object> key(Fact f) {
            return switch (this) {
                case PATIENT -> List.of(f.patient());
                case VISIT -> List.of(f.patient(), f.encounter());
                case INSTANCE -> Arrays.asList(f.patient(), f.encounter(), f.instance(), f.concept(), f.start(),
                        f.provider());
            };
        }
    }

    private record Evaluation(Set<Long> patients, List<Fact> events) {
    }

    private final Connection connection;
    private final ReferenceSql sql;
    private List<Fact> allFacts;

    ReferenceQueries(Connection connection) {
        this.connection = connection;
        this.sql = new ReferenceSql(connection);
    }

    Set<Long> patients(QueryDefinition query) throws SQLException {
        if (query.subqueries().isEmpty()) {
            return evaluate(query).patients();
        }
        Set<Long> result = query.panels().isEmpty() ? null : new TreeSet<>(evaluate(query).patients());
        Map<String, Evaluation> subqueries = new HashMap<>();
        for (int i = 0; i < query.subqueries().size(); i++) {
            QueryDefinition sub = query.subqueries().get(i);
            subqueries.put(sub.id().orElse("#" + i), evaluate(sub));
        }
        Set<String> named = new HashSet<>();
        for (TemporalConstraint constraint : query.temporalConstraints()) {
            named.add(constraint.first().queryId());
            named.add(constraint.second().queryId());
            result = retain(result, satisfying(constraint, subqueries));
        }
        for (Map.Entry<String, Evaluation> sub : subqueries.entrySet()) {
            if (!named.contains(sub.getKey())) {
                result = retain(result, sub.getValue().patients());
            }
        }
        return result;
    }

    private Evaluation evaluate(QueryDefinition query) throws SQLException {
        Map<Grain, Set<List<Object>>> kept = new EnumMap<>(Grain.class);
        Map<Grain, List<Set<List<Object>>>> excluded = new EnumMap<>(Grain.class);
        Map<Grain, List<List<Fact>>> positive = new EnumMap<>(Grain.class);
        for (Panel panel : query.panels()) {
            Grain grain = Grain.of(panel.timing());
            List<Fact> facts = sql.facts(panel, grain == Grain.VISIT);
            Set<List<Object>> keys = qualifying(panel, grain, facts);
            if (panel.invert()) {
                excluded.computeIfAbsent(grain, g -> new ArrayList<>()).add(keys);
            } else {
                positive.computeIfAbsent(grain, g -> new ArrayList<>()).add(facts);
                kept.merge(grain, keys, ReferenceQueries::intersect);
            }
        }
        if (excluded.containsKey(Grain.INSTANCE)) {
            kept.putIfAbsent(Grain.INSTANCE, keys(allFacts(), Grain.INSTANCE::key));
        }
        if (excluded.containsKey(Grain.VISIT)) {
            kept.putIfAbsent(Grain.VISIT, visits());
        }
        excluded.forEach((grain, outs) -> outs.forEach(out -> {
            if (grain != Grain.PATIENT) {
                kept.get(grain).removeAll(out);
            }
        }));
        if (kept.containsKey(Grain.INSTANCE) && kept.containsKey(Grain.VISIT)) {
            kept.get(Grain.VISIT).retainAll(keys(kept.get(Grain.INSTANCE), k -> k.subList(0, 2)));
            kept.get(Grain.INSTANCE).removeIf(k -> !kept.get(Grain.VISIT).contains(k.subList(0, 2)));
        }
        Set<Long> result = kept.containsKey(Grain.PATIENT) ? patientsOf(kept.get(Grain.PATIENT)) : null;
        for (Grain grain : List.of(Grain.VISIT, Grain.INSTANCE)) {
            if (kept.containsKey(grain)) {
                result = retain(result, patientsOf(kept.get(grain)));
            }
        }
        if (result == null) {
            result = allPatients();
        }
        for (Set<List<Object>> out : excluded.getOrDefault(Grain.PATIENT, List.of())) {
            result.removeAll(patientsOf(out));
        }
        Set<Long> patients = result;
        List<Fact> events = new ArrayList<>();
        if (positive.isEmpty()) {
            Grain finest = kept.containsKey(Grain.INSTANCE) ? Grain.INSTANCE
                    : kept.containsKey(Grain.VISIT) ? Grain.VISIT : Grain.PATIENT;
            allFacts().stream().filter(f -> patients.contains(f.patient())
                    && (finest == Grain.PATIENT || kept.get(finest).contains(finest.key(f)))).forEach(events::add);
        }
        positive.forEach((grain, panels) -> panels.forEach(facts -> facts.stream().filter(f ->
                patients.contains(f.patient()) && kept.get(grain).contains(grain.key(f))).forEach(events::add)));
        return new Evaluation(patients, events);
    }

    /** The keys whose facts satisfy the occurrence constraint, distinct facts counted per key. */
    private static Set<List<Object>> qualifying(Panel panel, Grain grain, List<Fact> facts) {
        Map<List<Object>, Set<List<Object>>> perKey = new HashMap<>();
        for (Fact f : facts) {
            perKey.computeIfAbsent(grain.key(f), k -> new HashSet<>()).add(Arrays.asList(f.encounter(),
                    f.instance(), f.concept(), f.start(), f.provider()));
        }
        int n = panel.occurrences();
        return perKey.entrySet().stream().filter(e -> switch (panel.occurrenceOperator()) {
            case EQ -> e.getValue().size() == n;
            case NE -> e.getValue().size() != n;
            case GT -> e.getValue().size() > n;
            case LT -> e.getValue().size() < n;
            case GE -> e.getValue().size() >= n;
            case LE -> e.getValue().size() <= n;
        }).map(Map.Entry::getKey).collect(Collectors.toCollection(HashSet::new));
    }

    private Set<Long> satisfying(TemporalConstraint constraint, Map<String, Evaluation> subqueries)
            throws SQLException {
        Map<Long, List<Comparable<Object>>> first = values(constraint.first(), subqueries);
        Map<Long, List<Comparable<Object>>> second = values(constraint.second(), subqueries);
        boolean firstIsEarlier = constraint.operator() != Operator.GREATER
                && constraint.operator() != Operator.GREATEREQUAL;
        Set<Long> satisfying = new TreeSet<>();
        first.forEach((patient, as) -> {
            for (Comparable<Object> a : as) {
                for (Comparable<Object> b : second.getOrDefault(patient, List.of())) {
                    if (holds(a, constraint.operator(), b) && constraint.spans().stream().allMatch(span -> {
                        LocalDateTime earlier = (LocalDateTime) (Object) (firstIsEarlier ? a : b);
                        LocalDateTime later = (LocalDateTime) (Object) (firstIsEarlier ? b : a);
                        ChronoUnit unit = ChronoUnit.valueOf(span.units().name() + "S");
                        return holds(cast(later), span.operator(), cast(earlier.plus(span.value(), unit)));
                    })) {
                        satisfying.add(patient);
                    }
                }
            }
        });
        return satisfying;
    }

    /** Per patient, the event values of one side: all of them, or the earliest or latest. */
    private Map<Long, List<Comparable<Object>>> values(Event event, Map<String, Evaluation> subqueries)
            throws SQLException {
        Map<Long, Timestamp[]> visitDates = event.joinColumn().name().startsWith("ENCOUNTER_") ? visitDates()
                : Map.of();
        Map<Long, Set<Comparable<Object>>> values = new HashMap<>();
        for (Fact f : subqueries.get(event.queryId()).events()) {
            Timestamp[] visit = visitDates.get(f.encounter());
            Object value = switch (event.joinColumn()) {
                case STARTDATE -> f.start();
                case ENDDATE -> f.end();
                case ENCOUNTER_STARTDATE -> visit == null ? null : visit[0];
                case ENCOUNTER_ENDDATE -> visit == null ? null : visit[1];
                case PATIENT -> f.patient();
                case ENCOUNTER -> f.encounter();
                case INSTANCE -> f.instance();
            };
            if (value != null) {
                Object comparable = value instanceof Timestamp t ? t.toLocalDateTime() : value;
                values.computeIfAbsent(f.patient(), p -> new HashSet<>()).add(cast(comparable));
            }
        }
        Map<Long, List<Comparable<Object>>> out = new HashMap<>();
        values.forEach((patient, all) -> {
            TreeSet<Comparable<Object>> sorted = new TreeSet<>(all);
            out.put(patient, switch (event.aggregate()) {
                case FIRST -> List.of(sorted.first());
                case LAST -> List.of(sorted.last());
                case ANY -> List.copyOf(sorted);
            });
        });
        return out;
    }

    private static boolean holds(Comparable<Object> a, Operator operator, Comparable<Object> b) {
        int c = a.compareTo(b);
        return switch (operator) {
            case LESS -> c < 0;
            case LESSEQUAL -> c <= 0;
            case EQUAL -> c == 0;
            case GREATER -> c > 0;
            case GREATEREQUAL -> c >= 0;
        };
    }

    @SuppressWarnings("unchecked")
    private static Comparable<Object> cast(Object value) {
        return (Comparable<Object>) value;
    }

    private static Set<Long> retain(Set<Long> result, Set<Long> other) {
        if (result == null) {
            return new TreeSet<>(other);
        }
        result.retainAll(other);
        return result;
    }

    private static Set<List<Object>> intersect(Set<List<Object>> a, Set<List<Object>> b) {
        a.retainAll(b);
        return a;
    }

    private static <T> Set<List<Object>> keys(java.util.Collection<T> rows, Function<T, List<Object>> key) {
        return rows.stream().map(key).collect(Collectors.toCollection(HashSet::new));
    }

    private static Set<Long> patientsOf(Set<List<Object>> keys) {
        return keys.stream().map(k -> (Long) k.get(0)).collect(Collectors.toCollection(TreeSet::new));
    }

    private List<Fact> allFacts() throws SQLException {
        if (allFacts == null) {
            allFacts = sql.allFacts();
        }
        return allFacts;
    }

    private Set<List<Object>> visits() throws SQLException {
        Set<List<Object>> visits = new HashSet<>();
        query("SELECT patient_num, encounter_num FROM visit_dimension", rs -> visits.add(List.of(rs.getLong(1),
                rs.getLong(2))));
        return visits;
    }

    private Set<Long> allPatients() throws SQLException {
        Set<Long> patients = new TreeSet<>();
        query("SELECT patient_num FROM patient_dimension", rs -> patients.add(rs.getLong(1)));
        return patients;
    }

    private Map<Long, Timestamp[]> visitDates() throws SQLException {
        Map<Long, Timestamp[]> dates = new HashMap<>();
        query("SELECT encounter_num, start_date, end_date FROM visit_dimension", rs -> dates.put(rs.getLong(1),
                new Timestamp[] {rs.getTimestamp(2), rs.getTimestamp(3)}));
        return dates;
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String text, RowReader reader) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(text)) {
            while (rs.next()) {
                reader.read(rs);
            }
        }
    }
}
