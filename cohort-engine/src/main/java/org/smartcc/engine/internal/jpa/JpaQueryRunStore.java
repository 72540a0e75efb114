package org.smartcc.engine.internal.jpa;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.smartcc.engine.privacy.ReportedCount;
import org.smartcc.engine.run.QueryRun;
import org.smartcc.engine.run.QueryRunStore;
import org.smartcc.engine.run.QueryStatus;
import org.smartcc.engine.run.ResultType;
import org.smartcc.engine.run.RunRequest;
import org.smartcc.engine.run.RunResult;
import org.smartcc.store.Database;

/** Query masters, runs and results with JPA; the member lists of sets go through {@link SetCollections} (JDBC). */
public final class JpaQueryRunStore implements QueryRunStore, AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> UNFINISHED = List.of(QueryStatus.QUEUED.name(), QueryStatus.PROCESSING.name());

    private final CohortPersistence persistence;
    private final SetCollections sets;

    public JpaQueryRunStore(Database database) {
        this.persistence = new CohortPersistence(database.dataSource());
        this.sets = new SetCollections(database);
    }

    @Override
    public QueryRun create(RunRequest request, String fingerprint, Instant now) {
        long id = persistence.inTransaction(em -> {
            QueryMasterEntity master = new QueryMasterEntity();
            master.name = request.definition().name().isBlank() ? "query" : request.definition().name();
            master.userId = request.user();
            master.createMs = now.toEpochMilli();
            master.definitionJson = request.definitionJson();
            master.fingerprint = fingerprint;
            em.persist(master);
            em.flush();
            QueryInstanceEntity instance = new QueryInstanceEntity();
            instance.masterId = master.id;
            instance.userId = request.user();
            instance.status = QueryStatus.QUEUED.name();
            instance.submitMs = now.toEpochMilli();
            instance.timeoutMs = request.timeout().map(java.time.Duration::toMillis).orElse(null);
            em.persist(instance);
            em.flush();
            for (ResultType type : request.results()) {
                QueryResultEntity result = new QueryResultEntity();
                result.instanceId = instance.id;
                result.resultType = type.name();
                result.status = QueryStatus.QUEUED.name();
                em.persist(result);
            }
            return instance.id;
        });
        return find(id).orElseThrow();
    }

    @Override
    public void started(long instanceId, String snapshotId, Instant at) {
        persistence.inTransaction(em -> {
            QueryInstanceEntity instance = em.find(QueryInstanceEntity.class, instanceId);
            instance.status = QueryStatus.PROCESSING.name();
            instance.snapshotId = snapshotId;
            instance.startMs = at.toEpochMilli();
            return null;
        });
    }

    @Override
    public void resultFinished(long resultInstanceId, long exactSize, ReportedCount shown,
                               Map<String, ReportedCount> breakdown, Instant at) {
        persistence.inTransaction(em -> {
            QueryResultEntity result = em.find(QueryResultEntity.class, resultInstanceId);
            result.status = QueryStatus.FINISHED.name();
            result.realSetSize = exactSize;
            result.setSize = shown.value();
            result.obfuscateMethod = shown.method();
            result.breakdownJson = write(shown, breakdown);
            result.endMs = at.toEpochMilli();
            return null;
        });
    }

    @Override
    public void ended(long instanceId, QueryStatus status, Optional<String> message, List<String> warnings,
                      Optional<String> plan, Instant at) {
        persistence.inTransaction(em -> {
            QueryInstanceEntity instance = em.find(QueryInstanceEntity.class, instanceId);
            instance.status = status.name();
            instance.endMs = at.toEpochMilli();
            instance.message = message.map(m -> m.length() > 4000 ? m.substring(0, 4000) : m).orElse(null);
            instance.warnings = warnings.isEmpty() ? null : String.join("\n", warnings);
            plan.ifPresent(p -> em.find(QueryMasterEntity.class, instance.masterId).generatedPlan = p);
            for (QueryResultEntity result : results(em, instanceId)) {
                if (!QueryStatus.valueOf(result.status).isFinal()) {
                    result.status = status.name();
                    result.endMs = at.toEpochMilli();
                }
            }
            return null;
        });
    }

    @Override
    public Optional<QueryRun> find(long instanceId) {
        return persistence.inTransaction(em -> Optional.ofNullable(em.find(QueryInstanceEntity.class, instanceId))
                .map(instance -> view(em, instance)));
    }

    @Override
    public List<QueryRun> runsOfMaster(long masterId) {
        return persistence.inTransaction(em -> em.createQuery("SELECT i FROM QueryInstanceEntity i WHERE i.masterId"
                        + " = :m ORDER BY i.id", QueryInstanceEntity.class).setParameter("m", masterId).getResultList()
                .stream().map(i -> view(em, i)).toList());
    }

    @Override
    public Optional<String> plan(long instanceId) {
        return persistence.inTransaction(em -> Optional.ofNullable(em.find(QueryInstanceEntity.class, instanceId))
                .map(i -> em.find(QueryMasterEntity.class, i.masterId).generatedPlan));
    }

    @Override
    public List<Instant> earlierRuns(String user, String fingerprint, Instant since) {
        return persistence.inTransaction(em -> em.createQuery("SELECT i.submitMs FROM QueryInstanceEntity i,"
                        + " QueryMasterEntity m WHERE i.masterId = m.id AND m.userId = :u AND m.fingerprint = :f"
                        + " AND i.submitMs >= :s", Long.class).setParameter("u", user).setParameter("f", fingerprint)
                .setParameter("s", since.toEpochMilli()).getResultList().stream().map(Instant::ofEpochMilli).toList());
    }

    @Override
    public int interruptUnfinished(Instant at, String message) {
        return persistence.inTransaction(em -> {
            List<QueryInstanceEntity> unfinished = em.createQuery("SELECT i FROM QueryInstanceEntity i WHERE"
                    + " i.status IN :s", QueryInstanceEntity.class).setParameter("s", UNFINISHED).getResultList();
            for (QueryInstanceEntity instance : unfinished) {
                instance.status = QueryStatus.INCOMPLETE.name();
                instance.endMs = at.toEpochMilli();
                instance.message = message;
                for (QueryResultEntity result : results(em, instance.id)) {
                    if (!QueryStatus.valueOf(result.status).isFinal()) {
                        result.status = QueryStatus.INCOMPLETE.name();
                    }
                }
            }
            return unfinished.size();
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
    public Optional<RunResult> resultById(long resultInstanceId) {
        return persistence.inTransaction(em -> Optional.ofNullable(em.find(QueryResultEntity.class, resultInstanceId))
                .map(JpaQueryRunStore::result));
    }

    @Override
    public Optional<String> ownerOfResult(long resultInstanceId) {
        return persistence.inTransaction(em -> Optional.ofNullable(em.find(QueryResultEntity.class, resultInstanceId))
                .map(r -> em.find(QueryInstanceEntity.class, r.instanceId).userId));
    }

    @Override
    public Optional<Long> latestPatientSetOfMaster(long masterId) {
        return persistence.inTransaction(em -> em.createQuery("SELECT r.id FROM QueryResultEntity r,"
                        + " QueryInstanceEntity i WHERE r.instanceId = i.id AND i.masterId = :m AND r.resultType = :t"
                        + " AND r.status = :s ORDER BY r.id DESC", Long.class).setParameter("m", masterId)
                .setParameter("t", ResultType.PATIENTSET.name()).setParameter("s", QueryStatus.FINISHED.name())
                .setMaxResults(1).getResultList().stream().findFirst());
    }

    @Override
    public Optional<String> ownerOfMaster(long masterId) {
        return persistence.inTransaction(em -> Optional.ofNullable(em.find(QueryMasterEntity.class, masterId))
                .map(m -> m.userId));
    }

    private static List<QueryResultEntity> results(EntityManager em, long instanceId) {
        return em.createQuery("SELECT r FROM QueryResultEntity r WHERE r.instanceId = :i ORDER BY r.id",
                QueryResultEntity.class).setParameter("i", instanceId).getResultList();
    }

    private static QueryRun view(EntityManager em, QueryInstanceEntity instance) {
        QueryMasterEntity master = em.find(QueryMasterEntity.class, instance.masterId);
        List<RunResult> results = new ArrayList<>();
        for (QueryResultEntity r : results(em, instance.id)) {
            results.add(result(r));
        }
        QueryStatus status = QueryStatus.valueOf(instance.status);
        return new QueryRun(instance.id, master.id, master.name, instance.userId, status, status.isFinal() ? 1 : 0,
                Instant.ofEpochMilli(instance.submitMs), Optional.ofNullable(instance.startMs).map(Instant::ofEpochMilli),
                Optional.ofNullable(instance.endMs).map(Instant::ofEpochMilli), Optional.ofNullable(instance.message),
                instance.warnings == null ? List.of() : Arrays.asList(instance.warnings.split("\n")),
                Optional.ofNullable(instance.snapshotId), results);
    }

    private static RunResult result(QueryResultEntity r) {
        Stored stored = read(r.breakdownJson);
        return new RunResult(r.id, ResultType.valueOf(r.resultType), QueryStatus.valueOf(r.status),
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

    @Override
    public void close() {
        persistence.close();
    }

    /** The JSON form of breakdown_json. */
    record Stored(ReportedCount total, Map<String, ReportedCount> cells) {
    }
}
