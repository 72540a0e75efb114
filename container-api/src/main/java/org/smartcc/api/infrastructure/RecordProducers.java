package org.smartcc.api.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.smartcc.records.application.ClinicalNotePoster;
import org.smartcc.records.application.DocumentFiles;
import org.smartcc.records.application.RecordReader;
import org.smartcc.records.application.RecordSearch;
import org.smartcc.records.application.ResponseCache;
import org.smartcc.records.domain.ApiCallTable;
import org.smartcc.records.infrastructure.DirectoryDocumentFiles;
import org.smartcc.records.infrastructure.JdbcStatementRepository;
import org.smartcc.records.infrastructure.OntologyApiCalls;
import org.smartcc.store.infrastructure.jdbc.Database;
import org.smartcc.store.infrastructure.rdf.SmartOntology;

/** The record API's services over the store: the call table read from the ontology, reader, poster and search. */
@ApplicationScoped
public class RecordProducers {

    /** One repository, so its blob cache serves every reader. */
    @Produces
    @Singleton
    JdbcStatementRepository repository(Database database) {
        return new JdbcStatementRepository(database);
    }

    @Produces
    @Singleton
    ApiCallTable table() {
        return OntologyApiCalls.table(SmartOntology.shared());
    }

    @Produces
    @Singleton
    RecordReader reader(JdbcStatementRepository repository, ContainerSettings settings) {
        DocumentFiles files = settings.documentsDirectory().<DocumentFiles>map(DirectoryDocumentFiles::new)
                .orElse(DocumentFiles.none());
        return new RecordReader(repository, SmartOntology.shared(), files);
    }

    @Produces
    @Singleton
    ClinicalNotePoster poster(JdbcStatementRepository repository) {
        return new ClinicalNotePoster(repository, SmartOntology.shared());
    }

    @Produces
    @Singleton
    RecordSearch search(JdbcStatementRepository repository) {
        return new RecordSearch(repository);
    }

    /** Serialized record responses, {@code smartcc.records.cache-mb} megabytes (0 = off). */
    @Produces
    @Singleton
    ResponseCache cache(ContainerSettings settings) {
        return new ResponseCache(settings.recordCacheMegabytes() * 1024L * 1024L);
    }
}
