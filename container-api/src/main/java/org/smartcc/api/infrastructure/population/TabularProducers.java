package org.smartcc.api.infrastructure.population;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.smartcc.records.domain.ApiCallTable;
import org.smartcc.store.SmartOntology;

/** The tabular projections of the call table's collections, generated once for the application. */
@ApplicationScoped
public class TabularProducers {

    @Produces
    @Singleton
    TabularProjections projections(ApiCallTable table) {
        return TabularProjections.of(table, SmartOntology.shared());
    }
}
