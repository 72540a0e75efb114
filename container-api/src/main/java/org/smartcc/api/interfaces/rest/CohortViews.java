package org.smartcc.api.interfaces.rest;

import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbProperty;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.smartcc.api.application.CohortModeService;
import org.smartcc.api.domain.CohortPosition;
import org.smartcc.api.domain.SetGrant;
import org.smartcc.engine.ConceptTree;
import org.smartcc.engine.privacy.ReportedCount;
import org.smartcc.engine.query.json.QueryJson;
import org.smartcc.engine.run.QueryRun;
import org.smartcc.engine.run.RunResult;
import org.smartcc.engine.run.SavedQueries;

/**
 * The JSON shapes of the cohort API (public: JSON-B reads them by reflection). Counts are always the protected ones;
 * exact sizes never leave the store.
 */
public final class CohortViews {

    private CohortViews() {
    }

    /** A run: {@code status} is i2b2's status name, {@code i2b2StatusId} its id; times are ISO-8601 instants. */
    public record Run(long id, long queryId, String name, String status, int i2b2StatusId, double progress,
                      String submitted, String started, String ended, String message, List<String> warnings,
                      String snapshot, List<Result> results) {
    }

    /** One result; {@code count} is the protected size, {@code breakdown} the protected cells of a breakdown. */
    public record Result(long id, String type, String status, ReportedCount count,
                         Map<String, ReportedCount> breakdown) {
    }

    public record Member(int patientNum, String recordId) {
    }

    public record PatientSetPage(long id, int offset, List<Member> patients) {
    }

    /**
     * A node of the concept tree, as i2b2's ontology cell describes one: {@code path} is the concept path (the item
     * key is {@code \\i2b2} followed by it), {@code code} its {@code concept_cd} (null for a folder),
     * {@code patients} the protected number of patients with a fact at or below it.
     */
    @JsonbNillable
    public record Concept(String name, String path, String code, @JsonbProperty("has_children") boolean hasChildren,
                          ReportedCount patients) {
    }

    static Concept of(ConceptTree.Node node) {
        return new Concept(node.name(), node.path(), node.code(), node.hasChildren(), node.patients());
    }

    /** An app's grant on a patient set and its progress: records handed out of the set's records. */
    public record Grant(String app_id, String granted_by, String granted_at, long set_size, long handed_out) {
    }

    static Grant of(SetGrant grant) {
        return new Grant(grant.appId(), grant.grantedBy(), grant.grantedAt().toString(), grant.setSize(),
                grant.handedOut());
    }

    public record SetRecord(int position, String record_id) {
    }

    /** A page of a set's SMART records (cohort mode); {@code total} counts all of them. */
    public record RecordPage(long set_id, int total, int offset, List<SetRecord> records) {
    }

    static RecordPage of(CohortModeService.RecordPage page) {
        return new RecordPage(page.resultId(), page.total(), page.offset(), page.records().stream()
                .map(r -> new SetRecord(r.position(), r.recordId())).toList());
    }

    /** Where a user stopped in a set: {@code app_id} and {@code updated_at} are null before the first move. */
    @JsonbNillable
    public record Position(int position, String app_id, String updated_at) {
    }

    static Position of(CohortPosition position) {
        return new Position(position.position(), position.appId().orElse(null),
                position.updatedAt().map(Object::toString).orElse(null));
    }

    /** A saved query in the list, with its latest run ({@code null} when it has none). */
    @JsonbNillable
    public record SavedQuery(long id, String name, String created, Run last_run) {
    }

    /** A page of the saved queries; {@code total} counts the whole list. */
    public record SavedQueryPage(List<SavedQuery> queries, long total) {
    }

    /** One saved query with its definition in the cohort JSON form, as {@code POST /cohort/runs} takes it. */
    public record SavedQueryDetail(long id, String name, String created, JsonObject definition) {
    }

    static SavedQueryPage of(SavedQueries.Page page) {
        return new SavedQueryPage(page.queries().stream().map(l -> new SavedQuery(l.query().id(), l.query().name(),
                l.query().created().toString(), l.lastRun().map(CohortViews::of).orElse(null))).toList(),
                page.total());
    }

    static SavedQueryDetail of(org.smartcc.engine.run.SavedQuery query) {
        JsonObject definition = Jsonp.JSON.createReader(new StringReader(QueryJson.write(query.definition())))
                .readObject();
        return new SavedQueryDetail(query.id(), query.name(), query.created().toString(), definition);
    }

    static Run of(QueryRun run) {
        return new Run(run.instanceId(), run.masterId(), run.name(), run.status().name(), run.status().i2b2Id(),
                run.progress(), run.submitted().toString(), run.started().map(Object::toString).orElse(null),
                run.ended().map(Object::toString).orElse(null), run.message().orElse(null), run.warnings(),
                run.snapshotId().orElse(null), run.results().stream().map(CohortViews::of).toList());
    }

    private static Result of(RunResult result) {
        return new Result(result.resultInstanceId(), result.type().name(), result.status().name(),
                result.setSize().orElse(null), result.breakdown());
    }
}
