package org.smartcc.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartcc.store.ClinicalStore;
import org.smartcc.store.Database;

/**
 * A store in a data source that someone else pools, as Payara Server's JNDI data source is (smartcc.db.jndi): the
 * schema is migrated in it, Spark reads it through the same data source for a snapshot, and closing the store leaves
 * the data source open.
 */
class ContainerPoolTest {

    @TempDir
    Path dir;

    @Test
    void aSnapshotIsReadThroughTheServersDataSource() throws Exception {
        JdbcDataSource pool = new JdbcDataSource();
        pool.setURL(Database.h2FileUrl(dir.resolve("store")));
        pool.setUser("sa");
        pool.setPassword("");

        Database db = Database.ofContainerPool(pool);
        assertTrue(db.pooledByContainer());
        assertEquals(Database.Dialect.H2, db.dialect());
        assertTrue(db.jdbcUrl().startsWith("jdbc:h2:file:") && db.jdbcUrl().endsWith("store"), db.jdbcUrl());
        assertThrows(IllegalStateException.class, db::credentials);

        ClinicalStore.of(db).loadPath(SharedSpark.sharedData().resolve("smart-data/patients/generated/p1032702.xml"));
        Snapshot snapshot = SharedSpark.engine().writeSnapshot(db);
        assertEquals(1, snapshot.patientCount());
        assertTrue(snapshot.factCount() > 10, "the record's facts went through Spark's reads");

        db.close();
        try (Connection c = pool.getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM patient_dimension")) {
            rs.next();
            assertEquals(1, rs.getInt(1), "the data source outlives the store");
        }
    }
}
