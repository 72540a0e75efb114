package org.smartcc.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.File;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The built WAR on a fresh data folder in Payara Micro: it becomes live, loads the 60 sample patients, then ready; a
 * bad record is refused with a clear error and nothing else changes. {@link StoreRestartIT} then restarts on the same
 * data.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StoreFirstStartIT {

    static final String ADDED_RECORD = "900002";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.war")));
    }

    @ArquillianResource
    URL url;

    @Test
    @Order(1)
    void becomesReadyWithTheSixtySamplePatients() throws Exception {
        ContainerClient client = new ContainerClient(url);
        assertEquals(200, client.health("live").statusCode());
        client.awaitReady(Duration.ofMinutes(5));
        JsonObject store = client.status().getJsonObject("store");
        assertEquals(60, store.getJsonNumber("records").longValue());
        assertEquals(expectedStatementCounts(), counts(store.getJsonObject("statementsByType")));
    }

    @Test
    @Order(2)
    void writesAParquetSnapshotWithSparkInsidePayara() throws Exception {
        JsonObject snapshot = new ContainerClient(url).awaitSnapshot(Duration.ofMinutes(5));
        assertEquals("DONE", snapshot.getString("state"), snapshot.toString());
        assertEquals(60, snapshot.getJsonObject("snapshot").getJsonNumber("patientCount").longValue());
    }

    @Test
    @Order(3)
    void aBadRecordGetsAClearErrorAndNothingElseIsLost() throws Exception {
        ContainerClient client = new ContainerClient(url);
        JsonObject before = client.status().getJsonObject("store");
        HttpResponse<String> response = client.putRecord("900001",
                "<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'><unclosed".getBytes(StandardCharsets.UTF_8),
                ContainerClient.ADMIN_PASSWORD);
        assertEquals(400, response.statusCode(), response.body());
        JsonObject error = ContainerClient.json(response.body());
        assertEquals("RDF_PARSE", error.getString("code"));
        assertTrue(error.getString("message").contains("not valid RDF/XML"), error.toString());
        assertEquals(before, client.status().getJsonObject("store"));
    }

    @Test
    @Order(4)
    void adminCallsNeedTheAdminPassword() throws Exception {
        ContainerClient client = new ContainerClient(url);
        HttpResponse<String> none = client.putRecord(ADDED_RECORD, samplePatient(), null);
        assertEquals(401, none.statusCode());
        assertEquals("ADMIN_CREDENTIALS_MISSING", ContainerClient.json(none.body()).getString("code"));
        assertEquals(401, client.putRecord(ADDED_RECORD, samplePatient(), "wrong").statusCode());
    }

    @Test
    @Order(5)
    void aGoodRecordIsAddedAndLoadingItAgainChangesNothing() throws Exception {
        ContainerClient client = new ContainerClient(url);
        HttpResponse<String> first = client.putRecord(ADDED_RECORD, samplePatient(), ContainerClient.ADMIN_PASSWORD);
        assertEquals(200, first.statusCode(), first.body());
        assertEquals("loaded", ContainerClient.json(first.body()).getString("outcome"));
        HttpResponse<String> again = client.putRecord(ADDED_RECORD, samplePatient(), ContainerClient.ADMIN_PASSWORD);
        assertEquals("unchanged", ContainerClient.json(again.body()).getString("outcome"));
        assertEquals(61, client.status().getJsonObject("store").getJsonNumber("records").longValue());
    }

    @Test
    @Order(6)
    void unknownPathsAnswerJsonNotFound() throws Exception {
        HttpResponse<String> response = new ContainerClient(url).get("no/such/thing");
        assertEquals(404, response.statusCode());
        assertEquals("NOT_FOUND", ContainerClient.json(response.body()).getString("code"));
    }

    static byte[] samplePatient() throws Exception {
        return Files.readAllBytes(samplesFolder().resolve("p1032702.xml"));
    }

    static Path samplesFolder() {
        return Path.of(System.getProperty("smartcc.shared.dir"), "smart-data/patients/generated");
    }

    /** Statement counts per type summed over INDEX.csv, plus one Demographics per patient. */
    static Map<String, Long> expectedStatementCounts() throws Exception {
        List<String> lines = Files.readAllLines(samplesFolder().resolve("INDEX.csv"));
        String[] header = lines.get(0).split(",");
        Map<String, Long> expected = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            for (int i = 7; i < header.length; i++) {
                expected.merge(header[i], Long.parseLong(cells[i]), Long::sum);
            }
        }
        expected.values().removeIf(v -> v == 0);
        expected.put("Demographics", 60L);
        return expected;
    }

    static Map<String, Long> counts(JsonObject byType) {
        Map<String, Long> counts = new TreeMap<>();
        byType.forEach((k, v) -> counts.put(k, ((jakarta.json.JsonNumber) v).longValue()));
        return counts;
    }
}
