package org.smartcc.api.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartcc.store.Database;

/** Each module's migrations sit in a folder of its own; the container applies all of them, whoever began. */
class MigrationFoldersTest {

    @TempDir
    Path dir;

    @Test
    void theContainerCompletesADatabaseABatchJobCreated() throws Exception {
        String url = Database.h2FileUrl(dir.resolve("store"));
        // what a batch job (clinical-store and cohort-engine only) leaves: V1, V4 and V10, without V2 and V3 below V4
        Flyway.configure().dataSource(url, "sa", "")
                .locations("classpath:db/migration/store", "classpath:db/migration/cohort")
                .placeholders(Map.of("clob", "CLOB", "blob", "BLOB"))
                .load().migrate();

        try (Database db = Database.open(url, "sa", "");
             Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"type\" = 'SQL'"
                     + " ORDER BY \"installed_rank\"")) {
            List<String> applied = new ArrayList<>();
            while (rs.next()) {
                applied.add(rs.getString(1));
            }
            assertEquals(List.of("1", "4", "10", "2", "3", "5", "6", "7", "8", "9", "11", "12", "13", "14", "15", "16"), applied);
        }
    }
}
