package org.smartcc.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.smartcc.engine.internal.jdbc.JdbcQueryRunStore;
import org.smartcc.engine.internal.jdbc.JdbcSavedQueryStore;
import org.smartcc.engine.query.QueryDefinition;
import org.smartcc.engine.query.json.QueryJson;
import org.smartcc.store.Database;
import org.smartcc.store.domain.CodedException;

/** Saved queries over the JDBC stores on H2: the list, its pages, renaming and the soft delete, per user. */
class SavedQueriesTest {

    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path directory;
    private Database database;
    private JdbcQueryRunStore runs;
    private SavedQueries saved;

    @BeforeEach
    void open() {
        database = Database.open(Database.h2FileUrl(directory.resolve("store")), "sa", "");
        runs = new JdbcQueryRunStore(database);
        saved = new SavedQueries(new JdbcSavedQueryStore(database), runs::find,
                Clock.fixed(START.plusSeconds(3600), ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void theListShowsTheUsersQueriesNewestFirstWithTheirLastRuns() {
        QueryRun first = run("alice", "first", 0);
        QueryRun second = run("alice", "second", 1);
        QueryRun third = run("alice", "third", 2);
        run("bob", "bob's", 3);

        SavedQueries.Page page = saved.list("alice", 0, 2);
        assertEquals(3, page.total());
        assertEquals(List.of("third", "second"), page.queries().stream().map(l -> l.query().name()).toList());
        SavedQueries.Listed newest = page.queries().get(0);
        assertEquals(third.masterId(), newest.query().id());
        assertEquals(START.plusSeconds(2), newest.query().created());
        assertEquals(Optional.of(third.instanceId()), newest.lastRun().map(QueryRun::instanceId));
        assertEquals(List.of(first.masterId()), saved.list("alice", 2, 2).queries().stream()
                .map(l -> l.query().id()).toList());
        assertEquals(List.of(), saved.list("alice", 3, 2).queries());
        assertEquals(1, saved.list("bob", 0, 50).total());
        assertEquals(new SavedQueries.Page(List.of(), 0), saved.list("carol", 0, 50));
        assertEquals(second.masterId(), saved.list("alice", 1, 1).queries().get(0).query().id());
    }

    @Test
    void aPageOutsideItsBoundsIsRefused() {
        for (int[] page : new int[][] {{-1, 10}, {0, 0}, {0, SavedQueries.MAX_PAGE + 1}}) {
            CodedException e = assertThrows(CodedException.class, () -> saved.list("alice", page[0], page[1]));
            assertEquals("BAD_PAGE", e.code());
        }
    }

    @Test
    void theOwnerReadsTheQueryWithItsDefinition() {
        QueryRun run = run("alice", "diabetes", 0);
        SavedQuery query = saved.get("alice", run.masterId());
        assertEquals("diabetes", query.name());
        assertEquals("alice", query.user());
        assertEquals(START, query.created());
        assertEquals(definition("diabetes"), query.definition());
        assertEquals(Optional.of(run.instanceId()), query.lastRunId());
    }

    @Test
    void aNamelessDefinitionIsSavedAsQueryAndReadUnderThatName() {
        SavedQuery query = saved.get("alice", run("alice", "", 0).masterId());
        assertEquals("query", query.name());
        assertEquals("query", query.definition().name());
    }

    @Test
    void anotherUsersOrAnAbsentQueryIsNotFound() {
        long master = run("alice", "mine", 0).masterId();
        assertNotFound(() -> saved.get("bob", master));
        assertNotFound(() -> saved.get("alice", master + 100));
        assertNotFound(() -> saved.rename("bob", master, "taken"));
        assertNotFound(() -> saved.delete("bob", master));
        assertEquals("mine", saved.get("alice", master).name());
        assertEquals(1, saved.list("alice", 0, 10).total());
    }

    @Test
    void renamingChangesTheNameOfTheQueryItsDefinitionAndItsRuns() {
        QueryRun run = run("alice", "old", 0);
        SavedQuery renamed = saved.rename("alice", run.masterId(), "  new name  ");
        assertEquals("new name", renamed.name());
        assertEquals("new name", renamed.definition().name());
        assertEquals(definition("old").panels(), renamed.definition().panels());
        assertEquals("new name", runs.find(run.instanceId()).orElseThrow().name());
        String longest = "n".repeat(QueryName.MAX_LENGTH);
        assertEquals(longest, saved.rename("alice", run.masterId(), longest).name());
    }

    @Test
    void aNameThatIsEmptyBlankOrTooLongIsRefused() {
        long master = run("alice", "kept", 0).masterId();
        for (String name : new String[] {null, "", "   ", "\t\n", "n".repeat(QueryName.MAX_LENGTH + 1)}) {
            RunException e = assertThrows(RunException.class, () -> saved.rename("alice", master, name));
            assertEquals(RunException.Code.QUERY_NAME_INVALID.name(), e.code());
        }
        assertEquals("kept", saved.get("alice", master).name());
    }

    @Test
    void aDeletedQueryLeavesTheListButItsRunsStayReadable() {
        QueryRun kept = run("alice", "kept", 0);
        QueryRun gone = run("alice", "gone", 1);
        saved.delete("alice", gone.masterId());

        assertEquals(List.of("kept"), saved.list("alice", 0, 10).queries().stream().map(l -> l.query().name())
                .toList());
        assertEquals(1, saved.list("alice", 0, 10).total());
        assertNotFound(() -> saved.get("alice", gone.masterId()));
        assertNotFound(() -> saved.rename("alice", gone.masterId(), "back"));
        assertNotFound(() -> saved.delete("alice", gone.masterId()));
        assertEquals("gone", runs.find(gone.instanceId()).orElseThrow().name());
        assertEquals(1, runs.runsOfMaster(gone.masterId()).size());
        assertEquals(Optional.of("alice"), runs.ownerOfMaster(gone.masterId()));
        assertEquals(kept.masterId(), saved.get("alice", kept.masterId()).id());
    }

    private QueryRun run(String user, String name, int secondsAfterStart) {
        QueryDefinition definition = definition(name);
        return runs.create(new RunRequest(definition, QueryJson.write(definition), user, Set.of("DATA_AGG"),
                List.of(), Optional.of(Duration.ofMinutes(1))), QueryFingerprint.of(definition),
                START.plusSeconds(secondsAfterStart));
    }

    private static QueryDefinition definition(String name) {
        return QueryJson.read("{\"name\": \"" + name + "\", \"panels\": [{\"items\": [{\"key\":"
                + " \"\\\\\\\\i2b2\\\\SMART\\\\Diagnoses\\\\\"}]}]}");
    }

    private static void assertNotFound(Executable call) {
        RunException e = assertThrows(RunException.class, call);
        assertEquals(RunException.Code.QUERY_NOT_FOUND.name(), e.code());
        assertTrue(e.getMessage().startsWith("no query "), e.getMessage());
    }
}
