package org.smartcc.api.infrastructure.population;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The tabular projections of the call table's collections, generated once for the application. */
@ApplicationScoped
public class TabularProducers {

    @Produces
    @Singleton
    TabularProjections projections() {
        return TabularProjections.shared();
    }
}
