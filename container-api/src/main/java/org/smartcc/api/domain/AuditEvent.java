package org.smartcc.api.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One event of the audit trail. Only ids are kept: user, app and record ids, a patient set or cohort run id, and what
 * was called as a template or a collection name; never names, request values, tokens or secrets.
 *
 * @param userId   the user (launcher user or researcher), or null
 * @param appId    the app, or null
 * @param recordId the record, or null
 * @param setId    the patient set (result instance), or null
 * @param runId    the cohort run (query instance), or null
 * @param what     the call, collection or admin call template concerned, or null
 * @param outcome  {@link #OK}, or the stable error code or final state
 */
public record AuditEvent(Instant at, AuditKind kind, String userId, String appId, String recordId, Long setId,
                         Long runId, String what, String outcome) {

    public static final String OK = "OK";

    public AuditEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(outcome, "outcome");
    }

    /** An event of the kind with the outcome OK and nothing else filled in yet. */
    public static AuditEvent of(Instant at, AuditKind kind) {
        return new AuditEvent(at, kind, null, null, null, null, null, null, OK);
    }

    public AuditEvent user(String id) {
        return new AuditEvent(at, kind, id, appId, recordId, setId, runId, what, outcome);
    }

    public AuditEvent app(String id) {
        return new AuditEvent(at, kind, userId, id, recordId, setId, runId, what, outcome);
    }

    public AuditEvent record(String id) {
        return new AuditEvent(at, kind, userId, appId, id, setId, runId, what, outcome);
    }

    public AuditEvent set(Long id) {
        return new AuditEvent(at, kind, userId, appId, recordId, id, runId, what, outcome);
    }

    public AuditEvent run(Long id) {
        return new AuditEvent(at, kind, userId, appId, recordId, setId, id, what, outcome);
    }

    public AuditEvent what(String called) {
        return new AuditEvent(at, kind, userId, appId, recordId, setId, runId, called, outcome);
    }

    public AuditEvent outcome(String result) {
        return new AuditEvent(at, kind, userId, appId, recordId, setId, runId, what, result);
    }
}
