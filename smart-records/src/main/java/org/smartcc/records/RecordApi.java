package org.smartcc.records;

import java.nio.file.Path;
import java.util.Optional;
import org.smartcc.records.application.ClinicalNotePoster;
import org.smartcc.records.application.DocumentFiles;
import org.smartcc.records.application.RecordReader;
import org.smartcc.records.application.RecordSearch;
import org.smartcc.records.domain.ApiCallTable;
import org.smartcc.records.internal.DirectoryDocumentFiles;
import org.smartcc.records.internal.JdbcStatementRepository;
import org.smartcc.records.internal.OntologyApiCalls;
import org.smartcc.store.Database;
import org.smartcc.store.SmartOntology;

/**
 * The SMART record API's front door: the call table read from the ontology, and the reader, note poster and record
 * search over the clinical store, wired to one JDBC statement repository (so its blob cache serves them all).
 */
public final class RecordApi {

    private final RecordReader reader;
    private final ClinicalNotePoster poster;
    private final RecordSearch search;

    private RecordApi(JdbcStatementRepository repository, SmartOntology ontology, DocumentFiles files) {
        this.reader = new RecordReader(repository, ontology, files);
        this.poster = new ClinicalNotePoster(repository, ontology);
        this.search = new RecordSearch(repository);
    }

    /**
     * @param database           a database opened with {@link Database#open}, so the star schema is in place
     * @param documentsDirectory the folder that holds the records' document files ({@code {record}/{file}}), or
     *                           empty when there are none
     */
    public static RecordApi open(Database database, SmartOntology ontology, Optional<Path> documentsDirectory) {
        DocumentFiles files = documentsDirectory.<DocumentFiles>map(DirectoryDocumentFiles::new)
                .orElse(DocumentFiles.none());
        return new RecordApi(new JdbcStatementRepository(database), ontology, files);
    }

    /** The SMART calls the ontology defines, with their paths, filters and paging. */
    public static ApiCallTable callTable(SmartOntology ontology) {
        return OntologyApiCalls.table(ontology);
    }

    public RecordReader reader() {
        return reader;
    }

    public ClinicalNotePoster poster() {
        return poster;
    }

    public RecordSearch search() {
        return search;
    }
}
