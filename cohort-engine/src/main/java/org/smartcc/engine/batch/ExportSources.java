package org.smartcc.engine.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.smartcc.engine.Snapshot;
import org.smartcc.engine.internal.jdbc.SnapshotRegistry;
import org.smartcc.engine.internal.spark.StarSchemaTables;
import org.smartcc.engine.run.QueryStatus;
import org.smartcc.engine.run.ResultType;
import org.smartcc.store.Database;
import org.smartcc.store.Jdbc;
import org.smartcc.store.domain.CodedException;
import org.smartcc.store.domain.ErrorKind;

/**
 * What an export reads and where it writes, checked before any Spark job: the patient set in the database, the
 * snapshot's folder, and an output folder that holds nothing yet. Paths are Hadoop paths (a local folder,
 * {@code hdfs://}, {@code s3a://} ...), reached through the Spark session's Hadoop configuration.
 */
final class ExportSources {

    /** The tables an export reads from a snapshot; {@code observation_text} is optional (the statements). */
    static final String[] REQUIRED_TABLES = {StarSchemaTables.OBSERVATION_FACT, "patient_dimension",
            "patient_mapping"};

    /**
     * A finished patient set.
     *
     * @param members       its rows in {@code qt_patient_set_collection}
     * @param runSnapshotId the snapshot its run was computed on, if the run recorded one
     */
    record PatientSet(long id, long members, Optional<String> runSnapshotId) {
    }

    /** A registered snapshot and the folder the export reads it from. */
    record SnapshotFolder(String id, String location) {

        String table(String name) {
            return new Path(location, name).toString();
        }
    }

    private ExportSources() {
    }

    /** The set with this result instance id; refused unless it is a patient set whose run finished. */
    static PatientSet patientSet(Database database, long id) {
        Jdbc jdbc = new Jdbc(database.dataSource());
        record Result(String type, String status, String snapshotId) {
        }
        Result result = jdbc.first("reading the patient set", "SELECT r.result_type, r.status, i.snapshot_id"
                        + " FROM qt_query_result_instance r JOIN qt_query_instance i"
                        + " ON i.query_instance_id = r.query_instance_id WHERE r.result_instance_id = ?",
                rs -> new Result(rs.getString(1), rs.getString(2), rs.getString(3)), id)
                .orElseThrow(() -> new CodedException(ErrorKind.NOT_FOUND, "SET_NOT_FOUND",
                        "patient set " + id + " does not exist in this database"));
        if (!ResultType.PATIENTSET.name().equals(result.type())) {
            throw new CodedException(ErrorKind.NOT_FOUND, "SET_NOT_FOUND",
                    "result " + id + " is a " + result.type() + ", not a patient set (PATIENTSET)");
        }
        if (!QueryStatus.FINISHED.name().equals(result.status())) {
            throw new CodedException(ErrorKind.UNAVAILABLE, "SET_NOT_FINISHED",
                    "patient set " + id + " is " + result.status() + ": only a FINISHED set has members to export");
        }
        long members = jdbc.first("counting the patient set", "SELECT COUNT(*) FROM qt_patient_set_collection"
                + " WHERE result_instance_id = ?", rs -> rs.getLong(1), id).orElse(0L);
        return new PatientSet(id, members, Optional.ofNullable(result.snapshotId()));
    }

    /**
     * The snapshot to read: {@code snapshotId} or else the latest registered one, in {@code snapshotsRoot} (the
     * snapshot folder as this job sees it, e.g. a cluster's mount of the container's {@code smartcc.snapshot.dir})
     * or else where the container registered it. Refused when none is registered or its tables are not there.
     */
    static SnapshotFolder snapshot(Database database, Optional<String> snapshotId, Optional<String> snapshotsRoot,
                                   Configuration hadoop) {
        SnapshotRegistry registry = new SnapshotRegistry(database);
        Snapshot snapshot = snapshotId.map(id -> registry.byId(id).orElseThrow(() -> new CodedException(
                        ErrorKind.NOT_FOUND, "SNAPSHOT_NOT_FOUND", "snapshot " + id + " is not registered in this"
                        + " database (table parquet_snapshot)")))
                .orElseGet(() -> registry.latest().orElseThrow(() -> new CodedException(ErrorKind.UNAVAILABLE,
                        "NO_SNAPSHOT", "this database has no snapshot yet: the container writes one when it starts"
                        + " (or POST /admin/snapshots)")));
        // the container registers a local absolute path: as a Hadoop path it must say file:, or a cluster whose
        // default file system is HDFS would look for it there
        String location = snapshotsRoot.map(root -> new Path(root, snapshot.id()).toString())
                .orElseGet(() -> snapshot.location().toAbsolutePath().toUri().toString());
        SnapshotFolder folder = new SnapshotFolder(snapshot.id(), location);
        for (String table : REQUIRED_TABLES) {
            if (!exists(folder.table(table), hadoop)) {
                throw new CodedException(ErrorKind.NOT_FOUND, "SNAPSHOT_NOT_FOUND", "snapshot " + snapshot.id()
                        + " has no " + table + " at " + folder.location() + (snapshotsRoot.isPresent() ? ""
                        : " (the location the container registered; --snapshots names the snapshot folder as"
                        + " this job sees it)"));
            }
        }
        return folder;
    }

    static boolean exists(String path, Configuration hadoop) {
        try {
            Path p = new Path(path);
            return p.getFileSystem(hadoop).exists(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach " + path, e);
        }
    }

    /**
     * Makes sure the output folder holds nothing: refused when it holds something, unless {@code overwrite}, which
     * deletes it first (its old manifest with it, so no reader takes the old output for the new).
     */
    static void prepareOutput(String out, boolean overwrite, Configuration hadoop) {
        try {
            Path path = new Path(out);
            FileSystem fs = path.getFileSystem(hadoop);
            if (!fs.exists(path)) {
                return;
            }
            FileStatus status = fs.getFileStatus(path);
            boolean empty = status.isDirectory() && fs.listStatus(path).length == 0;
            if (empty) {
                return;
            }
            if (!overwrite) {
                throw new CodedException(ErrorKind.CONFLICT, "OUTPUT_NOT_EMPTY", "the output " + out
                        + (status.isDirectory() ? " is a folder that is not empty" : " is a file")
                        + ": name a new folder, or add --overwrite to replace it");
            }
            if (!fs.delete(path, true)) {
                throw new IOException("could not delete " + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the output " + out, e);
        }
    }
}
