package org.smartcc.api.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.smartcc.api.domain.AuditEvent;
import org.smartcc.api.domain.AuditKind;
import org.smartcc.api.domain.PopulationRead;
import org.smartcc.oauth.domain.App;
import org.smartcc.oauth.domain.AppMode;
import org.smartcc.oauth.domain.AppScope;
import org.smartcc.oauth.domain.OAuthPrincipal;
import org.smartcc.oauth.domain.Token;
import org.smartcc.oauth.domain.TokenKind;
import org.smartcc.store.domain.CodedException;
import org.smartcc.store.domain.ErrorKind;

/**
 * Paging a set by the signed cursor: pages follow each other in record id order; a cursor that was altered, made with
 * another secret or carried to another read is invalid; one over a set that changed since has expired.
 */
class PopulationReadsTest {

    private static final byte[] SECRET = "a secret of the server, 32 bytes".getBytes(StandardCharsets.UTF_8);
    private static final Map<String, List<String>> NO_FILTERS = Map.of();

    /** A set of records with versions, changed at will. */
    private static final class Sets implements PopulationSets {
        final TreeMap<String, String> versions = new TreeMap<>();

        @Override
        public Optional<String> grantedBy(long setId, String appId) {
            return setId == 7 && appId.equals("app") ? Optional.of("sam") : Optional.empty();
        }

        @Override
        public SetState state(long setId) {
            return new SetState(versions.size(), versions.toString());
        }

        @Override
        public List<String> recordsAfter(long setId, Optional<String> after, int limit) {
            return (after.isPresent() ? versions.tailMap(after.get(), false) : versions).keySet().stream()
                    .limit(limit).toList();
        }
    }

    private static final class Audit implements PopulationAudit {
        final List<PopulationRead> rows = new ArrayList<>();

        @Override
        public void record(PopulationRead read) {
            rows.add(read);
        }

        @Override
        public List<PopulationRead> readsOf(long setId) {
            return rows.stream().filter(r -> r.setId() == setId).toList();
        }
    }

    private final Sets sets = new Sets();
    private final Audit audit = new Audit();
    private final TrailInMemory trail = new TrailInMemory();
    private final PopulationReads reads = reads(SECRET);

    private PopulationReads reads(byte[] secret) {
        Clock clock = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);
        return new PopulationReads(sets, audit, new Auditor(trail, clock), new PopulationCursors(secret), 2, clock);
    }

    private void fiveRecords() {
        for (String id : List.of("10", "11", "12", "13", "14")) {
            sets.versions.put(id, "v1");
        }
    }

    @Test
    void pagesFollowEachOtherInRecordOrderUntilTheLast() {
        fiveRecords();
        List<String> served = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        int pages = 0;
        do {
            PopulationReads.Page page = reads.page(7, "medications", NO_FILTERS, cursor);
            assertEquals(5, page.setRecords());
            served.addAll(page.records());
            cursor = page.next();
            pages++;
        } while (cursor.isPresent());
        assertEquals(List.of("10", "11", "12", "13", "14"), served);
        assertEquals(3, pages);
    }

    @Test
    void aCursorSurvivesARestartWithTheSameSecret() {
        fiveRecords();
        String cursor = reads.page(7, "medications", NO_FILTERS, Optional.empty()).next().orElseThrow();
        assertEquals(List.of("12", "13"), reads(SECRET.clone()).page(7, "medications", NO_FILTERS,
                Optional.of(cursor)).records());
    }

    @Test
    void aTamperedOrForeignCursorIsInvalid() {
        fiveRecords();
        String cursor = reads.page(7, "medications", NO_FILTERS, Optional.empty()).next().orElseThrow();
        int dot = cursor.indexOf('.');
        char flipped = cursor.charAt(dot - 2) == 'A' ? 'B' : 'A';
        String tampered = cursor.substring(0, dot - 2) + flipped + cursor.substring(dot - 1);
        for (String bad : List.of(tampered, cursor + "x", "not a cursor", cursor.substring(0, dot), "")) {
            assertCode("CURSOR_INVALID", ErrorKind.INVALID_INPUT, () -> reads.page(7, "medications", NO_FILTERS,
                    Optional.of(bad)));
        }
        byte[] other = "another server's secret, 32 byte".getBytes(StandardCharsets.UTF_8);
        assertCode("CURSOR_INVALID", ErrorKind.INVALID_INPUT, () -> reads(other).page(7, "medications", NO_FILTERS,
                Optional.of(cursor)));
        assertCode("CURSOR_INVALID", ErrorKind.INVALID_INPUT, () -> reads.page(7, "problems", NO_FILTERS,
                Optional.of(cursor)));
        assertCode("CURSOR_INVALID", ErrorKind.INVALID_INPUT, () -> reads.page(8, "medications", NO_FILTERS,
                Optional.of(cursor)));
        assertCode("CURSOR_INVALID", ErrorKind.INVALID_INPUT, () -> reads.page(7, "medications",
                Map.of("date_from", List.of("2010-01-01")), Optional.of(cursor)));
    }

    @Test
    void aCursorExpiresWhenTheSetOrARecordChanges() {
        fiveRecords();
        String cursor = reads.page(7, "medications", NO_FILTERS, Optional.empty()).next().orElseThrow();
        sets.versions.put("13", "v2");
        assertCode("CURSOR_EXPIRED", ErrorKind.GONE, () -> reads.page(7, "medications", NO_FILTERS,
                Optional.of(cursor)));
        sets.versions.put("13", "v1");
        assertEquals(List.of("12", "13"), reads.page(7, "medications", NO_FILTERS, Optional.of(cursor)).records(),
                "the same set again");
        sets.versions.remove("14");
        assertCode("CURSOR_EXPIRED", ErrorKind.GONE, () -> reads.page(7, "medications", NO_FILTERS,
                Optional.of(cursor)));
    }

    @Test
    void filtersAreTheQueryWithoutPagingAndTheirOrderDoesNotMatter() {
        fiveRecords();
        Map<String, List<String>> query = new java.util.LinkedHashMap<>();
        query.put("date_from", List.of("2010-01-01"));
        query.put("limit", List.of("5"));
        query.put("cursor", List.of("x"));
        query.put("date_to", List.of("2011-01-01"));
        Map<String, List<String>> filters = PopulationReads.filters(query);
        assertEquals(List.of("date_from", "date_to"), List.copyOf(filters.keySet()));
        String cursor = reads.page(7, "medications", filters, Optional.empty()).next().orElseThrow();
        Map<String, List<String>> reordered = new java.util.LinkedHashMap<>();
        reordered.put("date_to", List.of("2011-01-01"));
        reordered.put("date_from", List.of("2010-01-01"));
        assertEquals(List.of("12", "13"), reads.page(7, "medications", reordered, Optional.of(cursor)).records());
    }

    @Test
    void aGrantedAppReads2LeggedAndEachAnswerIsAudited() {
        App app = new App("app", "App", "a background app", AppMode.BACKGROUND, AppScope.RECORD, null, null, "secret",
                "{}", Instant.EPOCH, true, false);
        PopulationReads.Grant grant = reads.authorize(OAuthPrincipal.twoLegged(app), 7);
        assertEquals(new PopulationReads.Grant("app", "sam", 7), grant);
        assertCode("FORBIDDEN_NOT_GRANTED", ErrorKind.FORBIDDEN, () -> reads.authorize(OAuthPrincipal.twoLegged(app),
                8));
        Token token = new Token("t", "s", TokenKind.BACKGROUND, "app", null, "10", null, Instant.EPOCH,
                Instant.EPOCH.plusSeconds(60), false);
        assertCode("FORBIDDEN_TOKEN_KIND", ErrorKind.FORBIDDEN, () -> reads.authorize(OAuthPrincipal.withToken(app,
                token), 7));

        reads.audited(grant, "medications", "application/n-triples", 2, 40);
        assertEquals(List.of(new PopulationRead("app", "sam", 7, "medications", "application/n-triples", 2, 40,
                Instant.parse("2026-12-01T00:00:00Z"))), audit.readsOf(7));
        assertEquals(List.of(AuditEvent.of(Instant.parse("2026-12-01T00:00:00Z"), AuditKind.POPULATION_READ)
                .app("app").set(7L).what("medications")), trail.events());
    }

    private static void assertCode(String code, ErrorKind kind, org.junit.jupiter.api.function.Executable call) {
        CodedException e = assertThrows(CodedException.class, call);
        assertEquals(code, e.code(), e.getMessage());
        assertEquals(kind, e.kind());
    }
}
