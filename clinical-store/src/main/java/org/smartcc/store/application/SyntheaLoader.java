package org.smartcc.store.application;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.smartcc.store.domain.ClinicalRecord;
import org.smartcc.store.domain.InvalidRecordException;
import org.smartcc.store.domain.LoadResult;
import org.smartcc.store.internal.jdbc.JdbcClinicalStore;
import org.smartcc.store.internal.rdf.SmartRecordMapper;
import org.smartcc.store.internal.synthea.CsvRow;
import org.smartcc.store.internal.synthea.SyntheaExport;
import org.smartcc.store.internal.synthea.SyntheaPatient;
import org.smartcc.store.internal.synthea.SyntheaPatientGraph;

/**
 * Loads a Synthea CSV export into the store as SMART records, one patient per transaction; the record id is the
 * Synthea patient Id. A patient with a row that cannot be mapped is rejected with the file, line and problem and the
 * others still load; a patient whose rows are unchanged since the last load is skipped.
 */
public final class SyntheaLoader {

    private static final Logger LOG = Logger.getLogger(SyntheaLoader.class.getName());

    private final SmartRecordMapper mapper;
    private final JdbcClinicalStore store;

    public SyntheaLoader(SmartRecordMapper mapper, JdbcClinicalStore store) {
        this.mapper = mapper;
        this.store = store;
    }

    /**
     * Loads the patients of an export folder. When a file is missing or unreadable nothing is loaded and the result
     * holds that one rejection (source: the folder).
     */
    public LoadResult loadFolder(Path csvFolder) throws IOException {
        SyntheaExport export;
        try {
            export = SyntheaExport.read(csvFolder);
        } catch (InvalidRecordException e) {
            LOG.warning(() -> "rejected " + csvFolder + " [" + e.code() + "]: " + e.getMessage());
            return new LoadResult(List.of(), List.of(),
                    List.of(new LoadResult.Rejection(csvFolder.toString(), e.code(), e.getMessage())));
        }
        List<String> loaded = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        List<LoadResult.Rejection> rejected = new ArrayList<>();
        String folderName = String.valueOf(csvFolder.toAbsolutePath().normalize().getFileName());
        for (SyntheaPatient patient : export.patients()) {
            try {
                String sha = patient.sha256();
                if (store.sourceHash(patient.id()).filter(sha::equals).isPresent()) {
                    unchanged.add(patient.id());
                    continue;
                }
                ClinicalRecord record = mapper.map(patient.id(), folderName + ":" + patient.id(), sha,
                        SyntheaPatientGraph.of(patient));
                store.replace(record);
                loaded.add(patient.id());
            } catch (InvalidRecordException e) {
                LOG.warning(() -> "rejected Synthea patient " + patient.id() + " [" + e.code() + "]: " + e.getMessage());
                rejected.add(new LoadResult.Rejection(patient.id(), e.code(), e.getMessage()));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not store Synthea patient " + patient.id(), e);
                rejected.add(new LoadResult.Rejection(patient.id(), "STORE_FAILED",
                        "patient " + patient.id() + ": could not be stored: " + e.getMessage()));
            }
        }
        for (CsvRow row : export.unattributedRows()) {
            InvalidRecordException problem = SyntheaExport.unattributedProblem(row);
            rejected.add(new LoadResult.Rejection(row.where(), problem.code(), problem.getMessage()));
        }
        return new LoadResult(loaded, unchanged, rejected);
    }
}
