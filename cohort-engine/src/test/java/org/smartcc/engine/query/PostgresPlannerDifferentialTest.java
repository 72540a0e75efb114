package org.smartcc.engine.query;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.smartcc.engine.SampleStore;
import org.smartcc.store.Database;

/**
 * The differential tests of {@link PatientSetPlannerTest} against PostgreSQL: the sample patients loaded into a
 * PostgreSQL store, Spark reading that store's snapshot, the reference SQL run by PostgreSQL. Runs when the build
 * starts a PostgreSQL server ({@code -Ppostgresql}, as {@code .ci/run} does), which sets {@code smartcc.test.pg.url}.
 * The same comparison on i2b2's demo data and i2b2's own test messages is part of
 * {@code warehouse.I2b2DemoCountsTest}, whose fixture loads that data into the same server.
 */
class PostgresPlannerDifferentialTest extends PatientSetPlannerTest {

    static Database postgres;

    @BeforeAll
    static void load() throws Exception {
        String url = System.getProperty("smartcc.test.pg.url", "");
        assumeTrue(!url.isBlank(), "no PostgreSQL server for this build (-Ppostgresql starts one)");
        postgres = Database.open(url, "smartcc", "smartcc");
        use(postgres, SampleStore.loadInto(postgres));
    }

    @AfterAll
    static void close() {
        if (postgres != null) {
            postgres.close();
        }
    }
}
