package org.smartcc.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartcc.store.Database;
import org.smartcc.store.SmartOntology;
import org.smartcc.store.application.RecordLoader;
import org.smartcc.store.domain.LoadResult;
import org.smartcc.store.domain.StoreSummary;
import org.smartcc.store.internal.jdbc.JdbcClinicalStore;
import org.smartcc.store.internal.rdf.SmartRecordMapper;

class RecordLoaderTest {

    @TempDir
    static Path dir;
    static Database db;
    static JdbcClinicalStore store;
    static RecordLoader loader;
    static LoadResult firstLoad;

    @BeforeAll
    static void loadSamples() throws Exception {
        db = Database.open(Database.h2FileUrl(dir.resolve("store")), "sa", "");
        store = new JdbcClinicalStore(db);
        loader = new RecordLoader(new SmartRecordMapper(SmartOntology.shared()), store);
        firstLoad = loader.loadPath(SampleData.samplePatients());
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void loadsAllSixtySamplePatients() {
        assertEquals(List.of(), firstLoad.rejected());
        assertEquals(60, firstLoad.loaded().size());
        assertEquals(60, store.summary().records());
    }

    @Test
    void statementCountsPerTypeEqualTheIndex() throws Exception {
        List<String> lines = Files.readAllLines(SampleData.samplePatients().resolve("INDEX.csv"));
        String[] header = lines.get(0).split(",");
        Map<String, Long> expected = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            for (int i = 7; i < header.length; i++) {
                expected.merge(header[i], Long.parseLong(cells[i]), Long::sum);
            }
        }
        expected.values().removeIf(v -> v == 0);
        expected.put("Demographics", 60L);
        assertEquals(expected, store.summary().statementsByType());
    }

    @Test
    void perPatientCountsEqualTheIndex() throws Exception {
        // p1134281.xml: 7 medications, 2 fulfillments, 12 problems, 68 lab results (INDEX.csv)
        int patientNum = store.patientNum("1134281").orElseThrow();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT concept_cd, COUNT(*) FROM observation_fact WHERE patient_num = "
                     + patientNum + " AND concept_cd LIKE 'SMART:%' GROUP BY concept_cd")) {
            Map<String, Integer> counts = new HashMap<>();
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getInt(2));
            }
            assertEquals(7, counts.get("SMART:Medication"));
            assertEquals(2, counts.get("SMART:Fulfillment"));
            assertEquals(12, counts.get("SMART:Problem"));
            assertEquals(68, counts.get("SMART:LabResult"));
        }
    }

    @Test
    void loadingTwiceChangesNothing() throws Exception {
        StoreSummary before = store.summary();
        LoadResult again = loader.loadPath(SampleData.samplePatients());
        assertEquals(60, again.unchanged().size());
        assertEquals(List.of(), again.loaded());
        assertEquals(before, store.summary());
    }

    @Test
    void aBadFileIsRejectedByNameAndTheOthersStillLoad(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("p900001.xml"), "<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'><broken");
        Files.copy(SampleData.samplePatients().resolve("p1032702.xml"), folder.resolve("p900002.xml"));
        LoadResult result = loader.loadPath(folder);
        assertEquals(List.of("900002"), result.loaded());
        assertEquals(1, result.rejected().size());
        LoadResult.Rejection rejection = result.rejected().get(0);
        assertEquals("p900001.xml", rejection.source());
        assertEquals("RDF_PARSE", rejection.code());
        assertTrue(rejection.message().startsWith("p900001.xml: not valid RDF/XML"), rejection.message());
        assertTrue(store.patientNum("900001").isEmpty());
    }

    @Test
    void externalEntitiesAreNeverExpanded() {
        String xxe = "<?xml version='1.0'?><!DOCTYPE r [<!ENTITY x SYSTEM 'file:///etc/hostname'>]>"
                + "<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#' xmlns:sp='http://smartplatforms.org/terms#'>"
                + "<sp:Problem><sp:notes>&x;</sp:notes></sp:Problem></rdf:RDF>";
        LoadResult result = loader.load("900003", "xxe.xml", xxe.getBytes(StandardCharsets.UTF_8));
        assertEquals("RDF_DOCTYPE", result.rejected().get(0).code());
        assertTrue(store.patientNum("900003").isEmpty());
    }

    @Test
    void anInternalEntityNeverReachesAStoredGivenName() throws Exception {
        String patient = Files.readString(SampleData.samplePatients().resolve("p1032702.xml"));
        String declaration = "<?xml version=\"1.0\" encoding=\"utf-8\"?>";
        String entity = patient.replace(declaration, declaration + "<!--" + "x".repeat(5 * 1024) + "-->"
                + "<!DOCTYPE rdf:RDF [<!ENTITY x \"Mallory\">]>").replace(">Amy<", ">&x;<");
        LoadResult result = loader.load("900004", "entity.xml", entity.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(), result.loaded());
        assertEquals("RDF_DOCTYPE", result.rejected().get(0).code());
        assertTrue(store.patientNum("900004").isEmpty());
    }

    @Test
    void statementBlobsKeepTheCompleteRdfWithMintedUris() throws Exception {
        int patientNum = store.patientNum("1134281").orElseThrow();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT tval_char, observation_blob FROM observation_fact WHERE patient_num = "
                     + patientNum + " AND concept_cd = 'SMART:LabResult'")) {
            assertTrue(rs.next());
            String id = rs.getString(1);
            String blob = rs.getString(2);
            String uri = "<urn:smartcc:api/records/1134281/lab_results/" + id + ">";
            assertTrue(blob.contains(uri + " <http://smartplatforms.org/terms#belongsTo> <urn:smartcc:api/records/1134281> ."), blob);
            assertTrue(blob.contains("<http://purl.bioontology.org/ontology/LNC/"), "code node kept: " + blob);
            assertFalse(blob.contains("_:N"), "no source blank-node labels");
        }
    }

    @Test
    void conceptHierarchyHasFoldersAboveCodes() throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(DISTINCT f.patient_num) FROM observation_fact f "
                     + "WHERE f.concept_cd IN (SELECT concept_cd FROM concept_dimension "
                     + "WHERE concept_path LIKE '\\SMART\\Lab results\\Serum or plasma\\%' ESCAPE '!')")) {
            rs.next();
            assertTrue(rs.getInt(1) > 0, "a folder query finds patients through the codes below it");
        }
    }
}
