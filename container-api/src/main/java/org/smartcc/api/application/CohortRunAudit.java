package org.smartcc.api.application;

import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.smartcc.api.domain.AuditEvent;
import org.smartcc.api.domain.AuditKind;
import org.smartcc.engine.run.QueryRun;
import org.smartcc.engine.run.ResultType;
import org.smartcc.engine.run.RunResult;

/**
 * Cohort runs in the audit trail: started when submitted (in the request: a failed write fails it), ended when final
 * (on the run's worker thread: a failed write is an incident). The query's text and name are not kept, only the ids,
 * the result types asked for and the final state.
 */
public final class CohortRunAudit implements Consumer<QueryRun> {

    private final Auditor auditor;

    public CohortRunAudit(Auditor auditor) {
        this.auditor = auditor;
    }

    public void started(QueryRun run) {
        auditor.record(event(AuditKind.COHORT_RUN_STARTED, run));
    }

    /** The run ended. */
    @Override
    public void accept(QueryRun run) {
        auditor.recordInBackground(event(AuditKind.COHORT_RUN_ENDED, run).outcome(run.status().name()));
    }

    private AuditEvent event(AuditKind kind, QueryRun run) {
        Long set = run.results().stream().filter(r -> r.type() == ResultType.PATIENTSET)
                .map(RunResult::resultInstanceId).findFirst().orElse(null);
        return auditor.event(kind).user(run.user()).run(run.instanceId()).set(set).what(run.results().stream()
                .map(r -> r.type().name()).collect(Collectors.joining(",")));
    }
}
