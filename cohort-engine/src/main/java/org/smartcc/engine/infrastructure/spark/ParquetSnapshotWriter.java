package org.smartcc.engine.infrastructure.spark;

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
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.smartcc.engine.Snapshot;
import org.smartcc.engine.SnapshotException;
import org.smartcc.store.infrastructure.jdbc.Database;

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

    /** Reads every table through JDBC (facts split by patient_num ranges) and writes a snapshot. */
    public Snapshot writeFromDatabase(Database database) {
        FactRange range = factRange(database);
        int partitions = (int) Math.max(1, Math.min(256, range.count() / FACTS_PER_PARTITION + 1));
        Properties properties = database.credentials();
        properties.setProperty("driver", database.dialect() == Database.Dialect.H2
                ? "org.h2.Driver" : "org.postgresql.Driver");
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
        return write(tables, range.count());
    }

    /**
     * Writes the given tables (every table of {@link StarSchemaTables#COLUMNS}, and optionally
     * {@link StarSchemaTables#OBSERVATION_TEXT}) as a new snapshot; {@code factCount} sizes the sort.
     */
    public Snapshot write(Map<String, Dataset<Row>> tables, long factCount) {
        Instant createdAt = Instant.now();
        String id = ID_TIME.format(createdAt) + "-" + UUID.randomUUID().toString().substring(0, 8);
        Path target = snapshotDirectory.resolve(id);
        Path staging = snapshotDirectory.resolve("." + id + ".writing");
        try {
            Files.createDirectories(snapshotDirectory);
            for (String table : StarSchemaTables.COLUMNS.keySet()) {
                Dataset<Row> data = tables.get(table);
                if (data == null) {
                    throw new IllegalArgumentException("no data for table " + table);
                }
                if (table.equals(StarSchemaTables.OBSERVATION_FACT)) {
                    int files = (int) Math.max(1, Math.min(256, factCount / FACTS_PER_PARTITION + 1));
                    data = data.repartitionByRange(files, data.col("concept_cd"), data.col("patient_num"))
                            .sortWithinPartitions("concept_cd", "patient_num", "start_date");
                } else {
                    data = data.coalesce(1);
                }
                data.write().mode(SaveMode.ErrorIfExists).parquet(staging.resolve(table).toString());
            }
            Dataset<Row> text = tables.get(StarSchemaTables.OBSERVATION_TEXT);
            if (text != null) {
                text.sortWithinPartitions("concept_cd", "patient_num").write().mode(SaveMode.ErrorIfExists)
                        .parquet(staging.resolve(StarSchemaTables.OBSERVATION_TEXT).toString());
            }
            long patients = spark.read().parquet(staging.resolve("patient_dimension").toString()).count();
            long facts = spark.read().parquet(staging.resolve(StarSchemaTables.OBSERVATION_FACT).toString()).count();
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            return new Snapshot(id, createdAt, target, patients, facts);
        } catch (IOException e) {
            deleteQuietly(staging);
            throw new SnapshotException("snapshot " + id + " could not be written to " + snapshotDirectory, e);
        } catch (Exception e) { // Spark throws its SparkException unchecked, from Scala
            deleteQuietly(staging);
            throw new SnapshotException("snapshot " + id + " failed: " + e.getMessage(), e);
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
