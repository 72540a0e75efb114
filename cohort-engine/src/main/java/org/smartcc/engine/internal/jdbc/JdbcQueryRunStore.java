package org.smartcc.engine.internal.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.smartcc.engine.privacy.ReportedCount;
import org.smartcc.engine.run.QueryRun;
import org.smartcc.engine.run.QueryRunStore;
import org.smartcc.engine.run.QueryStatus;
import org.smartcc.engine.run.ResultType;
import org.smartcc.engine.run.RunRequest;
import org.smartcc.engine.run.RunResult;
import org.smartcc.store.Database;
import org.smartcc.store.Jdbc;

/**
 * Query masters, runs and results in i2b2's QT_ tables (Flyway V4); the members of sets go through
 * {@link SetCollections}. Statuses are stored by their names, instants as epoch milliseconds.
 */
public final class JdbcQueryRunStore implements QueryRunStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> UNFINISHED = Arrays.stream(QueryStatus.values()).filter(s -> !s.isFinal())
            .map(QueryStatus::name).toList();
    private static final String IS_UNFINISHED = "status IN (" + String.join(", ",
            Collections.nCopies(UNFINISHED.size(), "?")) + ")";
    private static final String RUN = "SELECT i.query_instance_id, i.query_master_id, m.name, i.user_id, i.status,"
            + " i.submit_ms, i.start_ms, i.end_ms, i.message, i.warnings, i.snapshot_id FROM qt_query_instance i"
            + " JOIN qt_query_master m ON m.query_master_id = i.query_master_id";
    private static final String RESULT = "SELECT result_instance_id, result_type, status, breakdown_json"
            + " FROM qt_query_result_instance";

    private final Jdbc jdbc;
    private final Database.Dialect dialect;
    private final SetCollections sets;

    public JdbcQueryRunStore(Database database) {
        this.jdbc = new Jdbc(database.dataSource());
        this.dialect = database.dialect();
        this.sets = new SetCollections(database);
    }

    @Override
    public QueryRun create(RunRequest request, String fingerprint, Instant now) {
        long id = jdbc.inTransaction("storing the run", tx -> {
            long master = nextId(tx, "qt_query_master_seq");
            tx.update("INSERT INTO qt_query_master (query_master_id, name, user_id, create_ms, definition_json,"
                    + " fingerprint) VALUES (?, ?, ?, ?, ?, ?)", master, request.definition().name().isBlank()
                    ? "query" : request.definition().name(), request.user(), now.toEpochMilli(),
                    request.definitionJson(), fingerprint);
            long instance = nextId(tx, "qt_query_instance_seq");
            tx.update("INSERT INTO qt_query_instance (query_instance_id, query_master_id, user_id, status, submit_ms,"
                    + " timeout_ms) VALUES (?, ?, ?, ?, ?, ?)", instance, master, request.user(),
                    QueryStatus.QUEUED.name(), now.toEpochMilli(), request.timeout().map(Duration::toMillis)
                    .orElse(null));
            for (ResultType type : request.results()) {
                tx.update("INSERT INTO qt_query_result_instance (result_instance_id, query_instance_id, result_type,"
                        + " status) VALUES (?, ?, ?, ?)", nextId(tx, "qt_query_result_instance_seq"), instance,
                        type.name(), QueryStatus.QUEUED.name());
            }
            return instance;
        });
        return find(id).orElseThrow();
    }

    @Override
    public void started(long instanceId, String snapshotId, Instant at) {
        jdbc.update("marking the run started", "UPDATE qt_query_instance SET status = ?, snapshot_id = ?,"
                + " start_ms = ? WHERE query_instance_id = ?", QueryStatus.PROCESSING.name(), snapshotId,
                at.toEpochMilli(), instanceId);
    }

    @Override
    public void resultFinished(long resultInstanceId, long exactSize, ReportedCount shown,
                               Map<String, ReportedCount> breakdown, Instant at) {
        jdbc.update("storing the result", "UPDATE qt_query_result_instance SET status = ?, real_set_size = ?,"
                + " set_size = ?, obfuscate_method = ?, breakdown_json = ?, end_ms = ? WHERE result_instance_id = ?",
                QueryStatus.FINISHED.name(), exactSize, shown.value(), shown.method(), write(shown, breakdown),
                at.toEpochMilli(), resultInstanceId);
    }

    @Override
    public void ended(long instanceId, QueryStatus status, Optional<String> message, List<String> warnings,
                      Optional<String> plan, Instant at) {
        jdbc.inTransaction("storing the end of the run", tx -> {
            tx.update("UPDATE qt_query_instance SET status = ?, end_ms = ?, message = ?, warnings = ?"
                    + " WHERE query_instance_id = ?", status.name(), at.toEpochMilli(),
                    message.map(m -> m.length() > 4000 ? m.substring(0, 4000) : m).orElse(null),
                    warnings.isEmpty() ? null : String.join("\n", warnings), instanceId);
            if (plan.isPresent()) {
                tx.update("UPDATE qt_query_master SET generated_plan = ? WHERE query_master_id = (SELECT"
                        + " query_master_id FROM qt_query_instance WHERE query_instance_id = ?)", plan.get(),
                        instanceId);
            }
            return tx.update("UPDATE qt_query_result_instance SET status = ?, end_ms = ? WHERE query_instance_id = ?"
                    + " AND " + IS_UNFINISHED, bind(List.of(status.name(), at.toEpochMilli(), instanceId), UNFINISHED));
        });
    }

    @Override
    public Optional<QueryRun> find(long instanceId) {
        return jdbc.inTransaction("reading the run", tx -> {
            Optional<QueryRun> run = tx.first(RUN + " WHERE i.query_instance_id = ?", JdbcQueryRunStore::run,
                    instanceId);
            return run.isEmpty() ? run : Optional.of(withResults(tx, run.get()));
        });
    }

    @Override
    public List<QueryRun> runsOfMaster(long masterId) {
        return jdbc.inTransaction("reading the runs of the query", tx -> {
            List<QueryRun> runs = tx.list(RUN + " WHERE i.query_master_id = ? ORDER BY i.query_instance_id",
                    JdbcQueryRunStore::run, masterId);
            List<QueryRun> out = new ArrayList<>();
            for (QueryRun run : runs) {
                out.add(withResults(tx, run));
            }
            return out;
        });
    }

    @Override
    public Optional<String> plan(long instanceId) {
        return jdbc.first("reading the plan", "SELECT m.generated_plan FROM qt_query_instance i JOIN qt_query_master m"
                + " ON m.query_master_id = i.query_master_id WHERE i.query_instance_id = ?", r -> r.getString(1),
                instanceId);
    }

    @Override
    public List<Instant> earlierRuns(String user, String fingerprint, Instant since) {
        return jdbc.list("reading earlier runs", "SELECT i.submit_ms FROM qt_query_instance i JOIN qt_query_master m"
                + " ON m.query_master_id = i.query_master_id WHERE m.user_id = ? AND m.fingerprint = ?"
                + " AND i.submit_ms >= ? AND NOT (i.status = ? AND i.start_ms IS NULL)",
                r -> Instant.ofEpochMilli(r.getLong(1)), user, fingerprint, since.toEpochMilli(),
                QueryStatus.ERROR.name());
    }

    @Override
    public int interruptUnfinished(Instant at, String message) {
        return jdbc.inTransaction("marking unfinished runs incomplete", tx -> {
            // the results first: once their runs are marked, the runs no longer tell which results to mark
            tx.update("UPDATE qt_query_result_instance SET status = ? WHERE " + IS_UNFINISHED + " AND query_instance_id"
                    + " IN (SELECT query_instance_id FROM qt_query_instance WHERE " + IS_UNFINISHED + ")",
                    bind(List.of(QueryStatus.INCOMPLETE.name()), UNFINISHED, UNFINISHED));
            return tx.update("UPDATE qt_query_instance SET status = ?, end_ms = ?, message = ? WHERE " + IS_UNFINISHED,
                    bind(List.of(QueryStatus.INCOMPLETE.name(), at.toEpochMilli(), message), UNFINISHED));
        });
    }

    @Override
    public void savePatientSet(long resultInstanceId, Iterator<Integer> patientNums) {
        sets.savePatients(resultInstanceId, patientNums);
    }

    @Override
    public void saveEncounterSet(long resultInstanceId, Iterator<int[]> patientAndEncounterNums) {
        sets.saveEncounters(resultInstanceId, patientAndEncounterNums);
    }

    @Override
    public List<Integer> patientSet(long resultInstanceId, int offset, int limit) {
        return sets.patients(resultInstanceId, offset, limit);
    }

    @Override
    public Dataset<Row> setMembers(SparkSession spark, long resultInstanceId, boolean encounters) {
        return sets.members(spark, resultInstanceId, encounters);
    }

    @Override
    public Optional<RunResult> resultById(long resultInstanceId) {
        return jdbc.first("reading the result", RESULT + " WHERE result_instance_id = ?", JdbcQueryRunStore::result,
                resultInstanceId);
    }

    @Override
    public Optional<String> ownerOfResult(long resultInstanceId) {
        return jdbc.first("reading the owner of the result", "SELECT i.user_id FROM qt_query_result_instance r"
                + " JOIN qt_query_instance i ON i.query_instance_id = r.query_instance_id"
                + " WHERE r.result_instance_id = ?", r -> r.getString(1), resultInstanceId);
    }

    @Override
    public Optional<Long> latestPatientSetOfMaster(long masterId) {
        return jdbc.first("reading the patient set of the query", "SELECT r.result_instance_id FROM"
                + " qt_query_result_instance r JOIN qt_query_instance i ON i.query_instance_id = r.query_instance_id"
                + " WHERE i.query_master_id = ? AND r.result_type = ? AND r.status = ? ORDER BY r.result_instance_id"
                + " DESC", r -> r.getLong(1), masterId, ResultType.PATIENTSET.name(), QueryStatus.FINISHED.name());
    }

    @Override
    public Optional<String> ownerOfMaster(long masterId) {
        return jdbc.first("reading the owner of the query", "SELECT user_id FROM qt_query_master"
                + " WHERE query_master_id = ?", r -> r.getString(1), masterId);
    }

    private long nextId(Jdbc.Statements tx, String sequence) throws SQLException {
        return tx.first("SELECT " + dialect.nextValue(sequence), r -> r.getLong(1)).orElseThrow();
    }

    /** A statement's values in order, {@link #UNFINISHED} once for each {@link #IS_UNFINISHED} it holds. */
    private static Object[] bind(List<?>... parts) {
        return Stream.of(parts).flatMap(List::stream).toArray();
    }

    private static QueryRun withResults(Jdbc.Statements tx, QueryRun run) throws SQLException {
        List<RunResult> results = tx.list(RESULT + " WHERE query_instance_id = ? ORDER BY result_instance_id",
                JdbcQueryRunStore::result, run.instanceId());
        return new QueryRun(run.instanceId(), run.masterId(), run.name(), run.user(), run.status(), run.progress(),
                run.submitted(), run.started(), run.ended(), run.message(), run.warnings(), run.snapshotId(), results);
    }

    /** A run without its results, from a row of {@link #RUN}. */
    private static QueryRun run(ResultSet r) throws SQLException {
        QueryStatus status = QueryStatus.valueOf(r.getString(5));
        String warnings = r.getString(10);
        return new QueryRun(r.getLong(1), r.getLong(2), r.getString(3), r.getString(4), status,
                status.isFinal() ? 1 : 0, Instant.ofEpochMilli(r.getLong(6)), instant(r, 7), instant(r, 8),
                Optional.ofNullable(r.getString(9)), warnings == null ? List.of() : Arrays.asList(warnings.split("\n")),
                Optional.ofNullable(r.getString(11)), List.of());
    }

    private static Optional<Instant> instant(ResultSet r, int column) throws SQLException {
        return Optional.ofNullable(r.getObject(column, Long.class)).map(Instant::ofEpochMilli);
    }

    private static RunResult result(ResultSet r) throws SQLException {
        Stored stored = read(r.getString(4));
        return new RunResult(r.getLong(1), ResultType.valueOf(r.getString(2)), QueryStatus.valueOf(r.getString(3)),
                Optional.ofNullable(stored.total()), stored.cells());
    }

    private static String write(ReportedCount total, Map<String, ReportedCount> cells) {
        try {
            return JSON.writeValueAsString(new Stored(total, new LinkedHashMap<>(cells)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a result could not be written as JSON", e);
        }
    }

    private static Stored read(String json) {
        if (json == null) {
            return new Stored(null, Map.of());
        }
        try {
            return JSON.readValue(json, Stored.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored result is not valid JSON", e);
        }
    }

    /** The JSON form of breakdown_json. */
    record Stored(ReportedCount total, Map<String, ReportedCount> cells) {
    }
}
