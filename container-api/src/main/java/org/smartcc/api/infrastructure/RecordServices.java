package org.smartcc.api.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.smartcc.records.RecordApi;
import org.smartcc.records.application.ClinicalNotePoster;
import org.smartcc.records.application.RecordReader;
import org.smartcc.records.application.RecordSearch;
import org.smartcc.records.application.ResponseCache;
import org.smartcc.records.domain.ApiCallTable;
import org.smartcc.store.SmartOntology;

/** The record API's services over the store: the call table read from the ontology, reader, poster and search. */
@ApplicationScoped
public class RecordServices {

    @Inject
    ContainerSettings settings;
    @Inject
    StoreResources resources;

    private ApiCallTable table;
    private RecordApi api;
    private ResponseCache cache;

    /** One front door, so its statement repository's blob cache serves every reader. */
    private synchronized RecordApi api() {
        if (api == null) {
            api = RecordApi.open(resources.database(), SmartOntology.shared(), settings.documentsDirectory());
        }
        return api;
    }

    public synchronized ApiCallTable table() {
        if (table == null) {
            table = RecordApi.callTable(SmartOntology.shared());
        }
        return table;
    }

    public RecordReader reader() {
        return api().reader();
    }

    public ClinicalNotePoster poster() {
        return api().poster();
    }

    public RecordSearch search() {
        return api().search();
    }

    /** Serialized record responses, {@code smartcc.records.cache-mb} megabytes (0 = off). */
    public synchronized ResponseCache cache() {
        if (cache == null) {
            cache = new ResponseCache(settings.recordCacheMegabytes() * 1024L * 1024L);
        }
        return cache;
    }
}
