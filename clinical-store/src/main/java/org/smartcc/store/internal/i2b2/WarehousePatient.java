package org.smartcc.store.internal.i2b2;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.smartcc.store.internal.rdf.SmartRecordMapper;

/**
 * One patient of an i2b2 warehouse: their {@code patient_dimension} row, {@code visit_dimension} rows and the
 * {@code observation_fact} rows the mapping reads (LOINC, ICD-9 and NDC facts), as read. Text columns are trimmed
 * (i2b2 declares some as CHAR) and empty text is null.
 */
public record WarehousePatient(Patient patient, List<Visit> visits, List<Fact> facts) {

    /** Changes whenever the mapping gives other statements for the same rows. */
    static final String MAPPING_VERSION = "i2b2-smart-mapping 2"; // 2: medications' instructions

    public record Patient(int patientNum, String sexCd, LocalDateTime birthDate, LocalDateTime deathDate, String zipCd,
                          String raceCd, String languageCd) {
    }

    public record Visit(int encounterNum, LocalDateTime startDate, LocalDateTime endDate, String inoutCd) {
    }

    public record Fact(int encounterNum, String conceptCd, String modifierCd, int instanceNum, LocalDateTime startDate,
                       LocalDateTime endDate, String valtypeCd, String tvalChar, BigDecimal nvalNum,
                       String valueflagCd, String unitsCd) {

        /** The code after the prefix: {@code 8302-2} of {@code LOINC:8302-2}. */
        public String code() {
            return conceptCd.substring(conceptCd.indexOf(':') + 1);
        }
    }

    public int patientNum() {
        return patient.patientNum();
    }

    public String recordId() {
        return String.valueOf(patient.patientNum());
    }

    /**
     * SHA-256 of the rows in the order read (by number, date and code), the concept names they use and the mapping
     * version: the same rows give the same hash, so an unchanged patient is not stored again.
     */
    public String sha256(Map<String, String> conceptNames) {
        StringBuilder text = new StringBuilder(MAPPING_VERSION).append('\n').append(patient).append('\n');
        visits.forEach(v -> text.append(v).append('\n'));
        TreeSet<String> codes = new TreeSet<>();
        for (Fact f : facts) {
            text.append(f).append('\n');
            codes.add(f.conceptCd());
        }
        codes.forEach(c -> text.append(c).append('=').append(conceptNames.get(c)).append('\n'));
        return SmartRecordMapper.sha256(text.toString());
    }
}
