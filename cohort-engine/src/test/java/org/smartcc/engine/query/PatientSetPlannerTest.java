package org.smartcc.engine.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartcc.engine.SampleStore;
import org.smartcc.engine.SharedSpark;
import org.smartcc.engine.query.i2b2.I2b2QueryParser;
import org.smartcc.engine.query.spark.PatientSetPlanner;
import org.smartcc.store.Database;

/**
 * Differential test: the Spark plan's patients equal a straightforward SQL evaluation on the relational store (H2)
 * for hand-written and randomly generated queries over the 60 sample patients.
 */
class PatientSetPlannerTest {

    static Database db;
    static PatientSetPlanner planner;
    static List<String> folders;

    @BeforeAll
    static void load() throws Exception {
        use(SampleStore.database(), SampleStore.snapshot());
    }

    /** Compares against SQL on this store, with Spark reading this snapshot of it. */
    static void use(Database database, org.smartcc.engine.Snapshot snapshot) throws SQLException {
        db = database;
        planner = new PatientSetPlanner(SharedSpark.engine().spark(), snapshot);
        folders = folders();
    }

    @Test
    void handWrittenQueriesMatchSql() throws Exception {
        String medication = "\\SMART\\Statement types\\Medication [SMART:Medication]\\";
        String problem = "\\SMART\\Statement types\\Problem [SMART:Problem]\\";
        for (Query q : List.of(
                new Query(List.of(new P(List.of(medication), false, "GE", 1, null, null))),
                new Query(List.of(new P(List.of(medication), false, "GE", 5, null, null),
                        new P(List.of(problem), true, "GE", 1, null, null))),
                new Query(List.of(new P(List.of(medication, problem), false, "LT", 3, 2005, 2012))),
                new Query(List.of(new P(List.of(medication), false, "GE", 1, null, null, null, true),
                        new P(List.of(problem), false, "GE", 1, null, null, null, true))))) {
            assertEquals(sql(q), spark(q), q.toString());
        }
        assertTrue(spark(new Query(List.of(new P(List.of(medication), false, "GE", 1, null, null)))).size() > 10);
    }

    @Test
    void randomQueriesMatchSql() throws Exception {
        Random random = new Random(7);
        String[] operators = {"GE", "EQ", "GT", "LT", "LE", "NE"};
        int nonEmpty = 0;
        for (int n = 0; n < 20; n++) {
            List<P> panels = new ArrayList<>();
            int panelCount = 1 + random.nextInt(3);
            for (int p = 0; p < panelCount; p++) {
                List<String> items = new ArrayList<>();
                for (int i = 0; i <= random.nextInt(2); i++) {
                    items.add(folders.get(random.nextInt(folders.size())));
                }
                Integer from = random.nextInt(3) == 0 ? 1990 + random.nextInt(25) : null;
                Integer to = random.nextInt(3) == 0 ? 2000 + random.nextInt(15) : null;
                boolean invert = p > 0 && random.nextInt(3) == 0;
                panels.add(new P(items, invert, operators[random.nextInt(operators.length)], 1 + random.nextInt(3),
                        from, to, null, !invert && random.nextInt(3) == 0));
            }
            Query q = new Query(panels);
            Set<Integer> expected = sql(q);
            assertEquals(expected, spark(q), q.toString());
            nonEmpty += expected.isEmpty() ? 0 : 1;
        }
        assertTrue(nonEmpty >= 5, "too few queries found patients to prove anything: " + nonEmpty);
    }

    @Test
    void randomValueConstraintsMatchSql() throws Exception {
        Random random = new Random(11);
        List<Double> numbers = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT nval_num FROM observation_fact WHERE valtype_cd = 'N'")) {
                while (rs.next()) {
                    numbers.add(rs.getDouble(1));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT tval_char FROM observation_fact WHERE valtype_cd = 'T'")) {
                while (rs.next()) {
                    texts.add(rs.getString(1));
                }
            }
        }
        String[] numberOperators = {"EQ", "NE", "GT", "GE", "LT", "LE", "BETWEEN"};
        List<String> valued = List.of("\\SMART\\Lab results\\", "\\SMART\\Vital signs\\",
                "\\SMART\\Medications\\");
        int nonEmpty = 0;
        for (int n = 0; n < 15; n++) {
            V value;
            int kind = random.nextInt(5);
            if (kind < 3 || texts.isEmpty()) {
                String op = numberOperators[random.nextInt(numberOperators.length)];
                double a = numbers.get(random.nextInt(numbers.size()));
                double b = numbers.get(random.nextInt(numbers.size()));
                value = new V("NUMBER", op, op.equals("BETWEEN") ? Math.min(a, b) + " and " + Math.max(a, b)
                        : Double.toString(a));
            } else if (kind == 3) {
                String text = texts.get(random.nextInt(texts.size()));
                int from = random.nextInt(Math.max(1, text.length()));
                String part = text.substring(from, Math.min(text.length(), from + 4)).trim();
                value = new V("TEXT", "LIKE[contains]", part.isEmpty() ? text.trim() : part);
            } else {
                value = new V("FLAG", "EQ", random.nextBoolean() ? "H" : "L");
            }
            P panel = new P(List.of(valued.get(random.nextInt(valued.size()))), false, "GE", 1 + random.nextInt(2),
                    null, null, value);
            Query q = random.nextBoolean() ? new Query(List.of(panel))
                    : new Query(List.of(panel, new P(List.of(folders.get(random.nextInt(folders.size()))), true,
                            "GE", 1, null, null)));
            Set<Integer> expected = sql(q);
            assertEquals(expected, spark(q), q.toString());
            nonEmpty += expected.isEmpty() ? 0 : 1;
        }
        assertTrue(nonEmpty >= 5, "too few queries found patients to prove anything: " + nonEmpty);
    }

    /** A panel: concept folders (OR), exclusion, occurrence constraint, optional start-date years. */
    record P(List<String> paths, boolean invert, String operator, int occurrences, Integer fromYear, Integer toYear,
             V value, boolean sameVisit) {
        P(List<String> paths, boolean invert, String operator, int occurrences, Integer fromYear, Integer toYear) {
            this(paths, invert, operator, occurrences, fromYear, toYear, null, false);
        }

        P(List<String> paths, boolean invert, String operator, int occurrences, Integer fromYear, Integer toYear,
          V value) {
            this(paths, invert, operator, occurrences, fromYear, toYear, value, false);
        }
    }

    /** A value constraint applied to every item of a panel. */
    record V(String type, String operator, String value) {
    }

    record Query(List<P> panels) {
        String xml() {
            StringBuilder b = new StringBuilder("<query_definition><query_name>t</query_name>");
            for (P p : panels) {
                b.append("<panel><panel_timing>").append(p.sameVisit() ? "SAMEVISIT" : "ANY").append("</panel_timing>")
                        .append("<invert>").append(p.invert() ? 1 : 0).append("</invert>")
                        .append("<total_item_occurrences operator=\"").append(p.operator()).append("\">")
                        .append(p.occurrences()).append("</total_item_occurrences>");
                if (p.fromYear() != null) {
                    b.append("<panel_date_from>").append(p.fromYear()).append("-01-01T00:00:00Z</panel_date_from>");
                }
                if (p.toYear() != null) {
                    b.append("<panel_date_to>").append(p.toYear()).append("-12-31T00:00:00Z</panel_date_to>");
                }
                for (String path : p.paths()) {
                    b.append("<item><item_key>\\\\i2b2\\").append(escape(path.substring(1))).append("</item_key>");
                    if (p.value() != null) {
                        b.append("<constrain_by_value><value_type>").append(p.value().type())
                                .append("</value_type><value_operator>").append(p.value().operator())
                                .append("</value_operator><value_constraint>").append(escape(p.value().value()))
                                .append("</value_constraint></constrain_by_value>");
                    }
                    b.append("</item>");
                }
                b.append("</panel>");
            }
            return b.append("</query_definition>").toString();
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;");
    }

    private static Set<Integer> spark(Query q) {
        QueryDefinition definition = I2b2QueryParser.parse(stream(q.xml()));
        Set<Integer> out = new TreeSet<>();
        for (Row r : planner.patients(definition).collectAsList()) {
            out.add(r.getInt(0));
        }
        return out;
    }

    /** The reference: one plain SQL query per panel on H2, then the set algebra in Java. */
    private static Set<Integer> sql(Query q) throws SQLException {
        Set<Integer> result = null;
        Set<String> visits = null;
        List<Set<Integer>> excluded = new ArrayList<>();
        for (P p : q.panels()) {
            if (p.sameVisit()) {
                Set<String> panelVisits = visitSql(p);
                if (visits == null) {
                    visits = panelVisits;
                } else {
                    visits.retainAll(panelVisits);
                }
                continue;
            }
            Set<Integer> panel = panelSql(p);
            if (p.invert()) {
                excluded.add(panel);
            } else if (result == null) {
                result = panel;
            } else {
                result.retainAll(panel);
            }
        }
        if (visits != null) {
            Set<Integer> visitPatients = new TreeSet<>();
            visits.forEach(v -> visitPatients.add(Integer.parseInt(v.substring(0, v.indexOf('/')))));
            if (result == null) {
                result = visitPatients;
            } else {
                result.retainAll(visitPatients);
            }
        }
        if (result == null) {
            result = ints("SELECT patient_num FROM patient_dimension", List.of());
        }
        for (Set<Integer> out : excluded) {
            result.removeAll(out);
        }
        return result;
    }

    private static Set<Integer> panelSql(P p) throws SQLException {
        List<Object> args = new ArrayList<>();
        return ints(panelQuery(p, "f.patient_num", args), args);
    }

    /** "patient/encounter" of the visits (encounter_num >= 0) in which the panel's facts satisfy it. */
    private static Set<String> visitSql(P p) throws SQLException {
        List<Object> args = new ArrayList<>();
        String sql = panelQuery(p, "f.patient_num, f.encounter_num", args)
                .replace(" GROUP BY", " AND f.encounter_num >= 0 GROUP BY");
        Set<String> out = new TreeSet<>();
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getInt(1) + "/" + rs.getInt(2));
                }
            }
        }
        return out;
    }

    private static String panelQuery(P p, String keys, List<Object> args) {
        StringBuilder where = new StringBuilder("f.modifier_cd = '@' AND (");
        for (int i = 0; i < p.paths().size(); i++) {
            where.append(i > 0 ? " OR " : "").append("f.concept_cd IN (SELECT concept_cd FROM concept_dimension "
                    + "WHERE concept_path LIKE ? ESCAPE '!')");
            args.add(p.paths().get(i).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        where.append(")");
        if (p.fromYear() != null) {
            where.append(" AND f.start_date >= ?");
            args.add(Timestamp.valueOf(LocalDateTime.of(p.fromYear(), 1, 1, 0, 0)));
        }
        if (p.toYear() != null) {
            where.append(" AND f.start_date <= ?");
            args.add(Timestamp.valueOf(LocalDateTime.of(p.toYear(), 12, 31, 0, 0)));
        }
        if (p.value() != null) {
            where.append(" AND (").append(valueSql(p.value(), args)).append(")");
        }
        String op = switch (p.operator()) {
            case "EQ" -> "=";
            case "NE" -> "<>";
            case "GT" -> ">";
            case "LT" -> "<";
            case "LE" -> "<=";
            default -> ">=";
        };
        return "SELECT " + keys + " FROM observation_fact f WHERE " + where + " GROUP BY " + keys + " HAVING "
                + "COUNT(DISTINCT CONCAT_WS('|', CAST(f.encounter_num AS VARCHAR), CAST(f.instance_num AS VARCHAR), "
                + "f.concept_cd, CAST(f.start_date AS VARCHAR), f.provider_id)) " + op + " " + p.occurrences();
    }

    /** i2b2's value rules, written out in SQL (cohort-model §1.4). */
    private static String valueSql(V v, List<Object> args) {
        switch (v.type()) {
            case "NUMBER" -> {
                String exact = "f.valtype_cd = 'N' AND f.tval_char = 'E' AND ";
                if (v.operator().equals("BETWEEN")) {
                    String[] b = v.value().split(" and ");
                    args.add(Double.parseDouble(b[0]));
                    args.add(Double.parseDouble(b[1]));
                    return exact + "f.nval_num BETWEEN ? AND ?";
                }
                double n = Double.parseDouble(v.value());
                String sqlOp = switch (v.operator()) {
                    case "EQ" -> "=";
                    case "NE" -> "<>";
                    case "GT" -> ">";
                    case "GE" -> ">=";
                    case "LT" -> "<";
                    default -> "<=";
                };
                args.add(n);
                String rule = exact + "f.nval_num " + sqlOp + " ?";
                if (v.operator().startsWith("G") || v.operator().startsWith("L")) {
                    args.add(n);
                    String flags = v.operator().startsWith("G") ? "('G', 'GE')" : "('L', 'LE')";
                    rule = "(" + rule + ") OR (f.valtype_cd = 'N' AND f.tval_char IN " + flags + " AND f.nval_num "
                            + (v.operator().startsWith("G") ? ">=" : "<=") + " ?)";
                }
                return rule;
            }
            case "TEXT" -> {
                args.add("%" + v.value().toUpperCase(java.util.Locale.ROOT).replace("!", "!!").replace("%", "!%")
                        .replace("_", "!_") + "%");
                return "f.valtype_cd = 'T' AND UPPER(f.tval_char) LIKE ? ESCAPE '!'";
            }
            default -> {
                args.add(v.value());
                return "f.valueflag_cd = ?";
            }
        }
    }

    private static Set<Integer> ints(String sql, List<Object> args) throws SQLException {
        Set<Integer> out = new TreeSet<>();
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getInt(1));
                }
            }
        }
        return out;
    }

    /** Every folder above a concept (and the concepts themselves): what a user can drag into a panel. */
    private static List<String> folders() throws SQLException {
        Set<String> all = new TreeSet<>();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT concept_path FROM concept_dimension")) {
            while (rs.next()) {
                String path = rs.getString(1);
                for (int i = path.indexOf('\\', 1); i > 0; i = path.indexOf('\\', i + 1)) {
                    all.add(path.substring(0, i + 1));
                }
            }
        }
        return new ArrayList<>(all);
    }

    private static ByteArrayInputStream stream(String xml) {
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }
}
