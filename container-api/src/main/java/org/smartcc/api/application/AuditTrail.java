package org.smartcc.api.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.smartcc.api.domain.AuditEvent;
import org.smartcc.api.domain.AuditKind;

/**
 * The append-only audit trail (issue 16, docs/security.md): the one way to the {@code audit_event} table. It only
 * adds and reads rows; the application never updates or deletes one, so this port has no method that could.
 */
public interface AuditTrail {

    /** Appends the event in one auto-committed insert; throws when it cannot be stored. */
    void record(AuditEvent event);

    /** Events matching the query, newest first (by id). */
    List<Entry> find(Query query);

    /** A stored event with its id, which orders the trail and pages it. */
    record Entry(long id, AuditEvent event) {
    }

    /**
     * What to list: every given condition holds (an empty one is no condition).
     *
     * @param from   events at or after this instant
     * @param to     events before this instant
     * @param before events with a smaller id: the id of the last event of the previous page
     * @param limit  the most events to list
     */
    record Query(Optional<Instant> from, Optional<Instant> to, Optional<String> user, Optional<String> app,
                 Optional<String> record, Optional<AuditKind> kind, Optional<Long> before, int limit) {
    }
}
