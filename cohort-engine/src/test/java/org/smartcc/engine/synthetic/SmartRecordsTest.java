package org.smartcc.engine.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartcc.engine.SharedSpark;
import org.smartcc.records.RdfFormat;
import org.smartcc.records.RecordApi;
import org.smartcc.records.VerifierChecks;
import org.smartcc.records.application.RecordResponse;
import org.smartcc.records.application.RecordSearch;
import org.smartcc.records.domain.ApiCallTable;
import org.smartcc.store.Database;
import org.smartcc.store.SmartOntology;
import org.smartcc.store.Vocab;

/**
 * Synthetic patients generated with {@code smartRecords(true)} into H2 and read back through smart-records' record
 * API, as the container serves them: every collection answers, passes the API Verifier's checks, and holds as many
 * statements as the store has statement facts of that type.
 */
class SmartRecordsTest {

    private static final String API_BASE = "http://localhost:8080";
    private static final int PATIENTS = 6;
    private static final int FIRST = 1_000_001;
    /** Collection path, and the statement types it serves (allergies/ also serves the exclusions). */
    private static final Map<String, List<String>> COLLECTIONS = new TreeMap<>(Map.of(
            "medications/", List.of("Medication"), "problems/", List.of("Problem"),
            "lab_results/", List.of("LabResult"), "vital_sign_sets/", List.of("VitalSignSet"),
            "encounters/", List.of("Encounter"), "fulfillments/", List.of("Fulfillment"),
            "procedures/", List.of("Procedure"), "immunizations/", List.of("Immunization"),
            "allergies/", List.of("Allergy", "AllergyExclusion"), "demographics", List.of("Demographics")));
    /** The brief's collections: every patient of the sample must have some (the others may be empty). */
    private static final List<String> ALWAYS = List.of("demographics", "encounters/", "vital_sign_sets/",
            "lab_results/", "allergies/");

    @TempDir
    static Path dir;
    static Database db;
    static RecordApi api;
    static ApiCallTable calls;
    static VerifierChecks verifier;

    @BeforeAll
    static void generate() throws Exception {
        db = Database.open(Database.h2FileUrl(dir.resolve("store")), "sa", "");
        SyntheticGenerator.builder().patients(PATIENTS).seed(7).factsPerPatient(400).firstPatientNum(FIRST)
                .smartRecords(true).build().writeDatabaseAndSnapshot(SharedSpark.engine(), db);
        api = RecordApi.open(db, SmartOntology.shared(), Optional.empty());
        calls = RecordApi.callTable(SmartOntology.shared());
        Path shared = Path.of(System.getProperty("smartcc.shared.dir", "../../shared"));
        verifier = new VerifierChecks(shared.resolve("smart-data/verifier/verifier-queries.json"));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void everyCollectionOfEveryRecordIsServedWholeAndPassesTheVerifier() throws SQLException {
        Map<String, Integer> totals = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (int p = 0; p < PATIENTS; p++) {
            String record = "S" + (FIRST + p);
            for (Map.Entry<String, List<String>> collection : COLLECTIONS.entrySet()) {
                Model answer = read("/records/" + record + "/" + collection.getKey());
                int served = 0;
                int stored = 0;
                for (String type : collection.getValue()) {
                    served += statements(answer, record, type);
                    stored += statementFacts(FIRST + p, type);
                    for (VerifierChecks.Check check : verifier.checks(type)) {
                        VerifierChecks.Failure f = VerifierChecks.run(check, answer);
                        if (f != null) {
                            failures.add(record + " " + collection.getKey() + " " + check.description() + ": "
                                    + f.detail());
                        }
                    }
                }
                assertEquals(stored, served, record + " " + collection.getKey());
                if (ALWAYS.contains(collection.getKey())) {
                    assertTrue(served > 0, record + " " + collection.getKey() + " is empty");
                }
                totals.merge(collection.getKey(), served, Integer::sum);
            }
        }
        assertEquals(List.of(), failures);
        assertEquals(0, count("SELECT COUNT(*) FROM observation_fact WHERE concept_cd LIKE 'SMART:%'"
                + " AND observation_blob IS NULL"), "statement facts without RDF");
        assertEquals(PATIENTS, count("SELECT COUNT(*) FROM record_source"));
        assertEquals(PATIENTS, count("SELECT COUNT(*) FROM patient_mapping WHERE patient_ide_source = 'SMART'"
                + " AND project_id = 'SMARTCC' AND patient_ide LIKE 'S%'"));
        System.out.println("statements served per collection over " + PATIENTS + " records: " + totals);
        totals.forEach((collection, n) -> assertTrue(n > 0, collection + " is empty for every record"));
    }

    @Test
    void aVitalSignSetComesWithItsEncounterAndAMedicationWithItsFulfillment() {
        Model vitals = read("/records/S" + FIRST + "/vital_sign_sets/");
        assertTrue(vitals.listSubjectsWithProperty(RDF.type, Vocab.sp("Encounter")).hasNext());
        Model meds = read("/records/S" + (FIRST + 1) + "/medications/");
        int medications = meds.listSubjectsWithProperty(RDF.type, Vocab.sp("Medication")).toList().size();
        assertEquals(medications, meds.listSubjectsWithProperty(RDF.type, Vocab.sp("Fulfillment")).toList().size());
    }

    @Test
    void recordSearchFindsTheRecordsByTheirDemographics() {
        RecordSearch.Banner banner = api.search().banner("S" + FIRST).orElseThrow();
        assertNotNull(banner.familyName());
        assertNotNull(banner.givenName());
        assertEquals(String.valueOf(FIRST), banner.medicalRecordNumber());
        assertTrue(api.search().banners(RecordSearch.Criteria.launcher(banner.familyName(), null, null)).stream()
                .anyMatch(b -> b.recordId().equals("S" + FIRST)));
        assertTrue(api.reader().recordVersion("S" + FIRST).isPresent());
    }

    @Test
    void theRdfChangesNoFactAndIsTheSameForTheSameSeed() {
        SyntheticTables plain = new SyntheticTables(3, 7, FIRST, 400, false);
        SyntheticTables smart = new SyntheticTables(3, 7, FIRST, 400, true);
        for (int i = 0; i < 3; i++) {
            List<Object[]> before = facts(plain.patient(i), false);
            List<Object[]> withRdf = facts(smart.patient(i), true);
            assertEquals(withRdf.stream().map(Arrays::asList).toList(),
                    facts(smart.patient(i), true).stream().map(Arrays::asList).toList());
            assertEquals(before.size(), withRdf.size());
            for (int f = 0; f < before.size(); f++) {
                Object[] a = before.get(f);
                Object[] b = withRdf.get(f);
                boolean statement = "B".equals(a[7]);
                for (int c = 0; c < a.length; c++) {
                    if (!(statement && c == 8)) {
                        assertEquals(a[c], b[c], "fact " + f + " column " + c);
                    }
                }
                if (statement) {
                    assertNotNull(b[FactWriter.COLUMNS], "statement fact " + f + " has RDF");
                } else {
                    assertNull(b[FactWriter.COLUMNS]);
                }
            }
        }
    }

    private static List<Object[]> facts(SyntheticPatient patient, boolean blobs) {
        List<Object[]> rows = new ArrayList<>();
        patient.facts(patient.visits(), rows::add, blobs);
        return rows;
    }

    private static Model read(String path) {
        RecordResponse response = api.reader().read(calls.match("GET", path).orElseThrow(), Map.of(), API_BASE);
        Model model = ModelFactory.createDefaultModel();
        RDFParser.source(new ByteArrayInputStream(response.body(RdfFormat.TURTLE))).lang(Lang.TURTLE).parse(model);
        return model;
    }

    /** Statements of a type in an answer that belong to the record (not a neighbour of another type). */
    private static int statements(Model answer, String record, String type) {
        int n = 0;
        for (Resource s : answer.listSubjectsWithProperty(RDF.type, Vocab.sp(type)).toList()) {
            assertTrue(s.isURIResource() && s.getURI().startsWith(API_BASE + "/records/" + record + "/"), s.toString());
            n++;
        }
        return n;
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static int statementFacts(int patientNum, String type) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM observation_fact WHERE patient_num = ? AND concept_cd = ? AND modifier_cd = '@'")) {
            ps.setInt(1, patientNum);
            ps.setString(2, "SMART:" + type);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
