package org.smartcc.api.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.smartcc.api.domain.Granter;
import org.smartcc.api.domain.SetGrant;
import org.smartcc.oauth.domain.AppMode;
import org.smartcc.store.domain.CodedException;
import org.smartcc.store.domain.ErrorKind;

/** Who may grant which app which patient set, over grants kept in memory. */
class SetGrantServiceTest {

    private static final long SET = 23;
    private static final Granter ALICE = new Granter("alice", false);
    private static final Granter BOB = new Granter("bob", false);
    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

    private final GrantsInMemory store = new GrantsInMemory();
    private final SetGrantService service = new SetGrantService(
            resultId -> resultId == SET ? Optional.of("alice") : Optional.empty(),
            appId -> Optional.ofNullable(Map.of("bg@apps", AppMode.BACKGROUND, "helper@apps", AppMode.HELPER,
                    "ui@apps", AppMode.UI).get(appId)), store, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void theOwnerGrantsListsAndRevokesBackgroundAndHelperApps() {
        assertEquals(new SetGrant(SET, "bg@apps", "alice", NOW, 3, 0), service.grant(ALICE, SET, "bg@apps"));
        service.grant(ALICE, SET, "helper@apps");
        assertEquals(List.of("bg@apps", "helper@apps"),
                service.grantsOf(ALICE, SET).stream().map(SetGrant::appId).toList());

        service.revoke(ALICE, SET, "bg@apps");
        assertEquals(List.of("helper@apps"), service.grantsOf(ALICE, SET).stream().map(SetGrant::appId).toList());
        assertCode(ErrorKind.NOT_FOUND, "GRANT_NOT_FOUND", () -> service.revoke(ALICE, SET, "bg@apps"));
        assertEquals(List.of("GRANT alice bg@apps", "GRANT alice helper@apps", "REVOKE alice bg@apps"), store.audit);
    }

    @Test
    void anotherUsersSetAnswersAsAnAbsentOne() {
        service.grant(ALICE, SET, "bg@apps");
        for (long set : new long[] {SET, 99}) {
            assertCode(ErrorKind.NOT_FOUND, "SET_NOT_FOUND", () -> service.grant(BOB, set, "bg@apps"));
            assertCode(ErrorKind.NOT_FOUND, "SET_NOT_FOUND", () -> service.revoke(BOB, set, "bg@apps"));
            assertCode(ErrorKind.NOT_FOUND, "SET_NOT_FOUND", () -> service.grantsOf(BOB, set));
        }
        assertEquals(List.of("GRANT alice bg@apps"), store.audit);
    }

    @Test
    void anAdministratorManagesAnySet() {
        service.grant(Granter.ADMIN, SET, "bg@apps");
        assertEquals(1, service.grantsOf(Granter.ADMIN, SET).size());
        service.revoke(Granter.ADMIN, SET, "bg@apps");
        assertCode(ErrorKind.NOT_FOUND, "SET_NOT_FOUND", () -> service.grant(Granter.ADMIN, 99, "bg@apps"));
        assertEquals(List.of("GRANT admin bg@apps", "REVOKE admin bg@apps"), store.audit);
    }

    @Test
    void onlyInstalledBackgroundOrHelperAppsAreGranted() {
        assertCode(ErrorKind.NOT_FOUND, "APP_NOT_FOUND", () -> service.grant(ALICE, SET, "missing@apps"));
        assertCode(ErrorKind.INVALID_INPUT, "APP_NOT_BACKGROUND", () -> service.grant(ALICE, SET, "ui@apps"));
        assertEquals(List.of(), store.audit);
    }

    private static void assertCode(ErrorKind kind, String code, Executable call) {
        CodedException e = assertThrows(CodedException.class, call);
        assertEquals(code, e.code());
        assertEquals(kind, e.kind());
    }

    /** Grants of sets that each have three records, none handed out yet. */
    private static final class GrantsInMemory implements SetGrantStore {

        final Map<String, SetGrant> grants = new LinkedHashMap<>();
        final List<String> audit = new ArrayList<>();

        @Override
        public SetGrant grant(long resultId, String appId, String actor, Instant at) {
            return grants.computeIfAbsent(resultId + " " + appId, key -> {
                audit.add("GRANT " + actor + " " + appId);
                return new SetGrant(resultId, appId, actor, at, 3, 0);
            });
        }

        @Override
        public boolean revoke(long resultId, String appId, String actor, Instant at) {
            boolean revoked = grants.remove(resultId + " " + appId) != null;
            if (revoked) {
                audit.add("REVOKE " + actor + " " + appId);
            }
            return revoked;
        }

        @Override
        public List<SetGrant> grantsOf(long resultId) {
            return grants.values().stream().filter(g -> g.resultId() == resultId).toList();
        }
    }
}
