package org.smartcc.api.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.smartcc.api.application.Auditor;
import org.smartcc.api.application.PopulationAudit;
import org.smartcc.api.application.PopulationCursors;
import org.smartcc.api.application.PopulationReads;
import org.smartcc.api.application.PopulationSets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.smartcc.api.infrastructure.population.PopulationCollections;
import org.smartcc.api.infrastructure.population.PopulationExporter;
import org.smartcc.api.infrastructure.population.PopulationStream;
import org.smartcc.records.application.RecordReader;
import org.smartcc.records.domain.ApiCallTable;
import org.smartcc.store.Database;
import org.smartcc.store.SmartOntology;

/**
 * Population reads (issue 15): the sets and their audit in the database, the cursor's secret, the record stream, and
 * the exports with their worker.
 */
@ApplicationScoped
public class PopulationProducers {

    /** The name of the stored secret cursors are signed with, unless one is configured. */
    static final String CURSOR_SECRET = "population-cursor";

    @Produces
    @Singleton
    PopulationSets sets(Database database) {
        return new JdbcPopulationSets(database);
    }

    /** The audit every population feature writes to (streamed reads, exports, aggregates). */
    @Produces
    @Singleton
    PopulationAudit audit(Database database) {
        return new JdbcPopulationAudit(database);
    }

    @Produces
    @Singleton
    PopulationReads reads(PopulationSets sets, PopulationAudit audit, Auditor auditor, ContainerSettings settings,
                          Database database) {
        byte[] secret = settings.populationCursorSecret().map(s -> s.getBytes(StandardCharsets.UTF_8))
                .orElseGet(() -> new StoredSecrets(database).secret(CURSOR_SECRET));
        return new PopulationReads(sets, audit, auditor, new PopulationCursors(secret),
                settings.populationPageRecords(), Clock.systemUTC());
    }

    @Produces
    @Singleton
    PopulationCollections collections(ApiCallTable table) {
        return PopulationCollections.of(table, SmartOntology.shared());
    }

    @Produces
    @Singleton
    PopulationStream stream(RecordReader reader) {
        return new PopulationStream(reader);
    }

    /**
     * Exports, written by one worker thread that stops with the application (before the database closes: it was
     * opened after it); the thread keeps the application's class loader, as the request threads have it.
     */
    @Produces
    @Singleton
    PopulationExporter exporter(Database database, PopulationSets sets, PopulationReads reads,
                                PopulationCollections collections, PopulationStream stream, ContainerSettings settings,
                                OpenResources resources) {
        ClassLoader application = Thread.currentThread().getContextClassLoader();
        ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "smartcc-export");
            thread.setContextClassLoader(application);
            thread.setDaemon(true);
            return thread;
        });
        return resources.closeOnStop(new PopulationExporter(new JdbcExportStore(database), sets, reads, collections,
                stream, new PopulationExporter.Settings(settings.exportDirectory(), settings.exportMaxFileBytes(),
                settings.exportTtl()), worker, Clock.systemUTC()));
    }
}
