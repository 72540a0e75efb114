package org.smartcc.api.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.smartcc.api.application.AuditTrail;
import org.smartcc.api.domain.AuditEvent;
import org.smartcc.api.domain.AuditKind;
import org.smartcc.store.domain.CodedException;
import org.smartcc.store.domain.ErrorKind;

/** The audit trail for an administrator ({@link AdminOnly}): events by time, user, app, record and kind, paged. */
@Path("admin/audit")
@AdminOnly
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AdminAuditResource {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    private static final String INVALID = "AUDIT_QUERY_INVALID";

    @Inject
    AuditTrail trail;

    /** One event; ids that do not apply are null, {@code at} is ISO-8601. */
    @JsonbNillable
    public record Event(long id, String at, String kind, String user_id, String app_id, String record_id,
                        Long set_id, Long run_id, String what, String outcome) {
    }

    /** @param next the {@code after} of the next page, null on the last */
    @JsonbNillable
    public record Page(List<Event> events, Long next) {
    }

    @GET
    public Page events(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("user") String user,
                       @QueryParam("app") String app, @QueryParam("record") String record,
                       @QueryParam("kind") String kind, @QueryParam("limit") String limit,
                       @QueryParam("after") String after) {
        long asked = number("limit", limit).orElse((long) DEFAULT_LIMIT);
        if (asked < 1 || asked > MAX_LIMIT) {
            throw new CodedException(ErrorKind.INVALID_INPUT, INVALID, "limit is 1 to " + MAX_LIMIT);
        }
        int size = (int) asked;
        // one more than the page, to know whether another follows
        List<AuditTrail.Entry> found = trail.find(new AuditTrail.Query(instant("from", from), instant("to", to),
                given(user), given(app), given(record), kind(kind), number("after", after), size + 1));
        List<AuditTrail.Entry> page = found.subList(0, Math.min(size, found.size()));
        Long next = found.size() > size ? page.get(page.size() - 1).id() : null;
        return new Page(page.stream().map(AdminAuditResource::view).toList(), next);
    }

    private static Optional<String> given(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isEmpty());
    }

    private static Optional<Long> number(String name, String value) {
        try {
            return given(value).map(Long::valueOf);
        } catch (NumberFormatException e) {
            throw new CodedException(ErrorKind.INVALID_INPUT, INVALID, name + " is a whole number");
        }
    }

    private static Optional<Instant> instant(String name, String value) {
        try {
            return given(value).map(Instant::parse);
        } catch (DateTimeParseException e) {
            throw new CodedException(ErrorKind.INVALID_INPUT, INVALID, name + " is an ISO-8601 instant such as"
                    + " 2026-12-01T00:00:00Z");
        }
    }

    private static Optional<AuditKind> kind(String value) {
        try {
            return given(value).map(AuditKind::valueOf);
        } catch (IllegalArgumentException e) {
            throw new CodedException(ErrorKind.INVALID_INPUT, INVALID, "kind is one of "
                    + List.of(AuditKind.values()));
        }
    }

    private static Event view(AuditTrail.Entry entry) {
        AuditEvent e = entry.event();
        return new Event(entry.id(), e.at().toString(), e.kind().name(), e.userId(), e.appId(), e.recordId(),
                e.setId(), e.runId(), e.what(), e.outcome());
    }
}
