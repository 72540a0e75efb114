package org.smartcc.store;

import java.io.IOException;
import java.nio.file.Path;
import org.smartcc.store.application.RecordLoader;
import org.smartcc.store.domain.LoadResult;
import org.smartcc.store.domain.StoreSummary;
import org.smartcc.store.internal.jdbc.JdbcClinicalStore;
import org.smartcc.store.internal.rdf.SmartRecordMapper;

/**
 * The clinical store's front door over an open {@link Database}: loads SMART RDF/XML records into the star schema
 * and summarises what is stored. The loader, the mapping to facts and the JDBC writer behind it are internal.
 */
public final class ClinicalStore {

    /** The {@code patient_ide_source} of every SMART record in {@code patient_mapping}. */
    public static final String SOURCE = JdbcClinicalStore.SOURCE;
    /** The {@code project_id} of every SMART record in {@code patient_mapping}. */
    public static final String PROJECT = JdbcClinicalStore.PROJECT;

    private final JdbcClinicalStore store;
    private final RecordLoader loader;

    private ClinicalStore(JdbcClinicalStore store, SmartOntology ontology) {
        this.store = store;
        this.loader = new RecordLoader(new SmartRecordMapper(ontology), store);
    }

    /** The store in {@code database} (opened with {@link Database#open}, so the schema is in place). */
    public static ClinicalStore of(Database database) {
        return new ClinicalStore(new JdbcClinicalStore(database), SmartOntology.shared());
    }

    /**
     * Loads every {@code *.xml}/{@code *.rdf} file of a folder (not recursive), or one file; a bad file is reported in
     * the result and the others still load.
     */
    public LoadResult loadPath(Path path) throws IOException {
        return loader.loadPath(path);
    }

    /** Loads one record from RDF/XML content; unchanged content is a no-op. */
    public LoadResult load(String recordId, String sourceName, byte[] rdfXml) {
        return loader.load(recordId, sourceName, rdfXml);
    }

    public StoreSummary summary() {
        return store.summary();
    }
}
