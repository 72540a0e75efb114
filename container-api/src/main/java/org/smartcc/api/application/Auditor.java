package org.smartcc.api.application;

import java.time.Clock;
import org.smartcc.api.domain.AuditEvent;
import org.smartcc.api.domain.AuditKind;
import org.smartcc.store.Incidents;

/**
 * Records events in the {@link AuditTrail}, stamped with the clock. The rule when a write fails: an event of a request
 * ({@link #record}) fails the request (500 with an incident id), because an access the trail cannot hold must not be
 * served; an event of background work ({@link #recordInBackground}: a cohort run or an export ending) cannot fail a
 * request, so the failure is logged as an incident, with the event's kind only, and the work goes on.
 */
public final class Auditor {

    private final AuditTrail trail;
    private final Clock clock;

    public Auditor(AuditTrail trail, Clock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    /** A new event of the kind, now, outcome OK; fill it in and {@link #record} it. */
    public AuditEvent event(AuditKind kind) {
        return AuditEvent.of(clock.instant(), kind);
    }

    /** Appends the event; a failure propagates and fails the request. */
    public void record(AuditEvent event) {
        trail.record(event);
    }

    /** Appends the event of work no request waits for; a failure is logged as an incident and does not propagate. */
    public void recordInBackground(AuditEvent event) {
        try {
            trail.record(event);
        } catch (RuntimeException e) {
            Incidents.log("recording an audit event " + event.kind(), e);
        }
    }
}
