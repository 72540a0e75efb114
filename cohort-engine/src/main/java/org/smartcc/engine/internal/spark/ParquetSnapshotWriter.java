package org.smartcc.engine.internal.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.smartcc.engine.Snapshot;
import org.smartcc.engine.SnapshotException;
import org.smartcc.store.Database;

/**
 * Writes the star schema as Parquet: facts sorted by {@code concept_cd}, then {@code patient_num}, so that a concept
 * set is a narrow range of row groups. A snapshot is written into a hidden folder and renamed into place when
 * complete, so a failed write never leaves a half snapshot that looks whole.
 */
public final class ParquetSnapshotWriter {

    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    /** Facts per JDBC read partition and per sorted output file; keeps tasks within a small executor's memory. */
    private static final long FACTS_PER_PARTITION = 2_000_000L;

    private final SparkSession spark;
    private final Path snapshotDirectory;

    public ParquetSnapshotWriter(SparkSession spark, Path snapshotDirectory) {
        this.spark = spark;
        this.snapshotDirectory = snapshotDirectory;
    }

    /**
     * Reads every table through JDBC (facts split by patient_num ranges) and writes a snapshot; an i2b2 warehouse's
     * ontology ({@link OntologyTables}) too, when the database has one.
     */
    public Snapshot writeFromDatabase(Database database) {
        FactRange range = factRange(database);
        int partitions = factFiles(range.count());
        Properties properties = SparkJdbc.properties(database);
        properties.setProperty("fetchsize", "10000");
        Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
        StarSchemaTables.COLUMNS.forEach((table, columns) -> {
            String query = "(SELECT " + columns + " FROM " + table + ") t";
            tables.put(table, table.equals(StarSchemaTables.OBSERVATION_FACT) && partitions > 1
                    ? spark.read().jdbc(database.jdbcUrl(), query, "patient_num", range.minPatient(),
                            range.maxPatient() + 1, partitions, properties)
                    : spark.read().jdbc(database.jdbcUrl(), query, properties));
        });
        tables.put(StarSchemaTables.OBSERVATION_TEXT, spark.read().jdbc(database.jdbcUrl(),
                "(" + StarSchemaTables.OBSERVATION_TEXT_QUERY + ") t", properties));
        OntologyTables.read(spark, database, properties).ifPresent(tables::putAll);
        return write(tables, range.count());
    }

    /**
     * Writes the given tables (every table of {@link StarSchemaTables#COLUMNS}, and optionally
     * {@link StarSchemaTables#OBSERVATION_TEXT} and the {@link OntologyTables}) as a new snapshot; {@code factCount} sizes the sort. Spark finds the
     * fact files' ranges by sampling the facts first.
     */
    public Snapshot write(Map<String, Dataset<Row>> tables, long factCount) {
        return write(tables, factCount, null);
    }

    /**
     * As {@link #write(Map, long)}, with the fact files' ranges given: {@code bounds} holds ascending
     * (concept_cd, patient_num) keys, file i holding the facts from key i - 1 up to key i, so there is one file more
     * than bounds. Spark then needs no sampling pass over the facts, which for generated data is a whole extra
     * generation; a caller that knows the distribution (the generator) gives its bounds this way.
     */
    public Snapshot write(Map<String, Dataset<Row>> tables, long factCount, List<FactKey> bounds) {
        Instant createdAt = Instant.now();
        String id = ID_TIME.format(createdAt) + "-" + UUID.randomUUID().toString().substring(0, 8);
        Path target = snapshotDirectory.resolve(id);
        Path staging = snapshotDirectory.resolve("." + id + ".writing");
        try {
            Files.createDirectories(snapshotDirectory);
            for (String table : StarSchemaTables.COLUMNS.keySet()) {
                if (tables.get(table) == null) {
                    throw new IllegalArgumentException("no data for table " + table);
                }
            }
            // the small tables are single tasks: written beside the facts, they use the core the facts leave free
            String factFolder = staging.resolve(StarSchemaTables.OBSERVATION_FACT).toString();
            CompletableFuture<Void> facts = CompletableFuture.runAsync(() -> sortedFacts(
                    tables.get(StarSchemaTables.OBSERVATION_FACT), factCount, bounds).write()
                    .mode(SaveMode.ErrorIfExists).parquet(factFolder),
                    runnable -> new Thread(runnable, "snapshot-facts-" + id).start());
            try {
                for (String table : StarSchemaTables.COLUMNS.keySet()) {
                    if (!table.equals(StarSchemaTables.OBSERVATION_FACT)) {
                        tables.get(table).coalesce(1).write().mode(SaveMode.ErrorIfExists)
                                .parquet(staging.resolve(table).toString());
                    }
                }
                for (String table : List.of(OntologyTables.TABLE_ACCESS, OntologyTables.ONTOLOGY)) {
                    if (tables.get(table) != null) {
                        tables.get(table).coalesce(1).write().mode(SaveMode.ErrorIfExists)
                                .parquet(staging.resolve(table).toString());
                    }
                }
                Dataset<Row> text = tables.get(StarSchemaTables.OBSERVATION_TEXT);
                if (text != null) {
                    text.sortWithinPartitions("concept_cd", "patient_num").write().mode(SaveMode.ErrorIfExists)
                            .parquet(staging.resolve(StarSchemaTables.OBSERVATION_TEXT).toString());
                }
            } finally {
                joinUnwrapped(facts);
            }
            long patients = spark.read().parquet(staging.resolve("patient_dimension").toString()).count();
            long factsWritten = spark.read().parquet(factFolder).count();
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            return new Snapshot(id, createdAt, target, patients, factsWritten);
        } catch (IOException e) {
            deleteQuietly(staging);
            throw new SnapshotException("snapshot " + id + " could not be written to " + snapshotDirectory, e);
        } catch (Exception e) { // Spark throws its SparkException unchecked, from Scala
            deleteQuietly(staging);
            throw new SnapshotException("snapshot " + id + " failed: " + e.getMessage(), e);
        }
    }

    /** How many files a snapshot of {@code factCount} facts splits observation_fact into. */
    public static int factFiles(long factCount) {
        return (int) Math.max(1, Math.min(256, factCount / FACTS_PER_PARTITION + 1));
    }

    private static Dataset<Row> sortedFacts(Dataset<Row> facts, long factCount, List<FactKey> bounds) {
        Dataset<Row> placed = bounds == null
                ? facts.repartitionByRange(factFiles(factCount), facts.col("concept_cd"), facts.col("patient_num"))
                : facts.repartition(bounds.size() + 1, FactPartitions.fileKey(facts.col("concept_cd"),
                        facts.col("patient_num"), bounds));
        return placed.sortWithinPartitions("concept_cd", "patient_num", "start_date");
    }

    /** Waits for a write; its failure is rethrown as what Spark threw, not wrapped. */
    private static void joinUnwrapped(CompletableFuture<Void> write) {
        try {
            write.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static FactRange factRange(Database database) {
        String sql = "SELECT COUNT(*), MIN(patient_num), MAX(patient_num) FROM observation_fact";
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return new FactRange(rs.getLong(1), rs.getLong(2), rs.getLong(3));
        } catch (SQLException e) {
            throw new SnapshotException("observation_fact could not be read", e);
        }
    }

    private static void deleteQuietly(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // the staging folder is hidden and never read; a later cleanup can remove what is left
        }
    }

    private record FactRange(long count, long minPatient, long maxPatient) {
    }
}
