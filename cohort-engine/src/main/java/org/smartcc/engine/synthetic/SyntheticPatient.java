package org.smartcc.engine.synthetic;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.smartcc.store.ClinicalStore;

/**
 * One synthetic patient: demographics, visits over ten years and about {@code factsPerPatient} facts, all derived from
 * (seed, patient index) alone. Each part draws from its own random stream, so the patient rows can be made without
 * the facts and every row comes out the same however Spark splits the patients.
 */
final class SyntheticPatient {

    static final String SOURCE = "SYNTHETIC";
    static final String PROJECT = "SMARTCC";
    /** The identifier source of SMART records in patient_mapping and encounter_mapping (the SMART loader's). */
    static final String SMART_SOURCE = ClinicalStore.SOURCE;
    /** Visit slots per patient: encounter_num = patient_num * 128 + visit index, unique without a sequence. */
    static final int MAX_VISITS = 128;
    static final List<String> ENCOUNTER_TYPES = List.of("ambulatory", "emergency", "inpatient");
    static final List<String> STATEMENT_TYPES = List.of("Demographics", "Encounter", "VitalSignSet", "LabResult",
            "Medication", "Fulfillment", "Problem", "Procedure", "Immunization", "Allergy", "AllergyExclusion",
            "SocialHistory");

    static final LocalDate WINDOW_START = LocalDate.of(2015, 1, 1);
    static final LocalDate WINDOW_END = LocalDate.of(2024, 12, 31);
    /** Ages are as of this day, not today, so that a seed gives the same rows next year. */
    static final LocalDate AS_OF = LocalDate.of(2025, 1, 1);
    private static final double FACTS_PER_VISIT = 20;

    private static final WeightedChoice<String> RACES = WeightedChoice.of(
            List.of("white", "black", "asian", "other", "native", "hawaiian"), new double[] {70, 13, 6, 9, 1, 1});
    private static final WeightedChoice<String> LANGUAGES = WeightedChoice.of(
            List.of("en", "es", "zh", "vi", "fr"), new double[] {86, 10, 2, 1, 1});
    private static final WeightedChoice<String> MARITAL = WeightedChoice.of(
            List.of("married", "single", "divorced", "widowed"), new double[] {50, 30, 12, 8});
    private static final WeightedChoice<String> ZIPS = WeightedChoice.zipf(zipCodes(), 0.8);
    private static final WeightedChoice<String> VISIT_TYPES = WeightedChoice.of(ENCOUNTER_TYPES,
            new double[] {86, 9, 5});

    private final CodeCatalogue catalogue;
    private final long seed;
    private final long index;
    private final int patientNum;
    private final int factsPerPatient;
    private final char sex;
    private final LocalDate birthDate;
    private final LocalDate deathDate;
    private final Object[] patientRow;
    /** The patient's SMART record, or null when synthetic patients are no SMART records. */
    private final SmartRecordRdf record;

    SyntheticPatient(CodeCatalogue catalogue, long seed, long index, int patientNum, int factsPerPatient,
                     boolean smartRecord) {
        this.catalogue = catalogue;
        this.record = smartRecord ? new SmartRecordRdf(catalogue, patientNum) : null;
        this.seed = seed;
        this.index = index;
        this.patientNum = patientNum;
        this.factsPerPatient = factsPerPatient;
        SplittableRandom r = stream(0);
        sex = r.nextDouble() < 0.51 ? 'F' : 'M';
        int age = drawAge(r);
        birthDate = AS_OF.minusYears(age).minusDays(r.nextInt(365));
        double deathRisk = Math.min(0.5, Math.pow(age / 100.0, 4) * 0.6);
        LocalDate firstDay = birthDate.isAfter(WINDOW_START) ? birthDate : WINDOW_START;
        deathDate = r.nextDouble() < deathRisk
                ? firstDay.plusDays(1 + r.nextLong(Math.max(1, ChronoUnit.DAYS.between(firstDay, WINDOW_END)))) : null;
        int ageNow = (int) ChronoUnit.YEARS.between(birthDate, deathDate == null ? AS_OF : deathDate);
        patientRow = new Object[] {patientNum, deathDate == null ? "N" : "Y", timestamp(birthDate),
            deathDate == null ? null : timestamp(deathDate), String.valueOf(sex), ageNow, LANGUAGES.draw(r),
            RACES.draw(r), ageNow < 18 ? "single" : MARITAL.draw(r), null, ZIPS.draw(r), null, null, SOURCE};
    }

    int patientNum() {
        return patientNum;
    }

    /** A row of {@code patient_dimension} in {@link SyntheticSchema#PATIENT_DIMENSION} order. */
    Object[] patientRow() {
        return patientRow;
    }

    /** As the SMART loader maps a record ({@code S<patient_num>}, source SMART), or by patient_num (SYNTHETIC). */
    Object[] patientMappingRow() {
        return record != null
                ? new Object[] {SmartRecordRdf.recordId(patientNum), SMART_SOURCE, patientNum, "Active", PROJECT}
                : new Object[] {String.valueOf(patientNum), SOURCE, patientNum, "Active", PROJECT};
    }

    boolean smartRecord() {
        return record != null;
    }

    /**
     * The {@code record_source} row of a SMART record (patient_num, record_id, source_name, source_sha256,
     * statement_count, loaded_at): the record API reads a record's version from it. The hash stands for the content,
     * which (seed, index, facts per patient) determine.
     */
    Object[] recordSourceRow(int statements, Timestamp loadedAt) {
        return new Object[] {patientNum, SmartRecordRdf.recordId(patientNum), "synthetic seed " + seed,
            sha256("smartcc-synthetic/1\n" + seed + '\n' + index + '\n' + factsPerPatient), statements, loadedAt};
    }

    /** The patient's visits, in date order; visit i has encounter_num patient_num * 128 + i. */
    List<Visit> visits() {
        SplittableRandom r = stream(1);
        double spread = Math.exp(r.nextGaussian() * 0.45 - 0.45 * 0.45 / 2);
        int count = (int) Math.max(1, Math.min(MAX_VISITS, Math.round(factsPerPatient * spread / FACTS_PER_VISIT)));
        LocalDate from = birthDate.isAfter(WINDOW_START) ? birthDate : WINDOW_START;
        LocalDate to = deathDate != null ? deathDate : WINDOW_END;
        long days = Math.max(1, ChronoUnit.DAYS.between(from, to));
        long[] offsets = new long[count];
        for (int i = 0; i < count; i++) {
            offsets[i] = r.nextLong(days);
        }
        Arrays.sort(offsets);
        List<Visit> visits = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String type = VISIT_TYPES.draw(r);
            int stay = type.equals("inpatient") ? 1 + r.nextInt(9) : 0;
            LocalDateTime start = from.plusDays(offsets[i]).atTime(7 + r.nextInt(11), r.nextInt(60));
            LocalDateTime end = type.equals("inpatient") ? start.plusDays(stay) : start.plusMinutes(20 + r.nextInt(70));
            visits.add(new Visit(patientNum * MAX_VISITS + i, type, stay, Timestamp.valueOf(start),
                    Timestamp.valueOf(end), factsPerPatient * spread));
        }
        return visits;
    }

    static Object[] visitRow(Visit v, int patientNum) {
        return new Object[] {v.encounterNum(), patientNum, "Active", v.start(), v.end(), v.inOutCode(), null, null,
            v.lengthOfStay(), SOURCE};
    }

    /** A SMART record's visit is mapped by its encounter statement's id, as the SMART loader maps it. */
    Object[] encounterMappingRow(Visit v) {
        return record != null
                ? new Object[] {record.statementId("Encounter", v.encounterNum()), SMART_SOURCE, PROJECT,
                    v.encounterNum(), SmartRecordRdf.recordId(patientNum), SMART_SOURCE, "Active"}
                : new Object[] {String.valueOf(v.encounterNum()), SOURCE, PROJECT, v.encounterNum(),
                    String.valueOf(patientNum), SOURCE, "Active"};
    }

    /** Emits every fact of the patient, in {@link SyntheticSchema#OBSERVATION_FACT} order; returns the statements. */
    int facts(List<Visit> visits, Consumer<Object[]> out) {
        return facts(visits, out, false);
    }

    /**
     * As {@link #facts(List, Consumer)}; with {@code blobs}, a SMART record's statement facts also carry their RDF
     * as an 18th column (observation_blob).
     */
    int facts(List<Visit> visits, Consumer<Object[]> out, boolean blobs) {
        return new FactWriter(catalogue, stream(2), this, out, record, blobs, blobs ? stream(3) : null).write(visits);
    }

    char sex() {
        return sex;
    }

    LocalDate birthDate() {
        return birthDate;
    }

    /** A random stream of its own for each (seed, patient, part): SplitMix64 finalisers keep them independent. */
    private SplittableRandom stream(int part) {
        return new SplittableRandom(mix(mix(seed) ^ mix(index * 4 + part + 0x9E3779B97F4A7C15L)));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Ages 0 to 99: flat to 65, then fewer and fewer, roughly a population pyramid. */
    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int drawAge(SplittableRandom r) {
        while (true) {
            int age = r.nextInt(100);
            double keep = age < 65 ? 1 : (100 - age) / 35.0;
            if (r.nextDouble() < keep) {
                return age;
            }
        }
    }

    static Timestamp timestamp(LocalDate day) {
        return Timestamp.valueOf(day.atStartOfDay());
    }

    static BigDecimal decimal(double value, int decimals) {
        long scaled = Math.round(value * Math.pow(10, decimals));
        return BigDecimal.valueOf(scaled * (long) Math.pow(10, 5 - decimals), 5);
    }

    private static List<String> zipCodes() {
        Set<String> zips = new LinkedHashSet<>();
        for (int i = 0; i < 40; i++) {
            zips.add(String.format("74%03d", 8 + i * 7));
        }
        return List.copyOf(zips);
    }

    /** A planned visit; {@code patientBudget} is the patient's total fact budget, shared out across visits. */
    record Visit(int encounterNum, String type, int lengthOfStay, Timestamp start, Timestamp end,
                 double patientBudget) {

        String inOutCode() {
            return switch (type) {
                case "inpatient" -> "I";
                case "emergency" -> "E";
                default -> "O";
            };
        }
    }
}
