package org.smartcc.api.application;

import java.util.ArrayList;
import java.util.List;
import org.smartcc.api.domain.AuditEvent;

/** An audit trail in a list, for the use cases' tests (JdbcAuditTrailTest covers the real one). */
final class TrailInMemory implements AuditTrail {

    final List<AuditEvent> events = new ArrayList<>();

    @Override
    public synchronized void record(AuditEvent event) {
        events.add(event);
    }

    @Override
    public synchronized List<Entry> find(Query query) {
        throw new UnsupportedOperationException("the use cases only record");
    }

    synchronized List<AuditEvent> events() {
        return List.copyOf(events);
    }
}
