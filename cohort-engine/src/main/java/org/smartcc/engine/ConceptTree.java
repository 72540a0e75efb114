package org.smartcc.engine;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.smartcc.engine.internal.spark.StarSchemaTables;
import org.smartcc.engine.privacy.CountProtection;
import org.smartcc.engine.privacy.ReportedCount;
import org.smartcc.engine.query.DemographicTerms;
import org.smartcc.engine.query.PatientColumnTerm;
import org.smartcc.engine.query.spark.PatientConditions;

/**
 * The concept hierarchy of one snapshot, as i2b2's ontology cell shows it: every {@code concept_dimension} path and
 * every folder above one is a node, and each node knows how many distinct patients have a fact at or below it — the count of a one-item query on that path. The demographic terms ({@link DemographicTerms}) and their
 * folders are nodes too, counting the patients with a fact whose {@code patient_dimension} row satisfies them — again
 * what a one-item query counts. The counts come from two Spark jobs when the tree is made (the concept table is small
 * and held on the driver; the facts are scanned once, the patients once), so that answering a children or a search
 * call is a lookup. Exact counts never leave it: callers see them through a {@link CountProtection}.
 */
public final class ConceptTree {

    /** The longest path accepted, i2b2's {@code c_fullname} width. */
    public static final int MAX_PATH = 700;

    /** One node as callers see it; {@code code} is null for a folder that only exists as a prefix of other paths. */
    public record Node(String name, String path, String code, boolean hasChildren, ReportedCount patients) {
    }

    private record Concept(String name, String code) {
    }

    private final String snapshotId;
    private final NavigableMap<String, Concept> nodes;
    private final Map<String, List<String>> childrenByParent;
    private final Map<String, Long> exactPatients;

    private ConceptTree(String snapshotId, NavigableMap<String, Concept> nodes, Map<String, Long> exactPatients) {
        this.snapshotId = snapshotId;
        this.nodes = nodes;
        this.exactPatients = exactPatients;
        Map<String, List<String>> children = new HashMap<>();
        nodes.keySet().forEach(path -> children.computeIfAbsent(parentOf(path), p -> new ArrayList<>()).add(path));
        this.childrenByParent = children;
    }

    /**
     * Reads the snapshot's concepts and counts the patients under each node (one Spark job), then its demographic
     * terms with ages as of {@code ageAsOf} (another).
     */
    static ConceptTree of(SparkSession spark, Snapshot snapshot, LocalDate ageAsOf) {
        NavigableMap<String, Concept> nodes = new TreeMap<>();
        List<Row> codesUnderNode = new ArrayList<>();
        Dataset<Row> dimension = spark.read().parquet(snapshot.table("concept_dimension").toString());
        for (Row row : dimension.select("concept_path", "concept_cd", "name_char").collectAsList()) {
            if (row.isNullAt(0) || !wellFormed(row.getString(0))) {
                continue;
            }
            String path = row.getString(0);
            String code = row.isNullAt(1) ? null : row.getString(1);
            nodes.put(path, new Concept(row.isNullAt(2) ? lastSegment(path) : row.getString(2), code));
            for (int end = path.indexOf('\\', 1); end > 0; end = path.indexOf('\\', end + 1)) {
                String folder = path.substring(0, end + 1);
                nodes.putIfAbsent(folder, new Concept(lastSegment(folder), null));
                if (code != null) {
                    codesUnderNode.add(RowFactory.create(folder, code));
                }
            }
        }
        StructType schema = new StructType().add("node_path", DataTypes.StringType)
                .add("concept_cd", DataTypes.StringType);
        Dataset<Row> mapping = spark.createDataFrame(codesUnderNode, schema).distinct();
        Map<String, Long> counts = new HashMap<>();
        // the same facts a one-item query selects: the concept's codes, whatever their modifier (as in i2b2, whose
        // demo diagnoses all carry one)
        Dataset<Row> facts = spark.read().parquet(snapshot.table(StarSchemaTables.OBSERVATION_FACT).toString());
        facts.select("concept_cd", "patient_num").distinct()
                .join(broadcast(mapping), "concept_cd").groupBy("node_path").agg(countDistinct("patient_num"))
                .collectAsList().forEach(row -> counts.put(row.getString(0), row.getLong(1)));
        addDemographics(spark.read().parquet(snapshot.table("patient_dimension").toString()), facts, ageAsOf, nodes,
                counts);
        return new ConceptTree(snapshot.id(), nodes, counts);
    }

    /**
     * Adds the demographic folders and terms with their counts: one aggregate over the patients that have a fact
     * (a demographic item selects its patients' facts, so a patient without any counts nowhere), one column per node.
     */
    private static void addDemographics(Dataset<Row> patientDimension, Dataset<Row> facts, LocalDate ageAsOf,
                                        NavigableMap<String, Concept> nodes, Map<String, Long> counts) {
        DemographicTerms terms = PatientConditions.termsOf(patientDimension);
        // the planner reads every path here as a demographic one: a concept row in this area is shadowed
        nodes.subMap(DemographicTerms.ROOT, true, DemographicTerms.ROOT + Character.MAX_VALUE, false).clear();
        terms.folders().forEach((path, name) -> nodes.put(path, new Concept(name, null)));
        terms.terms().forEach(term -> nodes.put(term.path(), new Concept(term.name(), term.code())));
        List<String> paths = new ArrayList<>(terms.folders().keySet());
        terms.terms().forEach(term -> paths.add(term.path()));
        List<Column> perNode = new ArrayList<>();
        for (String path : paths) {
            List<PatientColumnTerm> below = terms.at(path);
            perNode.add(count(when(PatientConditions.anyOf(below, ageAsOf), lit(1))));
        }
        Row row = patientDimension.join(facts.select("patient_num").distinct(), "patient_num", "left_semi")
                .agg(perNode.get(0), perNode.subList(1, perNode.size()).toArray(Column[]::new)).first();
        for (int i = 0; i < paths.size(); i++) {
            counts.put(paths.get(i), row.getLong(i));
        }
    }

    /**
     * Whether {@code path} is a concept path as the data model writes them: {@code \}-separated, starting and ending
     * with {@code \}, no empty segment, no control character, at most {@link #MAX_PATH} characters.
     */
    public static boolean wellFormed(String path) {
        return path.length() >= 3 && path.length() <= MAX_PATH && path.charAt(0) == '\\' && path.endsWith("\\")
                && !path.contains("\\\\") && path.chars().noneMatch(Character::isISOControl);
    }

    public String snapshotId() {
        return snapshotId;
    }

    /** The top-level nodes, sorted by path. */
    public List<Node> roots(Counts counts) {
        return nodesAt(childrenByParent.getOrDefault("", List.of()), counts);
    }

    /** The children of {@code parent}, sorted by path; empty when the tree has no such node. */
    public Optional<List<Node>> children(String parent, Counts counts) {
        if (!nodes.containsKey(parent)) {
            return Optional.empty();
        }
        return Optional.of(nodesAt(childrenByParent.getOrDefault(parent, List.of()), counts));
    }

    /** At most {@code limit} nodes whose name or code contains {@code text}, ignoring case, sorted by path. */
    public List<Node> search(String text, int limit, Counts counts) {
        String wanted = text.toLowerCase(Locale.ROOT);
        List<String> found = new ArrayList<>();
        for (Map.Entry<String, Concept> node : nodes.entrySet()) {
            Concept concept = node.getValue();
            if (concept.name().toLowerCase(Locale.ROOT).contains(wanted)
                    || concept.code() != null && concept.code().toLowerCase(Locale.ROOT).contains(wanted)) {
                found.add(node.getKey());
                if (found.size() == limit) {
                    break;
                }
            }
        }
        return nodesAt(found, counts);
    }

    /** The counts as one protection reports them; each node's count is protected once and then kept. */
    public Counts counts(CountProtection protection) {
        return new Counts(protection);
    }

    private List<Node> nodesAt(List<String> paths, Counts counts) {
        List<Node> found = new ArrayList<>();
        for (String path : paths.stream().sorted().toList()) {
            Concept concept = nodes.get(path);
            found.add(new Node(concept.name(), path, concept.code(), childrenByParent.containsKey(path),
                    counts.of(path)));
        }
        return found;
    }

    private static String parentOf(String path) {
        int end = path.lastIndexOf('\\', path.length() - 2);
        return end <= 0 ? "" : path.substring(0, end + 1);
    }

    private static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('\\', path.length() - 2) + 1, path.length() - 1);
    }

    /**
     * The protected counts of this tree for one protection. A noised count is drawn once per node and kept, so that
     * asking again cannot average the noise away (a run's count is refused by the lockout instead).
     */
    public final class Counts {

        private final CountProtection protection;
        private final Map<String, ReportedCount> reported = new ConcurrentHashMap<>();

        private Counts(CountProtection protection) {
            this.protection = protection;
        }

        ReportedCount of(String path) {
            return reported.computeIfAbsent(path, p -> protection.total(exactPatients.getOrDefault(p, 0L)));
        }
    }
}
