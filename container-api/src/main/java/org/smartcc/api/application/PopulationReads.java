package org.smartcc.api.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.smartcc.api.domain.AuditEvent;
import org.smartcc.api.domain.AuditKind;
import org.smartcc.api.domain.PopulationCursor;
import org.smartcc.api.domain.PopulationRead;
import org.smartcc.oauth.domain.OAuthError;
import org.smartcc.oauth.domain.OAuthException;
import org.smartcc.oauth.domain.OAuthPrincipal;
import org.smartcc.store.domain.CodedException;
import org.smartcc.store.domain.ErrorKind;

/**
 * Streamed population reads (issue 15, docs/population.md): who may read a set (an app it was granted, signing
 * 2-legged), which of its records a page holds, the cursor to the next page, and the audit of what was served.
 */
public final class PopulationReads {

    /** Query parameters that are not the per-record call's filters: the set is paged by the cursor alone. */
    static final Set<String> NOT_FILTERS = Set.of("cursor", "limit", "offset");

    private final PopulationSets sets;
    private final PopulationAudit audit;
    private final Auditor auditor;
    private final PopulationCursors cursors;
    private final int pageRecords;
    private final Clock clock;

    /**
     * @param audit       the population reads' own audit (what each answer served)
     * @param auditor     the audit trail, which gets the same reads and the exports' start and end
     * @param pageRecords the most records one response serves ({@code smartcc.population.page-records})
     */
    public PopulationReads(PopulationSets sets, PopulationAudit audit, Auditor auditor, PopulationCursors cursors,
                           int pageRecords, Clock clock) {
        if (pageRecords < 1) {
            throw new IllegalArgumentException("smartcc.population.page-records must be at least 1");
        }
        this.sets = sets;
        this.audit = audit;
        this.auditor = auditor;
        this.cursors = cursors;
        this.pageRecords = pageRecords;
        this.clock = clock;
    }

    /** An app's grant on a set, which population reads are served under. */
    public record Grant(String appId, String grantedBy, long setId) {
    }

    /**
     * @param records    the page's record ids, in id order
     * @param next       the cursor to the next page, when records remain
     * @param setRecords how many records the set has
     */
    public record Page(List<String> records, Optional<String> next, int setRecords) {
    }

    /**
     * The grant a 2-legged request of a granted app reads under.
     *
     * @throws OAuthException FORBIDDEN_TOKEN_KIND when signed with a token, FORBIDDEN_NOT_GRANTED without a grant
     *                        (an absent set answers the same, so a refusal does not tell whether the set exists)
     */
    public Grant authorize(OAuthPrincipal principal, long setId) {
        if (!principal.twoLegged()) {
            throw new OAuthException(OAuthError.FORBIDDEN_TOKEN_KIND, "population reads are signed 2-legged by the"
                    + " granted app (consumer key and secret, no token)");
        }
        String grantedBy = sets.grantedBy(setId, principal.appId()).orElseThrow(() -> new OAuthException(
                OAuthError.FORBIDDEN_NOT_GRANTED, "app " + principal.appId() + " has no grant on patient set " + setId));
        return new Grant(principal.appId(), grantedBy, setId);
    }

    /** The request's parameters that go to the per-record call (all but the cursor and paging), in their order. */
    public static Map<String, List<String>> filters(Map<String, List<String>> query) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        query.forEach((name, values) -> {
            if (name != null && !NOT_FILTERS.contains(name)) {
                filters.put(name, values);
            }
        });
        return filters;
    }

    /**
     * The page a request reads: the first, or the one after its cursor's last record.
     *
     * @param filters the per-record filters ({@link #filters}); a cursor is only good for the same ones
     * @throws CodedException CURSOR_INVALID (400) for a cursor of another read or not signed here, CURSOR_EXPIRED
     *                        (410) when the set or one of its records changed since it was handed out
     */
    public Page page(long setId, String collection, Map<String, List<String>> filters, Optional<String> cursor) {
        String filtersKey = digest(filters);
        PopulationSets.SetState state = sets.state(setId);
        Optional<String> after = Optional.empty();
        if (cursor.isPresent()) {
            PopulationCursor c = cursors.read(cursor.get());
            if (c.setId() != setId || !c.collection().equals(collection) || !c.filters().equals(filtersKey)) {
                throw new CodedException(ErrorKind.INVALID_INPUT, "CURSOR_INVALID", "the cursor belongs to another"
                        + " read (set, collection or filters differ); follow the Link of the answer it came with");
            }
            if (!c.fingerprint().equals(state.fingerprint())) {
                throw new CodedException(ErrorKind.GONE, "CURSOR_EXPIRED", "patient set " + setId + " or one of"
                        + " its records changed since the cursor was handed out; read the set again from its start");
            }
            after = Optional.of(c.lastRecordId());
        }
        List<String> records = sets.recordsAfter(setId, after, pageRecords + 1);
        Optional<String> next = Optional.empty();
        if (records.size() > pageRecords) {
            records = records.subList(0, pageRecords);
            next = Optional.of(cursors.sign(new PopulationCursor(setId, collection, filtersKey,
                    records.get(records.size() - 1), state.fingerprint())));
        }
        return new Page(List.copyOf(records), next, state.records());
    }

    /**
     * Writes the audit row of one answer, with what it served, and the event in the audit trail; a failure of either
     * fails the answer (or the export) it audits.
     */
    public void audited(Grant grant, String collection, String kind, long records, long statements) {
        audit.record(new PopulationRead(grant.appId(), grant.grantedBy(), grant.setId(), collection, kind, records,
                statements, clock.instant()));
        auditor.record(trailEvent(AuditKind.POPULATION_READ, grant).what(collection));
    }

    /** An export was kicked off (in the request, whose failure a failed write is). */
    public void exportStarted(Grant grant, String exportId) {
        auditor.record(trailEvent(AuditKind.EXPORT_STARTED, grant).what("export " + exportId));
    }

    /** An export reached its final state (on the export's worker: a failed write is an incident, not a failure). */
    public void exportEnded(Grant grant, String exportId, String state) {
        auditor.recordInBackground(trailEvent(AuditKind.EXPORT_ENDED, grant).what("export " + exportId)
                .outcome(state));
    }

    /** Apps read sets 2-legged, for no user: the event names the app and the set (the granter is in the read audit). */
    private AuditEvent trailEvent(AuditKind kind, Grant grant) {
        return auditor.event(kind).app(grant.appId()).set(grant.setId());
    }

    /** The filters as one digest: names and last values (the per-record call reads the last), order ignored. */
    static String digest(Map<String, List<String>> filters) {
        Map<String, String> canonical = new TreeMap<>();
        filters.forEach((name, values) -> {
            if (values != null && !values.isEmpty()) {
                canonical.put(name, values.get(values.size() - 1));
            }
        });
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            canonical.forEach((name, value) -> {
                sha.update(name.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(String.valueOf(value).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            });
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
