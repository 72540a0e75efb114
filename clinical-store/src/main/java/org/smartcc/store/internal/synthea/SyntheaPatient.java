package org.smartcc.store.internal.synthea;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.smartcc.store.internal.rdf.SmartRecordMapper;

/** One patient's rows of a Synthea export; {@code id} is the Synthea patient Id, which becomes the record id. */
public record SyntheaPatient(String id, Map<SyntheaFile, List<CsvRow>> rowsByFile) {

    /**
     * Bump when the mapping changes, so that a reload of unchanged CSV files still replaces records mapped the old
     * way.
     */
    static final String MAPPING_VERSION = "synthea-smart-0.6/1";

    public List<CsvRow> rows(SyntheaFile file) {
        return rowsByFile.getOrDefault(file, List.of());
    }

    /**
     * SHA-256 of the patient's rows of every file the mapping reads: per file in a fixed order, the rows sorted, so
     * that reordered rows or lines of other patients do not count as a change (line numbers are left out for the
     * same reason).
     */
    public String sha256() {
        StringBuilder text = new StringBuilder(MAPPING_VERSION).append('\n');
        for (SyntheaFile file : SyntheaFile.values()) {
            List<String> rows = new ArrayList<>();
            for (CsvRow row : rows(file)) {
                rows.add(String.join("\u001f", row.values().values()));
            }
            rows.sort(null);
            text.append(file.fileName()).append('\n');
            rows.forEach(r -> text.append(r).append('\n'));
        }
        return SmartRecordMapper.sha256(text.toString());
    }
}
