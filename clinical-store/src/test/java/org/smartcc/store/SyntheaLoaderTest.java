package org.smartcc.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartcc.store.Database;
import org.smartcc.store.SmartOntology;
import org.smartcc.store.application.SyntheaLoader;
import org.smartcc.store.domain.LoadResult;
import org.smartcc.store.domain.StoreSummary;
import org.smartcc.store.internal.jdbc.JdbcClinicalStore;
import org.smartcc.store.internal.rdf.SmartRecordMapper;

class SyntheaLoaderTest {

    /** The LOINC codes of vital signs that have a slot in sp:VitalSignSet (spec §3.4), as Synthea writes them. */
    private static final Set<String> VITAL_SLOT_CODES = Set.of("8302-2", "29463-7", "39156-5", "8480-6", "8462-4",
            "8867-4", "9279-1", "8310-5", "2708-6", "59408-5", "9843-4");

    @TempDir
    static Path dir;
    static Database db;
    static JdbcClinicalStore store;
    static SyntheaLoader loader;
    static LoadResult firstLoad;

    @BeforeAll
    static void loadExport() throws Exception {
        db = Database.open(Database.h2FileUrl(dir.resolve("store")), "sa", "");
        store = new JdbcClinicalStore(db);
        loader = new SyntheaLoader(new SmartRecordMapper(SmartOntology.shared()), store);
        firstLoad = loader.loadFolder(export());
    }

    @AfterAll
    static void close() {
        db.close();
    }

    static Path export() {
        return SampleData.shared().resolve("cohort-data/synthea-27-patients-csv");
    }

    @Test
    void loadsAllTwentySevenPatients() {
        assertEquals(List.of(), firstLoad.rejected());
        assertEquals(27, firstLoad.loaded().size());
        assertEquals(27, store.summary().records());
    }

    /** The expected numbers come from the CSV files directly, one statement per row unless noted. */
    @Test
    void statementCountsPerTypeEqualTheCsvFiles() throws Exception {
        Map<String, Long> expected = new TreeMap<>();
        expected.put("Demographics", (long) rows("patients.csv").size());
        expected.put("Encounter", (long) rows("encounters.csv").size());
        expected.put("Problem", (long) rows("conditions.csv").size());
        expected.put("Medication", (long) rows("medications.csv").size());
        expected.put("Immunization", (long) rows("immunizations.csv").size());
        expected.put("Procedure", (long) rows("procedures.csv").size());
        expected.put("Allergy", (long) rows("allergies.csv").size());
        List<CSVRecord> observations = rows("observations.csv");
        expected.put("LabResult", observations.stream().filter(r -> r.get("CATEGORY").equals("laboratory")).count());
        // One vital sign set per patient, encounter and time that has at least one vital sign with a SMART slot.
        Set<String> vitalSets = new HashSet<>();
        observations.stream()
                .filter(r -> r.get("CATEGORY").equals("vital-signs") && VITAL_SLOT_CODES.contains(r.get("CODE")))
                .forEach(r -> vitalSets.add(r.get("PATIENT") + r.get("ENCOUNTER") + r.get("DATE")));
        expected.put("VitalSignSet", (long) vitalSets.size());
        expected.values().removeIf(v -> v == 0);
        assertEquals(expected, store.summary().statementsByType());
    }

    @Test
    void loadingTwiceChangesNothing() throws Exception {
        StoreSummary before = store.summary();
        LoadResult again = loader.loadFolder(export());
        assertEquals(27, again.unchanged().size());
        assertEquals(List.of(), again.loaded());
        assertEquals(List.of(), again.rejected());
        assertEquals(before, store.summary());
    }

    @Test
    void aLabResultFactCarriesItsValueAndUnit() throws Exception {
        CSVRecord lab = rows("observations.csv").stream()
                .filter(r -> r.get("CATEGORY").equals("laboratory") && r.get("TYPE").equals("numeric"))
                .findFirst().orElseThrow();
        int patientNum = store.patientNum(lab.get("PATIENT")).orElseThrow();
        Timestamp date = Timestamp.valueOf(OffsetDateTime.parse(lab.get("DATE"))
                .withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT valtype_cd, nval_num, units_cd FROM observation_fact "
                     + "WHERE patient_num = ? AND concept_cd = ? AND start_date = ?")) {
            ps.setInt(1, patientNum);
            ps.setString(2, "LOINC:" + lab.get("CODE"));
            ps.setTimestamp(3, date);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "fact of " + lab);
                assertEquals("N", rs.getString(1));
                assertEquals(0, new BigDecimal(lab.get("VALUE")).compareTo(rs.getBigDecimal(2)), rs.getString(2));
                assertEquals(lab.get("UNITS"), rs.getString(3));
            }
        }
    }

    @Test
    void bodyWeightIsSmartsVitalSignCodeAndKeepsSyntheasCode() throws Exception {
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT f.units_cd, s.observation_blob FROM observation_fact f "
                     + "JOIN observation_fact s ON s.patient_num = f.patient_num AND s.instance_num = f.instance_num "
                     + "AND s.concept_cd = 'SMART:VitalSignSet' WHERE f.concept_cd = 'LOINC:3141-9'")) {
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals("kg", rs.getString(1));
                assertTrue(rs.getString(2).contains("<http://smartplatforms.org/terms#sourceCode> "
                        + "<http://purl.bioontology.org/ontology/LNC/29463-7>"), rs.getString(2));
            }
        }
    }

    @Test
    void brokenRowsRejectTheirPatientByFileAndLineAndTheOthersLoad(@TempDir Path folder) throws Exception {
        copyExport(folder);
        String datePatient = editLine(folder.resolve("conditions.csv"), 2, 0, "2023-13-45");
        String encounterPatient = editLine(folder.resolve("procedures.csv"), 5, 3, "no-such-encounter");
        editLine(folder.resolve("observations.csv"), 7, 1, "no-such-patient");
        LoadResult result;
        try (Database other = Database.open(Database.h2FileUrl(folder.resolve("db/store")), "sa", "")) {
            result = new SyntheaLoader(new SmartRecordMapper(SmartOntology.shared()), new JdbcClinicalStore(other))
                    .loadFolder(folder);
        }
        Map<String, LoadResult.Rejection> bySource = new TreeMap<>();
        result.rejected().forEach(r -> bySource.put(r.source(), r));
        assertEquals(Set.of(datePatient, encounterPatient, "observations.csv line 7"), bySource.keySet());
        assertEquals(25, result.loaded().size());

        LoadResult.Rejection badDate = bySource.get(datePatient);
        assertEquals("SYNTHEA_DATE", badDate.code());
        assertTrue(badDate.message().startsWith("conditions.csv line 2: START '2023-13-45' is not a date"),
                badDate.message());
        LoadResult.Rejection badEncounter = bySource.get(encounterPatient);
        assertEquals("SYNTHEA_ENCOUNTER", badEncounter.code());
        assertTrue(badEncounter.message().startsWith("procedures.csv line 5: ENCOUNTER 'no-such-encounter'"),
                badEncounter.message());
        LoadResult.Rejection orphan = bySource.get("observations.csv line 7");
        assertEquals("SYNTHEA_UNKNOWN_PATIENT", orphan.code());
        assertTrue(orphan.message().contains("'no-such-patient' is not a patient of patients.csv"), orphan.message());
    }

    @Test
    void aMissingFileRejectsTheFolder(@TempDir Path folder) throws Exception {
        copyExport(folder);
        Files.delete(folder.resolve("allergies.csv"));
        LoadResult result = loader.loadFolder(folder);
        assertEquals(List.of(), result.loaded());
        assertEquals(1, result.rejected().size());
        assertEquals("SYNTHEA_FILE", result.rejected().get(0).code());
        assertTrue(result.rejected().get(0).message().startsWith("allergies.csv: missing"),
                result.rejected().get(0).message());
    }

    private static List<CSVRecord> rows(String file) throws IOException {
        try (Reader reader = Files.newBufferedReader(export().resolve(file))) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }

    private static void copyExport(Path folder) throws IOException {
        try (var files = Files.list(export())) {
            for (Path f : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
                Files.copy(f, folder.resolve(f.getFileName()));
            }
        }
    }

    /** Sets one cell of a line (1-based, the header is line 1); returns the line's PATIENT. These files have no quotes. */
    private static String editLine(Path file, int line, int column, String value) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<String> header = List.of(lines.get(0).split(",", -1));
        String[] cells = lines.get(line - 1).split(",", -1);
        String patient = cells[header.indexOf("PATIENT")];
        cells[column] = value;
        lines.set(line - 1, String.join(",", cells));
        Files.write(file, lines);
        return patient;
    }
}
