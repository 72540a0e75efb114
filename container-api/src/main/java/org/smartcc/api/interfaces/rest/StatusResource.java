package org.smartcc.api.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.smartcc.api.application.ContainerState;
import org.smartcc.api.application.StartupLoad;
import org.smartcc.engine.Snapshot;
import org.smartcc.records.application.ResponseCache;
import org.smartcc.store.ClinicalStore;
import org.smartcc.store.domain.LoadResult;
import org.smartcc.store.domain.StoreSummary;

/** {@code GET /status}: what the container is doing and what the store holds, in aggregate (no patient data). */
@Path("status")
@RequestScoped
public class StatusResource {

    @Inject
    StartupLoad startup;
    /** Through a provider, so that the status answers before the store is open, and when it could not be. */
    @Inject
    Provider<ClinicalStore> store;
    @Inject
    ResponseCache cache;

    /** The status document; {@code store} is null until the store is open. */
    public record Status(String state, String message, StoreSummary store, SnapshotView snapshot,
                         List<LoadResult.Rejection> rejectedSources, String recordResponseCache) {
    }

    /**
     * The snapshot step without the snapshot's location: it is public, and the location showed where the data and
     * the database file lie; {@code source} says whether it comes from the clinical store or an i2b2 warehouse, without
     * the warehouse's URL. The error names only the exception's class, as its message may hold a path too; the
     * administrator's {@code POST /admin/snapshots} answers with everything.
     */
    public record SnapshotView(String state, String source, SnapshotSummary snapshot, String error) {

        static SnapshotView of(StartupLoad.SnapshotStatus status, String source) {
            Snapshot s = status.snapshot();
            return new SnapshotView(status.state(), source, s == null ? null
                    : new SnapshotSummary(s.id(), s.createdAt().toString(), s.patientCount(), s.factCount()),
                    status.error() == null ? null
                            : status.error().replaceFirst("(?s):.*", "") + " (see the server log)");
        }
    }

    public record SnapshotSummary(String id, String createdAt, long patientCount, long factCount) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Status status() {
        ContainerState state = startup.state();
        StoreSummary summary = state == ContainerState.READY || state == ContainerState.LOADING
                ? store.get().summary() : null;
        return new Status(state.name(), startup.message(), summary, SnapshotView.of(startup.snapshot(), startup.snapshotSource()),
                startup.rejections(), cache.stats());
    }
}
