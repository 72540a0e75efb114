package org.smartcc.api.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.smartcc.records.RecordApi;
import org.smartcc.records.application.ClinicalNotePoster;
import org.smartcc.records.application.RecordReader;
import org.smartcc.records.application.RecordSearch;
import org.smartcc.records.application.ResponseCache;
import org.smartcc.records.domain.ApiCallTable;
import org.smartcc.store.Database;
import org.smartcc.store.SmartOntology;

/** The record API's services over the store: the call table read from the ontology, reader, poster and search. */
@ApplicationScoped
public class RecordProducers {

    /** One front door, so its statement repository's blob cache serves every reader. */
    @Produces
    @Singleton
    RecordApi records(Database database, ContainerSettings settings) {
        return RecordApi.open(database, SmartOntology.shared(), settings.documentsDirectory());
    }

    @Produces
    @Singleton
    ApiCallTable table() {
        return RecordApi.callTable(SmartOntology.shared());
    }

    @Produces
    @Singleton
    RecordReader reader(RecordApi records) {
        return records.reader();
    }

    @Produces
    @Singleton
    ClinicalNotePoster poster(RecordApi records) {
        return records.poster();
    }

    @Produces
    @Singleton
    RecordSearch search(RecordApi records) {
        return records.search();
    }

    /** Serialized record responses, {@code smartcc.records.cache-mb} megabytes (0 = off). */
    @Produces
    @Singleton
    ResponseCache cache(ContainerSettings settings) {
        return new ResponseCache(settings.recordCacheMegabytes() * 1024L * 1024L);
    }
}
