package org.smartcc.api.interfaces.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.sql.Connection;
import java.sql.SQLException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.smartcc.api.application.ContainerState;
import org.smartcc.api.application.StartupLoad;
import org.smartcc.store.Database;

/**
 * Ready once the clinical store is open and the sample data is loaded, and while the database answers. The database
 * is asked only after the start-up has opened it, so that a probe never opens or migrates it itself.
 */
@Readiness
@ApplicationScoped
public class ReadyCheck implements HealthCheck {

    @Inject
    StartupLoad startup;
    @Inject
    Provider<Database> database;

    @Override
    public HealthCheckResponse call() {
        boolean ready = startup.state() == ContainerState.READY;
        String message = ready ? databaseProblem() : startup.message();
        return HealthCheckResponse.named("clinical-store")
                .status(ready && message == null)
                .withData("state", startup.state().name())
                .withData("message", message == null ? startup.message() : message)
                .build();
    }

    /** Null when a pooled connection is valid, else why not (the driver's message names no credentials). */
    private String databaseProblem() {
        try (Connection connection = database.get().dataSource().getConnection()) {
            return connection.isValid(2) ? null : "the database does not answer";
        } catch (SQLException e) {
            return "the database does not answer: " + e.getMessage();
        }
    }
}
