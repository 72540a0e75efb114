package org.smartcc.store;

import java.io.IOException;
import java.nio.file.Path;
import org.smartcc.store.application.I2b2WarehouseLoader;
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
    private final I2b2WarehouseLoader warehouseLoader;

    private ClinicalStore(JdbcClinicalStore store, SmartOntology ontology) {
        this.store = store;
        SmartRecordMapper mapper = new SmartRecordMapper(ontology);
        this.loader = new RecordLoader(mapper, store);
        this.warehouseLoader = new I2b2WarehouseLoader(mapper, store);
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

    /**
     * Imports the patients of an i2b2 warehouse (its CRC tables, read only) as SMART records: record id and patient_num
     * are the warehouse's patient_num (docs/i2b2-smart-mapping.md). One patient per transaction; a patient that cannot
     * be mapped is rejected with a code and message and the others load; unchanged patients are skipped.
     */
    public LoadResult loadI2b2Warehouse(Database warehouse) {
        return warehouseLoader.load(warehouse);
    }

    public StoreSummary summary() {
        return store.summary();
    }
}
