package org.smartcc.api.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.smartcc.records.application.ClinicalNotePoster;
import org.smartcc.records.application.DocumentFiles;
import org.smartcc.records.application.RecordReader;
import org.smartcc.records.application.RecordSearch;
import org.smartcc.records.application.ResponseCache;
import org.smartcc.records.domain.ApiCallTable;
import org.smartcc.records.infrastructure.DirectoryDocumentFiles;
import org.smartcc.records.infrastructure.JdbcStatementRepository;
import org.smartcc.records.infrastructure.OntologyApiCalls;
import org.smartcc.store.SmartOntology;

/** The record API's services over the store: the call table read from the ontology, reader, poster and search. */
@ApplicationScoped
public class RecordServices {

    @Inject
    ContainerSettings settings;
    @Inject
    StoreResources resources;

    private ApiCallTable table;
    private RecordReader reader;
    private ClinicalNotePoster poster;
    private RecordSearch search;
    private JdbcStatementRepository repository;
    private ResponseCache cache;

    /** One repository, so its blob cache serves every reader. */
    private synchronized JdbcStatementRepository repository() {
        if (repository == null) {
            repository = new JdbcStatementRepository(resources.database());
        }
        return repository;
    }

    public synchronized ApiCallTable table() {
        if (table == null) {
            table = OntologyApiCalls.table(SmartOntology.shared());
        }
        return table;
    }

    public synchronized RecordReader reader() {
        if (reader == null) {
            DocumentFiles files = settings.documentsDirectory().<DocumentFiles>map(DirectoryDocumentFiles::new)
                    .orElse(DocumentFiles.none());
            reader = new RecordReader(repository(), SmartOntology.shared(), files);
        }
        return reader;
    }

    public synchronized ClinicalNotePoster poster() {
        if (poster == null) {
            poster = new ClinicalNotePoster(repository(), SmartOntology.shared());
        }
        return poster;
    }

    public synchronized RecordSearch search() {
        if (search == null) {
            search = new RecordSearch(repository());
        }
        return search;
    }

    /** Serialized record responses, {@code smartcc.records.cache-mb} megabytes (0 = off). */
    public synchronized ResponseCache cache() {
        if (cache == null) {
            cache = new ResponseCache(settings.recordCacheMegabytes() * 1024L * 1024L);
        }
        return cache;
    }
}
