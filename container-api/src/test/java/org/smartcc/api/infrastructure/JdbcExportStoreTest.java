package org.smartcc.api.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartcc.api.domain.ExportFile;
import org.smartcc.api.domain.PopulationExport;
import org.smartcc.api.domain.PopulationExport.State;
import org.smartcc.store.Database;

/**
 * Exports in H2: stored and read back whole, files recorded with the progress, ended only while running, closed with
 * their files forgotten, and found again when running (to resume) or expired (to remove).
 */
class JdbcExportStoreTest {

    private static final Instant T = Instant.parse("2026-12-01T00:00:00Z");

    @TempDir
    Path dir;
    Database database;
    JdbcExportStore store;

    @BeforeEach
    void open() {
        database = Database.open(Database.h2FileUrl(dir.resolve("store")), "sa", "");
        store = new JdbcExportStore(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static PopulationExport export(String id) {
        return new PopulationExport(id, "app", "sam", 7, List.of("medications", "problems"),
                List.of("application/n-triples"), "date_from=2010-01-01", "http://localhost:8080", State.RUNNING, "fp",
                6, 0, 0, 0, null, T, null, null);
    }

    @Test
    void anExportIsReadBackAsStoredAndItsFilesWithItsProgress() {
        store.create(export("e1"));
        assertEquals(Optional.of(export("e1")), store.find("e1"));
        ExportFile file = new ExportFile("e1", 1, 0, "medications", "application/n-triples", "00001-medications.nt",
                2, 30, 4000, "1004");
        store.fileDone(file, 2, 4000);
        store.progress("e1", 3, 4000);
        store.partDone("e1", 1);
        assertEquals(List.of(file), store.files("e1"));
        PopulationExport read = store.find("e1").orElseThrow();
        assertEquals(3, read.recordsDone());
        assertEquals(4000, read.bytes());
        assertEquals(1, read.partsDone());
        assertEquals(List.of("e1"), store.running().stream().map(PopulationExport::id).toList());
    }

    @Test
    void onlyARunningExportEndsAndAClosedOneKeepsNoFiles() {
        store.create(export("e1"));
        store.create(export("e2"));
        store.fileDone(new ExportFile("e2", 1, 0, "medications", "application/n-triples", "f", 1, 1, 1, "1"), 1, 1);
        assertTrue(store.close("e2", State.CANCELLED, T));
        assertFalse(store.finish("e2", State.DONE, null, T, T), "a cancelled export never becomes done");
        assertEquals(State.CANCELLED, store.find("e2").orElseThrow().state());
        assertEquals(List.of(), store.files("e2"));
        assertFalse(store.close("e2", State.CANCELLED, T));

        assertTrue(store.finish("e1", State.DONE, null, T, T.plusSeconds(60)));
        assertEquals(List.of(), store.running());
        assertEquals(List.of(), store.expired(T.plusSeconds(59)));
        assertEquals(List.of("e1"), store.expired(T.plusSeconds(61)).stream().map(PopulationExport::id).toList());
        assertTrue(store.close("e1", State.EXPIRED, T.plusSeconds(61)));
        assertEquals(List.of(), store.expired(T.plusSeconds(61)));
    }
}
