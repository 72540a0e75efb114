package org.smartcc.engine.internal.spark;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.smartcc.engine.EndlessQuery;
import org.smartcc.engine.SharedSpark;

/** Job control of the local session: a cancel stops a running query, and its tasks show as progress meanwhile. */
class ClassicSparkJobsTest {

    @Test
    void aCancelStopsARunningQueryWhoseTasksShowAsProgress() throws Exception {
        SparkSession spark = SharedSpark.engine().spark();
        assertInstanceOf(ClassicSparkJobs.class, SparkJobs.of(spark));
        SparkJobs.TaskProgress seen = EndlessQuery.assertACancelStopsIt(spark);
        assertTrue(seen.total() > 0, "no running task was seen: " + seen);
    }
}
