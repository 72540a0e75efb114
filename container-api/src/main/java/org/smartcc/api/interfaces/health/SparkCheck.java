package org.smartcc.api.interfaces.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.smartcc.api.application.StartupLoad;
import org.smartcc.engine.CohortEngine;

/**
 * The cohort engine's side: the latest Parquet snapshot and the Spark connection (a local or standalone session, or a
 * Spark Connect server). Down when the snapshot failed or Spark cannot take jobs, with the reason; a snapshot still
 * being written is up, as the record API serves meanwhile, and says so in its data.
 */
@Readiness
@ApplicationScoped
public class SparkCheck implements HealthCheck {

    @Inject
    StartupLoad startup;
    @Inject
    Provider<CohortEngine> engine;

    @Override
    public HealthCheckResponse call() {
        StartupLoad.SnapshotStatus snapshot = startup.snapshot();
        // Spark is started by the first snapshot: before it, there is no session to ask
        Optional<String> spark = snapshot.state().equals("PENDING") ? Optional.empty() : engine.get().sparkProblem();
        boolean failed = snapshot.state().equals("FAILED");
        var response = HealthCheckResponse.named("cohort-engine")
                .status(!failed && spark.isEmpty())
                .withData("snapshot", snapshot.state())
                .withData("spark", spark.orElse(snapshot.state().equals("PENDING") ? "not started" : "up"));
        if (snapshot.snapshot() != null) {
            response.withData("snapshotId", snapshot.snapshot().id());
        }
        if (failed) {
            response.withData("message", "the snapshot failed: " + snapshot.error());
        }
        return response.build();
    }
}
