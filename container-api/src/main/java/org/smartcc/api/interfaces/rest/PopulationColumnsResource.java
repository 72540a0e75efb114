package org.smartcc.api.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.smartcc.api.infrastructure.population.PopulationCollections;

/**
 * The columns of every collection's tabular projection (the CSV and Parquet population formats), generated from the
 * ontology: {@code {"medications": ["record_id", "statement", ...], ...}}, collections in name order. A cohort user's
 * call, like the rest of {@code /cohort} ({@link CohortUser}); the columns are also in docs/population.md.
 */
@Path("cohort/population")
@CohortUser
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PopulationColumnsResource {

    @Inject
    PopulationCollections collections;

    @GET
    @Path("columns")
    public Map<String, List<String>> columns() {
        Map<String, List<String>> all = new LinkedHashMap<>();
        collections.columnsByName().forEach((collection, columns) -> all.put(collection, columns.names()));
        return all;
    }
}
