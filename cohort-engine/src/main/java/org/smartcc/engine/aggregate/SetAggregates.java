package org.smartcc.engine.aggregate;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.percentile;
import static org.apache.spark.sql.functions.when;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.smartcc.engine.Snapshot;
import org.smartcc.engine.internal.spark.StarSchemaTables;
import org.smartcc.engine.privacy.CountProtection;
import org.smartcc.engine.privacy.ReportedCount;

/**
 * Aggregates over patient sets on one snapshot: the patients of a set by code of a collection, and the distribution
 * of a code's numeric values. The concept table is held on the driver (codes, names and which collection each
 * belongs to); the facts are filtered on literal code lists and semi-joined with the set's members, so nothing of a
 * caller's input becomes query text. Exact counts never leave this class: callers see them through {@link Draws}.
 */
public final class SetAggregates {

    public static final int DEFAULT_TOP = 20;
    public static final int MAX_TOP = 100;
    public static final int DEFAULT_BINS = 10;
    public static final int MAX_BINS = 50;
    private static final int MAX_CODE = 200;

    /** A concept of a collection: its concept code, the code system and code callers see, and its name. */
    private record Concept(String conceptCode, String system, String code, String title) {
    }

    private final String snapshotId;
    private final Dataset<Row> facts;
    private final Map<AggregateCollection, Map<String, Concept>> concepts;
    private final LongFunction<Dataset<Row>> members;

    private SetAggregates(String snapshotId, Dataset<Row> facts,
                          Map<AggregateCollection, Map<String, Concept>> concepts, LongFunction<Dataset<Row>> members) {
        this.snapshotId = snapshotId;
        this.facts = facts;
        this.concepts = concepts;
        this.members = members;
    }

    /**
     * Reads the snapshot's concepts of every collection (a small table, held on the driver).
     *
     * @param members the members of a patient set by its id, a {@code patient_num} column (e.g. the run store's)
     */
    public static SetAggregates of(SparkSession spark, Snapshot snapshot, LongFunction<Dataset<Row>> members) {
        Map<AggregateCollection, Map<String, Concept>> concepts = new EnumMap<>(AggregateCollection.class);
        Dataset<Row> dimension = spark.read().parquet(snapshot.table("concept_dimension").toString())
                .filter(col("concept_cd").isNotNull().and(col("concept_path").isNotNull()));
        // by path, so that a code with several rows (one title per drug name) takes the name of its first path
        for (Row row : dimension.select("concept_path", "concept_cd", "name_char").orderBy("concept_path")
                .collectAsList()) {
            String path = row.getString(0);
            String conceptCode = row.getString(1);
            for (AggregateCollection collection : AggregateCollection.values()) {
                for (AggregateCollection.Folder folder : collection.folders()) {
                    if (path.startsWith(folder.path()) && conceptCode.startsWith(folder.rolePrefix())) {
                        String systemAndCode = conceptCode.substring(folder.rolePrefix().length());
                        int colon = systemAndCode.indexOf(':');
                        if (colon > 0 && colon < systemAndCode.length() - 1) {
                            concepts.computeIfAbsent(collection, c -> new TreeMap<>()).putIfAbsent(conceptCode,
                                    new Concept(conceptCode, systemAndCode.substring(0, colon),
                                            systemAndCode.substring(colon + 1),
                                            row.isNullAt(2) ? systemAndCode : row.getString(2)));
                        }
                    }
                }
            }
        }
        Dataset<Row> facts = spark.read().parquet(snapshot.table(StarSchemaTables.OBSERVATION_FACT).toString())
                .filter(col("modifier_cd").equalTo("@"));
        return new SetAggregates(snapshot.id(), facts, concepts, members);
    }

    public String snapshotId() {
        return snapshotId;
    }

    /** The protected counts for one protection, each drawn once per set and cell and then kept. */
    public Draws draws(CountProtection protection) {
        return new Draws(protection);
    }

    /**
     * The codes of {@code collection} that patients of the set have, by their protected patient count (descending,
     * then system and code), at most {@code top}. A code whose count is suppressed is left out: naming it would tell
     * that some patient of the set has it.
     *
     * @param setId the set, which also keys the kept draws
     */
    public List<CodeCount> codes(long setId, AggregateCollection collection, int top, Draws draws) {
        if (top < 1 || top > MAX_TOP) {
            throw new AggregateException(AggregateException.Code.BAD_TOP, "top must be a whole number from 1 to "
                    + MAX_TOP);
        }
        Map<String, Concept> known = concepts.getOrDefault(collection, Map.of());
        if (known.isEmpty()) {
            return List.of();
        }
        Map<String, Long> exact = new HashMap<>();
        facts.filter(col("concept_cd").isin(known.keySet().toArray())).select("patient_num", "concept_cd")
                .join(members.apply(setId).select("patient_num"), "patient_num", "left_semi").groupBy("concept_cd")
                .agg(countDistinct("patient_num")).collectAsList()
                .forEach(row -> exact.put(row.getString(0), row.getLong(1)));
        List<CodeCount> shown = new ArrayList<>();
        exact.forEach((conceptCode, patients) -> {
            Concept concept = known.get(conceptCode);
            ReportedCount reported = draws.of(setId, "codes|" + conceptCode, patients);
            if (!reported.suppressed()) {
                shown.add(new CodeCount(concept.system(), concept.code(), concept.title(), reported));
            }
        });
        // ordered by what the caller sees, so that the order tells no more than the counts
        shown.sort(Comparator.comparingLong((CodeCount c) -> c.patients().value()).reversed()
                .thenComparing(CodeCount::system).thenComparing(CodeCount::code));
        return List.copyOf(shown.subList(0, Math.min(top, shown.size())));
    }

    /**
     * The distribution of the numeric values ({@code valtype_cd = 'N'}, exact ones: {@code tval_char = 'E'}) of one
     * code of {@code collection} over the set. The bins are a fixed function of the data and {@code bins}: "nice"
     * equal-width edges (1, 2 or 5 times a power of ten) covering p5 to p95, with an open bin below and above, so
     * asking again gives the same bins and their kept counts.
     *
     * @param code {@code SYSTEM:CODE}, e.g. {@code LOINC:2345-7}
     */
    public ValueDistribution values(long setId, AggregateCollection collection, String code, int bins,
                                    Draws draws) {
        if (bins < 1 || bins > MAX_BINS) {
            throw new AggregateException(AggregateException.Code.BAD_BINS, "bins must be a whole number from 1 to "
                    + MAX_BINS);
        }
        Concept concept = concept(collection, code);
        Dataset<Row> numeric = facts.filter(col("concept_cd").equalTo(concept.conceptCode())
                        .and(col("valtype_cd").equalTo("N")).and(col("tval_char").equalTo("E"))
                        .and(col("nval_num").isNotNull()))
                .join(members.apply(setId).select("patient_num"), "patient_num", "left_semi")
                .select(col("patient_num"), col("nval_num").cast("double").as("v"), col("units_cd"));
        List<Row> units = numeric.groupBy("units_cd").agg(count(lit(1)).as("n"))
                .orderBy(col("n").desc(), col("units_cd").asc_nulls_last()).limit(1).collectAsList();
        Optional<String> unit = units.isEmpty() || units.get(0).isNullAt(0) ? Optional.empty()
                : Optional.of(units.get(0).getString(0));
        Dataset<Row> values = units.isEmpty() ? numeric
                : numeric.filter(col("units_cd").eqNullSafe(lit(unit.orElse(null))));
        Row totals = values.agg(countDistinct("patient_num"), count(lit(1)),
                percentile(col("v"), array(lit(0.05), lit(0.25), lit(0.5), lit(0.75), lit(0.95)))).first();
        long patients = totals.getLong(0);
        String cell = "values|" + concept.conceptCode() + "|" + unit.orElse("") + "|";
        ReportedCount shownPatients = draws.of(setId, cell + "patients", patients);
        ReportedCount shownValues = draws.of(setId, cell + "values", totals.getLong(1));
        if (patients <= draws.protection().smallCellLimit() || totals.isNullAt(2)) {
            return new ValueDistribution(code, unit, shownPatients, shownValues, Optional.empty(), List.of());
        }
        List<Double> q = totals.getList(2);
        ValueDistribution.Quantiles quantiles = new ValueDistribution.Quantiles(q.get(0), q.get(1), q.get(2),
                q.get(3), q.get(4));
        List<BigDecimal> edges = edges(q.get(0), q.get(4), bins);
        return new ValueDistribution(code, unit, shownPatients, shownValues, Optional.of(quantiles),
                bins(setId, cell, values, edges, draws));
    }

    private Concept concept(AggregateCollection collection, String code) {
        int colon = code.indexOf(':');
        if (code.length() > MAX_CODE || colon < 1 || colon == code.length() - 1
                || code.chars().anyMatch(Character::isISOControl)) {
            throw new AggregateException(AggregateException.Code.BAD_CODE, "code must be SYSTEM:CODE, e.g."
                    + " LOINC:2345-7, at most " + MAX_CODE + " characters");
        }
        Map<String, Concept> known = concepts.getOrDefault(collection, Map.of());
        for (AggregateCollection.Folder folder : collection.folders()) {
            Concept concept = known.get(folder.rolePrefix() + code);
            if (concept != null) {
                return concept;
            }
        }
        throw new AggregateException(AggregateException.Code.CODE_NOT_FOUND, "no concept " + code + " in "
                + collection.collectionName());
    }

    /** Equal-width edges of a 1, 2 or 5 times 10^k width covering low to high in about {@code bins} steps. */
    static List<BigDecimal> edges(double low, double high, int bins) {
        double span = high - low;
        BigDecimal step = niceStep(span > 0 ? span / bins : Math.max(Math.abs(low), 1) / 10);
        BigDecimal first = BigDecimal.valueOf(Math.floor(low / step.doubleValue())).multiply(step);
        List<BigDecimal> edges = new ArrayList<>(List.of(first.stripTrailingZeros()));
        BigDecimal edge = first;
        do {
            edge = edge.add(step);
            edges.add(edge.stripTrailingZeros());
        } while (edge.doubleValue() <= high && edges.size() <= bins + 2);
        return edges;
    }

    private static BigDecimal niceStep(double raw) {
        int exponent = (int) Math.floor(Math.log10(raw));
        double fraction = raw / Math.pow(10, exponent);
        int nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return BigDecimal.valueOf(nice).scaleByPowerOfTen(exponent);
    }

    private static List<ValueDistribution.Bin> bins(long setId, String cell, Dataset<Row> values,
                                                    List<BigDecimal> edges, Draws draws) {
        Column index = null;
        for (int i = 0; i < edges.size(); i++) {
            Column below = col("v").lt(lit(edges.get(i).doubleValue()));
            index = index == null ? when(below, lit(i)) : index.when(below, lit(i));
        }
        index = index.otherwise(lit(edges.size()));
        Map<Integer, Long> exact = new HashMap<>();
        values.select(col("patient_num"), index.as("bin")).groupBy("bin").agg(countDistinct("patient_num"))
                .collectAsList().forEach(row -> exact.put(row.getInt(0), row.getLong(1)));
        List<ValueDistribution.Bin> bins = new ArrayList<>();
        for (int i = 0; i <= edges.size(); i++) {
            Optional<BigDecimal> from = i == 0 ? Optional.empty() : Optional.of(edges.get(i - 1));
            Optional<BigDecimal> to = i == edges.size() ? Optional.empty() : Optional.of(edges.get(i));
            String key = cell + "bin|" + from.map(BigDecimal::toPlainString).orElse("") + "|"
                    + to.map(BigDecimal::toPlainString).orElse("");
            bins.add(new ValueDistribution.Bin(from.map(BigDecimal::doubleValue), to.map(BigDecimal::doubleValue),
                    draws.of(setId, key, exact.getOrDefault(i, 0L))));
        }
        return bins;
    }

    /**
     * The protected counts of one protection on this snapshot. A noised count is drawn once per set and cell and
     * kept, so that asking again — or with another {@code top} or {@code bins}, which select or cut the same cells —
     * returns the same number instead of fresh noise to average (patient sets do not change, so a cell's exact count
     * does not either while the snapshot is the same).
     */
    public static final class Draws {

        private final CountProtection protection;
        private final Map<String, ReportedCount> kept = new ConcurrentHashMap<>();

        private Draws(CountProtection protection) {
            this.protection = protection;
        }

        CountProtection protection() {
            return protection;
        }

        ReportedCount of(long setId, String cell, long exact) {
            return kept.computeIfAbsent(setId + "|" + cell, key -> protection.total(exact));
        }
    }
}
