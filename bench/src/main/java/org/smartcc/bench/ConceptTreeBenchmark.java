package org.smartcc.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import org.smartcc.engine.CohortEngine;
import org.smartcc.engine.ConceptTree;
import org.smartcc.engine.Snapshot;
import org.smartcc.engine.privacy.PrivacySettings;
import org.smartcc.engine.query.json.QueryJson;
import org.smartcc.engine.query.spark.PatientSetPlanner;
import org.smartcc.engine.synthetic.SyntheticGenerator;

/**
 * The concept tree's children call with counts, as the API server answers it once the tree of a snapshot is made,
 * next to the baseline in the same run: the one-item count query that gives the same number for one node without the
 * tree. Also prints what making the tree costs (the first call after a new snapshot) and checks that the tree's count
 * of each sampled node equals the query's.
 *
 * <p>Arguments: {@code [--patients 10000] [--seed 1] [--rounds 200] [--query-rounds 10]}. The synthetic patients go
 * to a Parquet snapshot in a temporary folder (no database), which is deleted afterwards.
 */
public final class ConceptTreeBenchmark {

    private long patients = 10_000;
    private long seed = 1;
    private int rounds = 200;
    private int queryRounds = 10;

    public static void main(String[] args) throws Exception {
        ConceptTreeBenchmark bench = new ConceptTreeBenchmark();
        try {
            bench.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench-concept-tree: " + e.getMessage());
            System.err.println("usage: bench-concept-tree [--patients 10000] [--seed 1] [--rounds 200]"
                    + " [--query-rounds 10]");
            System.exit(2);
        }
        System.exit(bench.run() ? 0 : 1);
    }

    private void parse(String[] args) {
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            long value = Long.parseLong(args[i + 1].replace("_", ""));
            switch (args[i]) {
                case "--patients" -> patients = value;
                case "--seed" -> seed = value;
                case "--rounds" -> rounds = (int) Math.max(1, value);
                case "--query-rounds" -> queryRounds = (int) Math.max(1, value);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
    }

    private boolean run() throws Exception {
        Path snapshots = Files.createTempDirectory("smartcc-bench-tree");
        try (CohortEngine engine = CohortEngine.builder().config("spark.master", "local[2]")
                .snapshotDirectory(snapshots).build()) {
            long start = System.nanoTime();
            Snapshot snapshot = SyntheticGenerator.builder().patients(patients).seed(seed).build()
                    .writeSnapshotOnly(engine);
            System.out.printf(Locale.ROOT, "%,d patients, %,d facts: snapshot in %.1f s%n", snapshot.patientCount(),
                    snapshot.factCount(), (System.nanoTime() - start) / 1e9);
            System.out.printf(Locale.ROOT, "%d cores, Java %s, Spark %s%n", Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"), engine.spark().version());

            engine.conceptTree(snapshot);   // warms Spark and the JIT; the second, measured, makes the tree again
            start = System.nanoTime();
            ConceptTree tree = engine.conceptTree(snapshot);
            double buildSeconds = (System.nanoTime() - start) / 1e9;
            ConceptTree.Counts counts = tree.counts(PrivacySettings.defaults().protectionFor(Set.of("DATA_OBFSC")));
            ConceptTree.Counts exact = tree.counts(PrivacySettings.defaults().protectionFor(Set.of("DATA_AGG")));

            Map<String, Long> exactCounts = new HashMap<>();
            List<String> folders = folders(tree, exact, exactCounts);
            long[] children = new long[rounds];
            for (int i = 0; i < rounds; i++) {
                String folder = folders.get(i % folders.size());
                long t = System.nanoTime();
                tree.children(folder, counts).orElseThrow();
                children[i] = System.nanoTime() - t;
            }

            PatientSetPlanner planner = new PatientSetPlanner(engine.spark(), snapshot);
            long[] queries = new long[queryRounds];
            boolean agree = true;
            for (int i = 0; i < queryRounds; i++) {
                String folder = folders.get(i % folders.size());
                String key = "\\\\i2b2" + folder;
                String json = "{\"panels\": [{\"items\": [{\"key\": " + jsonString(key) + "}]}]}";
                long[] count = new long[1];
                queries[i] = time(() -> count[0] = planner.plan(QueryJson.read(json)).patients().count());
                long treeCount = exactCounts.get(folder);
                if (treeCount != count[0]) {
                    agree = false;
                    System.out.printf(Locale.ROOT, "MISMATCH %s: tree %d, query %d%n", folder, treeCount, count[0]);
                }
            }

            System.out.printf(Locale.ROOT, "%nmaking the tree (first call after a new snapshot): %.2f s, %,d folders%n",
                    buildSeconds, folders.size());
            System.out.println("| call | runs | p50 ms | p95 ms | baseline p50 / p50 |");
            System.out.println("|---|---:|---:|---:|---:|");
            double base = percentile(queries, 50);
            row("one-item count query for one node (baseline)", queries, base);
            row("tree children call with protected counts", children, base);
            return agree;
        } finally {
            try (var files = Files.walk(snapshots)) {
                files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Every node with children, breadth first from the roots, and their exact counts. */
    private static List<String> folders(ConceptTree tree, ConceptTree.Counts counts, Map<String, Long> exact) {
        List<String> folders = new ArrayList<>();
        Deque<ConceptTree.Node> queue = new ArrayDeque<>(tree.roots(counts));
        while (!queue.isEmpty()) {
            ConceptTree.Node node = queue.poll();
            if (node.hasChildren()) {
                folders.add(node.path());
                exact.put(node.path(), node.patients().value());
                queue.addAll(tree.children(node.path(), counts).orElseThrow());
            }
        }
        return folders;
    }

    private static String jsonString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static long time(LongSupplier work) {
        long t = System.nanoTime();
        work.getAsLong();
        return System.nanoTime() - t;
    }

    private static double percentile(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    private static void row(String name, long[] nanos, double baseline) {
        double p50 = percentile(nanos, 50);
        System.out.printf(Locale.ROOT, "| %s | %d | %.3f | %.3f | %,.0f |%n", name, nanos.length, p50,
                percentile(nanos, 95), baseline / p50);
    }
}
