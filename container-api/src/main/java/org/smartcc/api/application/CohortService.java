package org.smartcc.api.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.smartcc.api.domain.Researcher;
import org.smartcc.api.infrastructure.JdbcRecordIds;
import org.smartcc.engine.privacy.PrivacySettings;
import org.smartcc.engine.query.QueryDefinition;
import org.smartcc.engine.query.json.QueryJson;
import org.smartcc.engine.run.CohortRuns;
import org.smartcc.engine.run.QueryRun;
import org.smartcc.engine.run.ResultType;
import org.smartcc.engine.run.RunException;
import org.smartcc.engine.run.RunRequest;
import org.smartcc.engine.run.RunResult;

/**
 * The cohort use cases on behalf of a researcher, for the cohort API and the i2b2 endpoint alike, which only
 * translate their messages to these calls. It owns the rules both share: a researcher sees only their own runs,
 * queries and sets, and another user's id answers exactly as an absent one (so ids reveal nothing); patient lists and
 * plans need a role that sees exact counts. The two APIs name the same things differently (a run is i2b2's query
 * instance), and their refusals keep each API's words, hence the methods in i2b2's terms.
 */
@ApplicationScoped
public class CohortService {

    private Supplier<CohortRuns> runs;
    private Supplier<PrivacySettings> privacy;
    private Function<List<Integer>, Map<Integer, String>> recordIds;
    private CohortRunAudit audit;

    /** For CDI's client proxy only. */
    protected CohortService() {
    }

    /** The runs through a provider: start-up opens them after the snapshot, not the first request for a service. */
    @Inject
    public CohortService(Provider<CohortRuns> runs, PrivacySettings privacy, JdbcRecordIds recordIds,
                         CohortRunAudit audit) {
        this(runs::get, () -> privacy, recordIds::recordIdsOf, audit);
    }

    /**
     * @param recordIds the SMART record id of each patient number that has one (synthetic patients have none)
     * @param audit     where each submitted run is audited
     */
    public CohortService(Supplier<CohortRuns> runs, Supplier<PrivacySettings> privacy,
                         Function<List<Integer>, Map<Integer, String>> recordIds, CohortRunAudit audit) {
        this.runs = runs;
        this.privacy = privacy;
        this.recordIds = recordIds;
        this.audit = audit;
    }

    /** A member of a patient set, with its SMART record id unless it is synthetic. */
    public record Member(int patientNum, Optional<String> recordId) {
    }

    /** A patient set the researcher may list: its owner and role were checked when it was handed out. */
    public final class PatientSet {

        private final long resultId;

        private PatientSet(long resultId) {
            this.resultId = resultId;
        }

        public long resultId() {
            return resultId;
        }

        /** A page of the members, in set order. */
        public List<Member> members(int offset, int limit) {
            List<Integer> members = runs.get().store().patientSet(resultId, offset, limit);
            Map<Integer, String> ids = recordIds.apply(members);
            return members.stream().map(n -> new Member(n, Optional.ofNullable(ids.get(n)))).toList();
        }
    }

    /** Queues a run of the definition; empty results and timeout mean the engine's defaults. */
    public QueryRun submit(Researcher researcher, QueryDefinition definition, List<ResultType> results,
                           Optional<Duration> timeout) {
        QueryRun run = runs.get().submit(new RunRequest(definition, QueryJson.write(definition), researcher.user(),
                researcher.roles(), results, timeout));
        audit.started(run);
        return run;
    }


    /** The researcher's run with its live progress. */
    public QueryRun run(Researcher researcher, long id) {
        return own(researcher, id, Terms.COHORT_API);
    }

    /** Stops the researcher's run if it is queued or processing; a finished run stays as it is. */
    public QueryRun cancel(Researcher researcher, long id) {
        return cancel(researcher, id, Terms.COHORT_API);
    }

    /**
     * The Spark plan of the researcher's run, empty until the run has ended: only for roles that see exact counts,
     * since the plan's statistics carry the exact row counts and its filters the literal values of the query.
     */
    public Optional<String> plan(Researcher researcher, long id) {
        own(researcher, id, Terms.COHORT_API);
        if (!seesExactCounts(researcher)) {
            throw new RunException(RunException.Code.PLAN_NEEDS_EXACT_COUNTS, "a plan reveals exact counts: your"
                    + " roles " + researcher.roles() + " do not allow them");
        }
        return runs.get().store().plan(id);
    }

    /** The runs of the researcher's query (master), oldest first. */
    public List<QueryRun> runsOfQuery(Researcher researcher, long masterId) {
        return runsOfMaster(researcher, masterId, Terms.COHORT_API);
    }

    /** The researcher's patient set, to be read page by page. */
    public PatientSet patientSet(Researcher researcher, long resultId) {
        ownResult(researcher, resultId, Terms.COHORT_API);
        return listable(researcher, resultId, Terms.COHORT_API);
    }

    /** i2b2's query instance: the researcher's run. */
    public QueryRun queryInstance(Researcher researcher, long instanceId) {
        return own(researcher, instanceId, Terms.I2B2);
    }

    /** i2b2 waits up to {@code atMost} for a query instance to end: the run as it then is, final or not. */
    public QueryRun awaitQueryInstance(Researcher researcher, long instanceId, Duration atMost)
            throws InterruptedException {
        own(researcher, instanceId, Terms.I2B2);
        return runs.get().await(instanceId, atMost);
    }

    /** i2b2's cancel of a query instance. */
    public QueryRun cancelQueryInstance(Researcher researcher, long instanceId) {
        return cancel(researcher, instanceId, Terms.I2B2);
    }

    /** i2b2's query instances of a query master. */
    public List<QueryRun> queryInstancesOfMaster(Researcher researcher, long masterId) {
        return runsOfMaster(researcher, masterId, Terms.I2B2);
    }

    /** i2b2's result instance: one result of the researcher's runs. */
    public RunResult resultInstance(Researcher researcher, long resultId) {
        ownResult(researcher, resultId, Terms.I2B2);
        return runs.get().store().resultById(resultId).orElseThrow();
    }

    /** i2b2's patient set of a result instance. */
    public PatientSet patientSetOfResultInstance(Researcher researcher, long resultId) {
        return listable(researcher, resultInstance(researcher, resultId).resultInstanceId(), Terms.I2B2);
    }

    private QueryRun own(Researcher researcher, long id, Terms terms) {
        return runs.get().find(id).filter(r -> r.user().equals(researcher.user())).orElseThrow(() ->
                new RunException(RunException.Code.RUN_NOT_FOUND, "no " + terms.run() + " " + id + " of yours"));
    }

    private QueryRun cancel(Researcher researcher, long id, Terms terms) {
        own(researcher, id, terms);
        return runs.get().cancel(id);
    }

    private List<QueryRun> runsOfMaster(Researcher researcher, long masterId, Terms terms) {
        CohortRuns current = runs.get();
        if (!current.store().ownerOfMaster(masterId).map(researcher.user()::equals).orElse(false)) {
            throw new RunException(RunException.Code.RUN_NOT_FOUND, "no " + terms.query() + " " + masterId
                    + " of yours");
        }
        return current.store().runsOfMaster(masterId);
    }

    private void ownResult(Researcher researcher, long resultId, Terms terms) {
        if (!runs.get().store().ownerOfResult(resultId).map(researcher.user()::equals).orElse(false)) {
            throw new RunException(RunException.Code.SET_NOT_FOUND, "no " + terms.result() + " " + resultId
                    + " of yours");
        }
    }

    /** The role rule of patient lists, checked after the owner's so that another user's set stays absent. */
    private PatientSet listable(Researcher researcher, long resultId, Terms terms) {
        if (!seesExactCounts(researcher)) {
            throw new RunException(RunException.Code.NOT_YOURS, terms.patientListRefusal().apply(researcher));
        }
        return new PatientSet(resultId);
    }

    private boolean seesExactCounts(Researcher researcher) {
        return privacy.get().seesExactCounts(researcher.roles());
    }

    /** How each API names a run, a query and a result, and how it words the patient-list refusal. */
    private record Terms(String run, String query, String result, Function<Researcher, String> patientListRefusal) {

        static final Terms COHORT_API = new Terms("run", "query", "patient set", researcher ->
                "patient lists reveal exact counts: your roles " + researcher.roles() + " do not allow them");
        static final Terms I2B2 = new Terms("query instance", "query master", "result instance", researcher ->
                "patient lists need a role that sees exact counts");
    }
}
