package org.smartcc.api.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.SortedSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.smartcc.records.RecordApi;
import org.smartcc.records.domain.ApiCallTable;
import org.smartcc.store.SmartOntology;

class ResourceRoutesTest {

    static final ApiCallTable CALLS = RecordApi.callTable(SmartOntology.shared());
    static final Set<String> ROUTES = ResourceRoutes.of(new ContainerApplication().getClasses(), CALLS).stream()
            .map(ResourceRoutes.Route::toString).collect(Collectors.toSet());

    @Test
    void theCatchAllRecordPathBecomesTheCallTablesRecordCalls() {
        assertEquals(Set.of("/records/{path}"), ResourceRoutes.catchAllTemplates(new ContainerApplication()
                .getClasses()));
        assertFalse(ROUTES.stream().anyMatch(r -> r.endsWith("/records/{path}")), "no catch-all left: " + ROUTES);
        long recordCalls = CALLS.calls().stream().filter(c -> c.path().template().startsWith("/records/")).count();
        assertTrue(recordCalls > 30, "the ontology has dozens of record calls: " + recordCalls);
        // the scratchpad has a resource of its own, which answers its calls under its own variable names
        assertEquals(java.util.List.of("DELETE /records/{record_id}/apps/{smart_app_id}/scratchpad",
                        "GET /records/{record_id}/apps/{smart_app_id}/scratchpad",
                        "PUT /records/{record_id}/apps/{smart_app_id}/scratchpad"),
                CALLS.calls().stream().filter(c -> c.path().template().startsWith("/records/"))
                        .map(c -> c.httpMethod() + " " + c.path().template()).filter(c -> !ROUTES.contains(c))
                        .sorted().toList());
        assertTrue(ROUTES.contains("GET /records/{record_id}/apps/{app_id}/scratchpad"), ROUTES.toString());
        assertTrue(ROUTES.contains("GET /records/{record_id}/medications/"), "a collection: " + ROUTES);
        assertTrue(ROUTES.contains("POST /records/{record_id}/clinical_notes/"), "a posted note: " + ROUTES);
    }

    @Test
    void resourceMethodsHaveTheirTemplateWithVariablesByNameAlone() {
        assertTrue(ROUTES.contains("POST /oauth/request_token"), ROUTES.toString());
        assertTrue(ROUTES.contains("POST /i2b2/services/QueryToolService/request"), ROUTES.toString());
        assertTrue(ROUTES.contains("GET /{users}/{user_id}/apps/{app_id}/preferences"), "regex variable by name: "
                + ROUTES);
        assertTrue(ROUTES.contains("DELETE /admin/tokens/{token}"), ROUTES.toString());
        assertFalse(ROUTES.stream().anyMatch(r -> r.contains(":") || r.contains("//")), ROUTES.toString());
    }

    @Test
    void routesAreSortedByPathThenMethod() {
        SortedSet<ResourceRoutes.Route> routes = ResourceRoutes.of(Set.of(ScratchpadResource.class), CALLS);
        assertEquals("[DELETE /records/{record_id}/apps/{app_id}/scratchpad, "
                + "GET /records/{record_id}/apps/{app_id}/scratchpad, PUT /records/{record_id}/apps/{app_id}/scratchpad]",
                routes.toString());
    }
}
