package org.smartcc.engine;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.smartcc.engine.query.spark.PatientSetPlanner;

/** What every path to a Spark of other JVMs must do with the sample store: snapshot it whole, answer as SQL does. */
abstract class RemoteSparkContract {

    /** The engine whose Spark runs elsewhere. */
    abstract CohortEngine engine();

    /** The snapshot that engine wrote of {@link ClusterTestStore}. */
    abstract Snapshot snapshot();

    @Test
    void snapshotHoldsWhatTheStoreHolds() throws SQLException {
        ClusterTestStore.assertSnapshotHoldsTheStore(snapshot());
    }

    @Test
    void queryAnswersEqualSqlOnTheStore() throws SQLException {
        ClusterTestStore.assertQueriesMatchTheStore(new PatientSetPlanner(engine().spark(), snapshot()));
    }
}
