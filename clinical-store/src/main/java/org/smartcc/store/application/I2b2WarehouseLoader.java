package org.smartcc.store.application;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.smartcc.store.Database;
import org.smartcc.store.domain.ClinicalRecord;
import org.smartcc.store.domain.InvalidRecordException;
import org.smartcc.store.domain.LoadResult;
import org.smartcc.store.internal.i2b2.I2b2PatientGraph;
import org.smartcc.store.internal.i2b2.WarehousePatient;
import org.smartcc.store.internal.i2b2.WarehouseReader;
import org.smartcc.store.internal.jdbc.JdbcClinicalStore;
import org.smartcc.store.internal.rdf.SmartRecordMapper;

/**
 * Imports the patients of an i2b2 warehouse into the store as SMART records, one patient per transaction. The record
 * id is the warehouse's patient_num, and the record is stored under that patient_num, so that patient sets made on the
 * warehouse name the records. A patient with a row that cannot be mapped is rejected and the others still load; a
 * patient whose rows are unchanged since the last import is skipped.
 */
public final class I2b2WarehouseLoader {

    private static final Logger LOG = Logger.getLogger(I2b2WarehouseLoader.class.getName());
    /** The source of rejections that concern the warehouse, not one patient. */
    static final String WAREHOUSE = "i2b2 warehouse";

    private final SmartRecordMapper mapper;
    private final JdbcClinicalStore store;

    public I2b2WarehouseLoader(SmartRecordMapper mapper, JdbcClinicalStore store) {
        this.mapper = mapper;
        this.store = store;
    }

    /**
     * Imports every patient of {@code patient_dimension}. When the warehouse cannot be read, the result holds that
     * rejection (source {@value #WAREHOUSE}, code {@code I2B2_WAREHOUSE}) besides the patients imported until then.
     */
    public LoadResult load(Database warehouse) {
        List<String> loaded = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        List<LoadResult.Rejection> rejected = new ArrayList<>();
        try {
            Map<String, String> names = WarehouseReader.conceptNames(warehouse);
            WarehouseReader.read(warehouse, new WarehouseReader.Visitor() {
                @Override
                public void patient(WarehousePatient patient) {
                    importPatient(patient, names, loaded, unchanged, rejected);
                }

                @Override
                public void orphanRows(int patientNum, String table, int rows) {
                    rejected.add(new LoadResult.Rejection("patient_num " + patientNum, "I2B2_UNKNOWN_PATIENT", table
                            + ": " + rows + " rows of patient_num " + patientNum + ", which patient_dimension lacks"));
                }
            });
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "could not read the i2b2 warehouse", e);
            // the driver's message may name the warehouse's host, and rejections are shown on the public /status
            rejected.add(new LoadResult.Rejection(WAREHOUSE, "I2B2_WAREHOUSE", "the i2b2 warehouse could not be read"
                    + " (SQL state " + e.getSQLState() + "; the server log has the error)"));
        }
        return new LoadResult(loaded, unchanged, rejected);
    }

    private void importPatient(WarehousePatient patient, Map<String, String> names, List<String> loaded,
                               List<String> unchanged, List<LoadResult.Rejection> rejected) {
        String id = patient.recordId();
        try {
            String sha = patient.sha256(names);
            if (store.sourceHash(id).filter(sha::equals).isPresent()) {
                unchanged.add(id);
                return;
            }
            ClinicalRecord record = mapper.map(id, "i2b2:" + id, sha, I2b2PatientGraph.of(patient, names));
            store.replace(record, patient.patientNum());
            loaded.add(id);
        } catch (InvalidRecordException e) {
            LOG.warning(() -> "rejected i2b2 patient " + id + " [" + e.code() + "]: " + e.getMessage());
            rejected.add(new LoadResult.Rejection(id, e.code(), "patient_num " + id + ": " + e.getMessage()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not store i2b2 patient " + id, e);
            rejected.add(new LoadResult.Rejection(id, "STORE_FAILED", "patient_num " + id + ": could not be stored: "
                    + e.getMessage()));
        }
    }
}
