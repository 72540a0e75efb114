package org.smartcc.engine.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.smartcc.engine.batch.ExportSources.PatientSet;
import org.smartcc.engine.batch.ExportSources.SnapshotFolder;

/**
 * {@code _manifest.json}: what an export holds, counted from the written files themselves. It is written after every
 * table is complete, so its presence tells a reader that the output is whole.
 *
 * @param tables table name to {@code rows}, {@code partitioned_by} and {@code columns} ({@code name}, {@code type})
 */
record ExportManifest(long setId, long setMembers, String snapshotId, String setSnapshotId, Instant createdAt,
                      String statementsSource, Map<String, Map<String, Object>> tables) {

    static final String FILE = "_manifest.json";
    static final String FORMAT = "smartcc-patient-set-export/1";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Counts the rows and reads the columns (partition columns included) of the three tables as written. */
    static ExportManifest of(SparkSession spark, PatientSet set, SnapshotFolder snapshot, String out,
                             String statementsSource) {
        Map<String, Map<String, Object>> tables = new LinkedHashMap<>();
        tables.put(PatientSetExport.FACTS, table(spark, out, PatientSetExport.FACTS,
                List.of(PatientSetExport.CONCEPT_PREFIX)));
        tables.put(PatientSetExport.PATIENTS, table(spark, out, PatientSetExport.PATIENTS, List.of()));
        tables.put(PatientSetExport.STATEMENTS, table(spark, out, PatientSetExport.STATEMENTS,
                List.of(PatientSetExport.STATEMENT_TYPE)));
        return new ExportManifest(set.id(), set.members(), snapshot.id(), set.runSnapshotId().orElse(null),
                Instant.now(), statementsSource, tables);
    }

    private static Map<String, Object> table(SparkSession spark, String out, String name, List<String> partitions) {
        Dataset<Row> written = spark.read().parquet(new Path(out, name).toString());
        Map<String, Object> table = new LinkedHashMap<>();
        table.put("path", name + "/");
        table.put("rows", written.count());
        table.put("partitioned_by", partitions);
        table.put("columns", Arrays.stream(written.schema().fields()).map(f -> {
            Map<String, String> column = new LinkedHashMap<>();
            column.put("name", f.name());
            column.put("type", f.dataType().simpleString());
            return column;
        }).toList());
        return table;
    }

    long rows(String table) {
        return ((Number) tables.get(table).get("rows")).longValue();
    }

    Map<String, Object> asJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("format", FORMAT);
        json.put("set_id", setId);
        json.put("set_members", setMembers);
        json.put("snapshot_id", snapshotId);
        json.put("set_snapshot_id", setSnapshotId);
        json.put("created_at", createdAt.toString());
        json.put("uri_base", PatientSetExport.STORED_URI_BASE);
        json.put("statements_source", statementsSource);
        tables.forEach((name, table) -> json.put(name + "_rows", table.get("rows")));
        json.put("tables", tables);
        return json;
    }

    /** Writes the manifest; refuses to replace one (the output folder was empty when the export began). */
    void writeTo(String out, Configuration hadoop) {
        Path path = new Path(out, FILE);
        try {
            FileSystem fs = path.getFileSystem(hadoop);
            try (OutputStream stream = fs.create(path, false)) {
                stream.write(JSON.writeValueAsBytes(asJson()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the manifest could not be written to " + path, e);
        }
    }
}
