package org.smartcc.api.infrastructure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartcc.api.domain.AppData;
import org.smartcc.api.domain.AppDataKind;
import org.smartcc.store.Database;

/** Preferences and scratchpads on a real (H2) store with the Flyway schema. */
class JdbcAppDataTest {

    @TempDir
    Path dir;
    Database db;
    JdbcAppData data;

    @BeforeEach
    void open() throws Exception {
        db = Database.open(Database.h2FileUrl(dir.resolve("store")), "sa", "");
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String app : new String[] {"a@apps", "b@apps"}) {
                s.executeUpdate("INSERT INTO container_app (app_id, name, description, app_mode, app_scope, "
                        + "consumer_secret, manifest_json, installed_ms) VALUES ('" + app + "', 'n', 'd', 'ui', "
                        + "'record', 's', '{}', 0)");
            }
        }
        data = new JdbcAppData(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void storesBytesWithTheirContentTypeAndTheLastWriteWins() {
        byte[] binary = {0, (byte) 0xff, 10, 13};
        data.put(AppDataKind.SCRATCHPAD, "1234", "a@apps", new AppData("application/octet-stream", binary));
        assertArrayEquals(binary, data.find(AppDataKind.SCRATCHPAD, "1234", "a@apps").orElseThrow().data());
        data.put(AppDataKind.SCRATCHPAD, "1234", "a@apps", new AppData("application/json", "{}".getBytes()));
        AppData latest = data.find(AppDataKind.SCRATCHPAD, "1234", "a@apps").orElseThrow();
        assertEquals("application/json", latest.contentType());
        assertEquals("{}", new String(latest.data()));
    }

    @Test
    void kindsOwnersAndAppsAreSeparate() {
        data.put(AppDataKind.PREFERENCES, "u@example.org", "a@apps", new AppData("text/plain", "p".getBytes()));
        assertTrue(data.find(AppDataKind.SCRATCHPAD, "u@example.org", "a@apps").isEmpty());
        assertTrue(data.find(AppDataKind.PREFERENCES, "u@example.org", "b@apps").isEmpty());
        assertTrue(data.find(AppDataKind.PREFERENCES, "v@example.org", "a@apps").isEmpty());
        assertTrue(data.delete(AppDataKind.PREFERENCES, "u@example.org", "a@apps"));
        assertFalse(data.delete(AppDataKind.PREFERENCES, "u@example.org", "a@apps"));
    }

    @Test
    void removingAnAppRemovesItsData() throws Exception {
        data.put(AppDataKind.SCRATCHPAD, "1234", "b@apps", new AppData("text/plain", "x".getBytes()));
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM container_app WHERE app_id = 'b@apps'");
        }
        assertTrue(data.find(AppDataKind.SCRATCHPAD, "1234", "b@apps").isEmpty());
    }
}
