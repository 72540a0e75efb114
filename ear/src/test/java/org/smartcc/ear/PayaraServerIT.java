package org.smartcc.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartcc.client.SmartClient;

/**
 * The EAR on a real Payara Server 6 against PostgreSQL, set up the way the README tells an operator to: a new domain,
 * then {@code bin/payara-server-setup} (driver, password alias, JDBC pool and JNDI resource, Spark's JVM flags,
 * restart, deployment). Then a cohort run through the JSON cohort API, a signed SMART record read through the
 * project's Java client, and an app launch and a cohort run found in the audit trail; the EAR is undeployed and the domain stopped also when something failed. Runs in the
 * {@code postgresql} profile, which provides the database and unpacks Payara Server into target/.
 */
class PayaraServerIT {

    static final String BACKGROUND_APP = "smart-connector@apps.smartplatforms.org";
    /** The consumer secret of every sample app in the development profile (docs/api.md, "Trying it"). */
    static final String DEV_SECRET = "smartapp-secret";
    static final String DEMO_LOGIN = "Basic " + Base64.getEncoder().encodeToString(
            "demo:demouser".getBytes(StandardCharsets.UTF_8));
    static final String MEDICATIONS = "{\"definition\": {\"name\": \"on a medication\", \"panels\": [{\"items\":"
            + " [{\"key\": \"\\\\\\\\i2b2\\\\SMART\\\\Medications\\\\\"}]}]}, \"results\": [\"PATIENT_COUNT_XML\"]}";

    static final String LAUNCHER_SECRET = "it-launcher-secret";
    static final String ADMIN_PASSWORD = "it-admin-secret";
    static final String ADMIN_LOGIN = "Basic " + Base64.getEncoder().encodeToString(
            ("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    static final String MED_LIST = "med-list@apps.smartplatforms.org";
    static final String DEV_USER = "developer@smartcc.local";

    /** HTTP/1.1 as curl speaks it: Payara's listener closed an upgraded HTTP/2 connection under a pending POST. */
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    static final ObjectMapper JSON = new ObjectMapper();

    static PayaraDomain domain;
    static String base;

    @BeforeAll
    static void deployOnANewDomain() throws Exception {
        Path work = Path.of(System.getProperty("it.work.dir"));
        domain = new PayaraDomain(Path.of(System.getProperty("it.payara.home")), work);
        domain.createAndStart();
        base = "http://127.0.0.1:" + domain.httpPort();

        Path shared = Path.of(System.getProperty("smartcc.shared.dir")).toAbsolutePath().normalize();
        Path password = Files.writeString(work.resolve("db-password"), "smartcc\n");
        // the secrets as files named by their keys, which the script stores as password aliases: never JVM options,
        // as Payara Server writes its JVM command line into server.log at every start
        Path secrets = Files.createDirectories(work.resolve("secrets"));
        Files.writeString(secrets.resolve("smartcc.launcher.secret"), LAUNCHER_SECRET);
        Files.writeString(secrets.resolve("smartcc.admin.password"), ADMIN_PASSWORD + "\n");
        domain.runWithAsadmin(Path.of(System.getProperty("it.setup")), Map.of(
                "SMARTCC_DB_HOST", "127.0.0.1",
                "SMARTCC_DB_PORT", System.getProperty("it.pg.port"),
                "SMARTCC_DB_PASSWORD_FILE", password.toString(),
                "SMARTCC_SECRETS_DIR", secrets.toString(),
                "SMARTCC_EAR", System.getProperty("it.ear"),
                // the development profile: the demo login, the sample apps with one secret, the sample records;
                // the secrets above win over its development secrets
                "SMARTCC_JVM_OPTIONS", "-Xmx3g -Dmp.config.profile=dev -Dsmartcc.shared.dir=" + shared
                        + " -Dsmartcc.data.dir=" + work.resolve("data") + " -Dsmartcc.public-url=" + base));
        awaitReady();
    }

    @AfterAll
    static void undeployAndStop() throws IOException {
        if (domain == null) {
            return;
        }
        try {
            domain.remote("undeploy", "smartcc");
        } finally {
            domain.stop();
        }
    }

    @Test
    void aCohortRunCountsThePatientsOnAMedication() throws Exception {
        JsonNode run = finishedRun();
        // docs/api.md: 38 of the 60 sample patients have a medication
        assertEquals(38, run.path("results").path(0).path("count").path("value").asInt(), String.valueOf(run));
    }

    /** The launcher's launch of an app (as the launcher WAR calls it) and a cohort run are in the audit trail. */
    @Test
    void theAuditTrailRecordsALaunchAndACohortRun() throws Exception {
        HttpResponse<String> launched = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/oauth/internal/launch"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("launcher:" + LAUNCHER_SECRET)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("app_id=" + MED_LIST + "&user_id=" + DEV_USER
                        + "&record_id=2169591")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, launched.statusCode(), launched.body());
        long runId = finishedRun().path("id").asLong();

        JsonNode launches = audit("kind=APP_LAUNCH&app=" + MED_LIST + "&record=2169591");
        assertEquals(DEV_USER, launches.path(0).path("user_id").asText(), launches.toString());
        // the end of a run is written in the background, just after the run's status
        JsonNode runs = null;
        boolean found = false;
        for (Instant end = Instant.now().plusSeconds(60); !found && Instant.now().isBefore(end); Thread.sleep(500)) {
            runs = audit("kind=COHORT_RUN_ENDED&user=demo");
            for (JsonNode event : runs) {
                found |= event.path("run_id").asLong() == runId && event.path("outcome").asText().equals("FINISHED");
            }
        }
        assertTrue(found, "run " + runId + " ended in " + runs);
    }

    /**
     * The setup script makes server.log JSON lines: Payara rotates the log as the formatter changes, and from then on
     * every line is one JSON object but the launcher's record of each start's JVM command line, which the launcher
     * writes in its own format; the request's event carries its request id, and no line holds a secret of this
     * test's configuration (the command line included: the secrets are password aliases, not JVM options).
     */
    @Test
    void theServerLogIsJsonLinesWithTheRequestIdAndNoSecret() throws Exception {
        String requestId = "payara-server-it-" + System.nanoTime();
        HttpResponse<String> unsigned = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/records/2169591/demographics"))
                .header("X-Request-Id", requestId).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, unsigned.statusCode(), unsigned.body());
        List<String> lines = List.of();
        for (Instant end = Instant.now().plusSeconds(30); Instant.now().isBefore(end); Thread.sleep(500)) {
            lines = Files.readAllLines(domain.serverLog());
            if (lines.stream().anyMatch(line -> line.contains(requestId))) {
                break;
            }
        }
        List<String> secrets = List.of(DEV_SECRET, LAUNCHER_SECRET, ADMIN_PASSWORD, "dev-launcher-secret");
        boolean launcher = false;
        boolean logged = false;
        for (String line : lines) {
            assertEquals(List.of(), secrets.stream().filter(line::contains).toList(), "secrets in " + line);
            launcher |= line.startsWith("[") && line.contains("[jakarta.enterprise.launcher]");
            if (launcher) {
                launcher = !line.isEmpty(); // the record ends with "]]" and a blank line
                continue;
            }
            JsonNode event = JSON.readTree(line);
            assertTrue(event.isObject() && event.has("Timestamp") && event.has("Level"), "one event: " + line);
            if (line.contains(requestId)) {
                assertEquals(requestId, event.path("requestId").asText(), line);
                logged = true;
            }
        }
        assertTrue(logged, "an event with request id " + requestId + " in " + domain.serverLog());
    }

    /**
     * The EAR's OpenAPI document is complete: the API server's filter adds the record calls of the ontology's call
     * table and the security schemes, and both web modules loaded the class {@code mp.openapi.filter} names (the
     * launcher's module reads the same configuration) without a warning. The document is written to the work folder
     * for a failure message to point to.
     */
    @Test
    void theOpenApiDocumentHasTheRecordCallsTheI2b2EndpointAndTheOAuthScheme() throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/openapi"))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        Path saved = Files.writeString(Path.of(System.getProperty("it.work.dir")).resolve("openapi.json"), answer.body());
        JsonNode document = JSON.readTree(answer.body());
        JsonNode paths = document.path("paths");
        assertTrue(paths.path("/records/{record_id}/medications/").has("get"), "a record call of the table in " + saved);
        assertTrue(paths.path("/i2b2/services/QueryToolService/request").has("post"), "the i2b2 endpoint in " + saved);
        assertEquals("OAuth", document.path("components").path("securitySchemes").path("oauth1").path("scheme")
                .asText(), "the OAuth 1.0a scheme in " + saved);
        List<String> warnings = Files.readAllLines(domain.serverLog()).stream()
                .filter(line -> line.contains("Failed to read Filter") || line.contains("Filter class not found"))
                .map(line -> line.substring(0, Math.min(line.length(), 400))).toList();
        assertEquals(List.of(), warnings, "the filter's class loaded at deployment: " + domain.serverLog());
    }

    /** Skinny WARs: the API server's libraries are in the EAR's lib/, once, and exactly those of its full WAR. */
    @Test
    void theApiServersLibrariesAreInTheEarsLibOnce() throws IOException {
        Path ear = Path.of(System.getProperty("it.ear"));
        Set<String> lib;
        Set<String> skinnyWarLib;
        try (ZipFile archive = new ZipFile(ear.toFile())) {
            lib = jarNames(archive, "lib/");
            lib.removeIf(name -> name.startsWith("smartcc-") && name.endsWith("-config.jar"));
            try (ZipInputStream war = new ZipInputStream(archive.getInputStream(archive.getEntry("container-api.war")))) {
                skinnyWarLib = new TreeSet<>();
                for (ZipEntry entry; (entry = war.getNextEntry()) != null; ) {
                    if (entry.getName().startsWith("WEB-INF/lib/") && entry.getName().endsWith(".jar")) {
                        skinnyWarLib.add(entry.getName());
                    }
                }
            }
        }
        try (ZipFile fullWar = new ZipFile(System.getProperty("it.api.war"))) {
            assertEquals(jarNames(fullWar, "WEB-INF/lib/"), lib);
        }
        assertEquals(Set.of(), skinnyWarLib);
    }

    private static Set<String> jarNames(ZipFile archive, String folder) {
        return archive.stream().map(ZipEntry::getName)
                .filter(name -> name.startsWith(folder) && name.endsWith(".jar") && name.indexOf('/', folder.length()) < 0)
                .map(name -> name.substring(folder.length())).collect(Collectors.toCollection(TreeSet::new));
    }

    private static JsonNode audit(String query) throws Exception {
        HttpResponse<String> answer = get(base + "/admin/audit?" + query, ADMIN_LOGIN);
        assertEquals(200, answer.statusCode(), answer.body());
        return JSON.readTree(answer.body()).path("events");
    }

    /** A run of the medication definition, submitted once the snapshot is there, followed until it ends. */
    private static JsonNode finishedRun() throws Exception {
        HttpResponse<String> submitted = submitOnceTheSnapshotIsThere();
        assertEquals(202, submitted.statusCode(), submitted.body());
        String location = submitted.headers().firstValue("Location").orElseThrow();
        JsonNode run = null;
        for (Instant end = Instant.now().plusSeconds(300); Instant.now().isBefore(end); Thread.sleep(500)) {
            run = JSON.readTree(get(URI.create(base + "/").resolve(location).toString(), DEMO_LOGIN).body());
            String status = run.path("status").asText();
            if (!status.equals("QUEUED") && !status.equals("PROCESSING")) {
                break;
            }
        }
        assertEquals("FINISHED", run.path("status").asText(), String.valueOf(run));
        return run;
    }

    @Test
    void anAppReadsARecordWithASignedRequest() {
        SmartClient smart = SmartClient.builder(base).consumer(BACKGROUND_APP, DEV_SECRET).build();
        Model medications = smart.record(smart.recordToken("2169591")).getMedications();
        assertFalse(medications.listSubjectsWithProperty(RDF.type,
                medications.createResource("http://smartplatforms.org/terms#Medication")).toList().isEmpty(),
                "record 2169591 has medications");
    }

    /** The cohort calls answer 503 until the first snapshot is written, shortly after the store is ready. */
    private static HttpResponse<String> submitOnceTheSnapshotIsThere() throws Exception {
        HttpResponse<String> answer = null;
        for (Instant end = Instant.now().plusSeconds(300); Instant.now().isBefore(end); Thread.sleep(1000)) {
            answer = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/cohort/runs"))
                    .header("Authorization", DEMO_LOGIN).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(MEDICATIONS)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 503) {
                return answer;
            }
        }
        return answer;
    }

    private static void awaitReady() throws Exception {
        String last = "no answer";
        for (Instant end = Instant.now().plusSeconds(600); Instant.now().isBefore(end); Thread.sleep(2000)) {
            try {
                HttpResponse<String> ready = get(base + "/health/ready", null);
                if (ready.statusCode() == 200) {
                    return;
                }
                last = ready.statusCode() + " " + ready.body();
            } catch (IOException e) {
                last = e.toString();
            }
        }
        throw new AssertionError("not ready after 10 minutes: " + last + "; see " + domain.serverLog());
    }

    private static HttpResponse<String> get(String url, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
