package org.smartcc.api.interfaces.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.smartcc.api.application.ContainerState;
import org.smartcc.api.application.StartupLoad;

/** Ready once the clinical store is open and the sample data is loaded. */
@Readiness
@ApplicationScoped
public class ReadyCheck implements HealthCheck {

    @Inject
    StartupLoad startup;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("clinical-store")
                .status(startup.state() == ContainerState.READY)
                .withData("state", startup.state().name())
                .withData("message", startup.message())
                .build();
    }
}
