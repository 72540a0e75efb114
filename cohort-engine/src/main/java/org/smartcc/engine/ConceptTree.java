package org.smartcc.engine;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.smartcc.engine.internal.spark.StarSchemaTables;
import org.smartcc.engine.privacy.CountProtection;
import org.smartcc.engine.privacy.ReportedCount;

/**
 * The concept hierarchy of one snapshot, as i2b2's ontology cell shows it: every {@code concept_dimension} path and
 * every folder above one is a node, and each node knows how many distinct patients have a fact (without modifier) at
 * or below it — the count of a one-item query on that path. The counts come from one Spark job when the tree is made
 * (the concept table is small and held on the driver; the facts are scanned once), so that answering a children or a
 * search call is a lookup. Exact counts never leave it: callers see them through a {@link CountProtection}.
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

    /** Reads the snapshot's concepts and counts the patients under each node (one Spark job). */
    static ConceptTree of(SparkSession spark, Snapshot snapshot) {
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
        // the same facts a one-item query selects: the concept's codes, no modifier rows
        spark.read().parquet(snapshot.table(StarSchemaTables.OBSERVATION_FACT).toString())
                .filter(col("modifier_cd").equalTo("@")).select("concept_cd", "patient_num").distinct()
                .join(broadcast(mapping), "concept_cd").groupBy("node_path").agg(countDistinct("patient_num"))
                .collectAsList().forEach(row -> counts.put(row.getString(0), row.getLong(1)));
        return new ConceptTree(snapshot.id(), nodes, counts);
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
