package org.smartcc.api.domain;

/** What an audit event records; the names are the stable codes stored in {@code audit_event.kind} and queried by. */
public enum AuditKind {
    /** A launcher user signed in. */
    LOGIN,
    /** A sign-in or HTTP Basic login of a user was refused. */
    LOGIN_FAILED,
    /** The launcher launched an app for a user on a record. */
    APP_LAUNCH,
    TOKEN_ISSUED,
    TOKEN_REVOKED,
    /** An app read a record call. */
    RECORD_READ,
    /** An app posted to a record (a clinical note). */
    RECORD_WRITE,
    COHORT_RUN_STARTED,
    /** A cohort run reached a final state (the outcome). */
    COHORT_RUN_ENDED,
    /** A population read, aggregate or export file served from a patient set. */
    POPULATION_READ,
    EXPORT_STARTED,
    /** An export reached a final state (the outcome). */
    EXPORT_ENDED,
    /** A call of the admin API that changes something (any method but GET). */
    ADMIN_CHANGE
}
