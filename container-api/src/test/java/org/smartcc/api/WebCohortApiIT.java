package org.smartcc.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smartcc.client.PopulationClient.N_TRIPLES;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.RDF;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import org.smartcc.client.AccessToken;
import org.smartcc.client.PopulationClient;
import org.smartcc.client.RecordClient;
import org.smartcc.client.SmartClient;
import org.smartcc.client.SmartClientException;
import org.smartcc.client.SmartResponse;

/**
 * The cohort API and the i2b2 endpoint over HTTP: runs with status, results, plans and patient sets for their owner;
 * saved queries listed, renamed, deleted and shown as i2b2 XML; counts protected by role; the concept tree with the
 * counts of one-item queries; i2b2's own test message answered in i2b2's envelope; bad input refused with the reason.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WebCohortApiIT {

    static final String MEDS = "{\"name\": \"meds\", \"panels\": [{\"items\": [{\"key\":"
            + " \"\\\\\\\\i2b2\\\\SMART\\\\Medications\\\\\"}]}]}";
    /** A small set: three patients of the sample records take metformin. */
    static final String METFORMIN = "{\"name\": \"metformin\", \"panels\": [{\"items\": [{\"key\":"
            + " \"\\\\\\\\i2b2\\\\SMART\\\\Medications\\\\METFORMIN\\\\\"}]}]}";
    static final String BACKGROUND_APP = "smart-connector@apps.smartplatforms.org";
    static final Resource RESPONSE_SUMMARY = ResourceFactory.createResource(
            "http://smartplatforms.org/terms/api#ResponseSummary");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.war")));
    }

    @ArquillianResource
    URL url;
    ContainerClient client;
    /** The background app, signing through the project's Java client. */
    SmartClient app;

    @BeforeEach
    void ready() throws Exception {
        client = new ContainerClient(url);
        app = client.app(BACKGROUND_APP);
        client.awaitReady(Duration.ofMinutes(5));
        client.awaitSnapshot(Duration.ofMinutes(5)); // a fresh data folder has none yet: runs answer 503 until then
        for (String[] user : new String[][] {{"sam", "[\"DATA_AGG\"]"}, {"rita", "[]"}}) {
            HttpResponse<String> put = client.send("PUT", "admin/cohort-users/" + user[0], "application/json",
                    "{\"password\": \"" + user[0] + "-password\", \"roles\": " + user[1] + "}", "admin",
                    ContainerClient.ADMIN_PASSWORD);
            assertEquals(204, put.statusCode(), put.body());
        }
    }

    /** The tabular projections' columns, generated from the ontology, for a cohort user; nobody else. */
    @Test
    void aCohortUserReadsThePopulationColumns() throws Exception {
        HttpResponse<String> anonymous = client.send("GET", "cohort/population/columns", null, null, null, null);
        assertEquals(401, anonymous.statusCode(), anonymous.body());
        HttpResponse<String> answer = client.send("GET", "cohort/population/columns", null, null, "rita",
                "rita-password");
        assertEquals(200, answer.statusCode(), answer.body());
        JsonObject columns = json(answer.body());
        assertTrue(columns.keySet().containsAll(List.of("medications", "problems", "lab_results", "vital_sign_sets",
                "demographics")), columns.keySet().toString());
        List<String> meds = columns.getJsonArray("medications").getValuesAs(JsonString::getString);
        assertEquals(List.of("record_id", "statement", "drugName_system", "drugName_code", "drugName_title"),
                meds.subList(0, 5));
    }

    @Test
    void aResearcherRunsAQueryAndReadsItsResults() throws Exception {
        HttpResponse<String> anonymous = client.send("POST", "cohort/runs", "application/json", "{}", null, null);
        assertEquals(401, anonymous.statusCode());
        assertTrue(anonymous.body().contains("COHORT_CREDENTIALS_MISSING"), anonymous.body());

        HttpResponse<String> submitted = client.send("POST", "cohort/runs", "application/json", "{\"definition\": "
                + MEDS + ", \"results\": [\"PATIENT_COUNT_XML\", \"PATIENTSET\", \"PATIENT_GENDER_COUNT_XML\"]}",
                "sam", "sam-password");
        assertEquals(202, submitted.statusCode(), submitted.body());
        String location = submitted.headers().firstValue("Location").orElseThrow();
        assertTrue(location.matches(".*/cohort/runs/\\d+"), location);
        JsonObject run = finished(location.substring(location.indexOf("cohort/runs/")), "sam");
        assertEquals("FINISHED", run.getString("status"), run.toString());
        JsonObject count = run.getJsonArray("results").getJsonObject(0).getJsonObject("count");
        assertEquals("EXACT", count.getString("method"));
        assertTrue(count.getInt("value") > 10, count.toString());
        long setId = run.getJsonArray("results").getJsonObject(1).getJsonNumber("id").longValue();
        JsonObject page = json(client.send("GET", "cohort/patient-sets/" + setId + "?limit=5", null, null, "sam",
                "sam-password").body());
        assertEquals(5, page.getJsonArray("patients").size());
        assertTrue(page.getJsonArray("patients").getJsonObject(0).getString("recordId").matches("\\d+"));
        HttpResponse<String> plan = client.send("GET", "cohort/runs/" + run.getInt("id") + "/plan", null, null, "sam",
                "sam-password");
        assertEquals(200, plan.statusCode());
        assertTrue(plan.body().contains("parquet"), plan.body());

        HttpResponse<String> foreign = client.send("GET", "cohort/runs/" + run.getInt("id"), null, null, "rita",
                "rita-password");
        assertEquals(404, foreign.statusCode(), "other users' runs are not even confirmed");
        HttpResponse<String> foreignSet = client.send("GET", "cohort/patient-sets/" + setId, null, null, "rita",
                "rita-password");
        assertEquals(404, foreignSet.statusCode());
    }

    @Test
    void aResearcherGrantsTheBackgroundAppASetAndItsLoopWalksOnlyThatSet() throws Exception {
        long setId = patientSetOf(METFORMIN, "sam");
        List<String> setRecords = json(client.send("GET", "cohort/patient-sets/" + setId + "?limit=10000", null, null,
                "sam", "sam-password").body()).getJsonArray("patients").stream()
                .map(JsonValue::asJsonObject).filter(p -> !p.isNull("recordId")).map(p -> p.getString("recordId"))
                .sorted().distinct().toList();
        assertFalse(setRecords.isEmpty(), "the set has records");
        String grants = "cohort/patient-sets/" + setId + "/grants";
        String grant = grants + "/" + BACKGROUND_APP;

        assertEquals(401, client.send("PUT", grant, null, null, null, null).statusCode(), "no login, no grant");
        assertEquals(401, client.send("PUT", "admin/patient-sets/" + setId + "/grants/" + BACKGROUND_APP, null, null,
                null, null).statusCode(), "no login, no grant on the administrator's path either");
        HttpResponse<String> foreign = client.send("PUT", grant, null, null, "rita", "rita-password");
        assertEquals(404, foreign.statusCode(), "another user's set is not even confirmed");
        assertTrue(foreign.body().contains("SET_NOT_FOUND"), foreign.body());
        HttpResponse<String> uiApp = client.send("PUT", grants + "/rest-minimal@apps.smartplatforms.org", null, null,
                "sam", "sam-password");
        assertEquals(400, uiApp.statusCode(), uiApp.body());
        assertTrue(uiApp.body().contains("APP_NOT_BACKGROUND"), uiApp.body());
        try (Grant granted = grant(setId)) {
            assertEquals(setRecords, walk());

            JsonObject progress = Json.createReader(new StringReader(client.send("GET", grants, null, null, "sam",
                    "sam-password").body())).readArray().getJsonObject(0);
            assertEquals(BACKGROUND_APP, progress.getString("app_id"));
            assertEquals("sam", progress.getString("granted_by"));
            assertEquals(setRecords.size(), progress.getInt("set_size"));
            assertEquals(setRecords.size(), progress.getInt("handed_out"));
        }
        List<String> every = walk();
        assertTrue(every.size() > setRecords.size() && every.containsAll(setRecords), every.toString());
        assertEquals("[]", client.send("GET", grants, null, null, "sam", "sam-password").body());

        String adminGrant = "admin/patient-sets/" + setId + "/grants/" + BACKGROUND_APP;
        try {
            HttpResponse<String> byAdmin = client.send("PUT", adminGrant, null, null, "admin",
                    ContainerClient.ADMIN_PASSWORD);
            assertEquals(200, byAdmin.statusCode(), byAdmin.body());
            assertEquals("admin", json(byAdmin.body()).getString("granted_by"), "an administrator grants any set");
            assertEquals(setRecords, walk());
        } finally {
            assertEquals(204, client.send("DELETE", adminGrant, null, null, "admin", ContainerClient.ADMIN_PASSWORD)
                    .statusCode());
        }
    }

    /**
     * Population reads (docs/population.md): the granted background app reads the set's collections 2-legged, a page
     * of records at a time (the deployment serves 2 per page) in every RDF format, and gets exactly the statements of
     * the per-record calls summed over the set's records; refusals have their codes; each answer is audited.
     */
    @Test
    void aGrantedAppReadsTheSetsDataInBulkAsThePerRecordCallsAnswer() throws Exception {
        long setId = patientSetOf(METFORMIN, "sam");
        PopulationClient set = app.population(setId);

        assertRefused(firstPage(setId, "medications", N_TRIPLES, ""), 403, "FORBIDDEN_NOT_GRANTED");
        try (Grant granted = grant(setId)) {
            Map<String, AccessToken> tokens = new LinkedHashMap<>();
            app.recordTokens().forEach(token -> tokens.put(token.recordId(), token));
            assertTrue(tokens.size() >= 3, "a set of more than one page: " + tokens.keySet());
            for (String collection : List.of("medications", "problems")) {
                Model expected = perRecord(tokens, collection);
                assertFalse(expected.isEmpty(), collection);
                Bulk bulk = bulk(set, collection, N_TRIPLES);
                assertEquals(expected.size(), bulk.statements().size(), collection);
                assertTrue(expected.isIsomorphicWith(bulk.statements()), () -> collection + " per record\n"
                        + nTriples(expected) + "\nin bulk\n" + nTriples(bulk.statements()));
                assertEquals(bulkPages(tokens.size()), bulk.pages(), "pages of 2 records");
                SmartResponse first = firstPage(setId, collection, N_TRIPLES, "");
                assertEquals(N_TRIPLES, first.contentType().split(";")[0]);
                assertEquals(String.valueOf(tokens.size()), first.header("X-SmartCC-Set-Records").orElseThrow());
                assertEquals("2", first.header("X-SmartCC-Records").orElseThrow());
            }
            Model medications = perRecord(tokens, "medications");
            for (String format : List.of(PopulationClient.TURTLE, PopulationClient.RDF_XML, PopulationClient.NDJSON)) {
                assertTrue(medications.isIsomorphicWith(bulk(set, "medications", format).statements()), format);
                assertEquals(format, firstPage(setId, "medications", format, "").contentType().split(";")[0]);
            }

            long medicationStatements = medications.listSubjectsWithProperty(RDF.type,
                    medications.createResource("http://smartplatforms.org/terms#Medication")).toList().size();
            List<String> csvLines = new ArrayList<>();
            int csvPages = set.read("medications", PopulationClient.CSV, Map.of(), page -> new String(
                    page.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).forEach(csvLines::add));
            assertEquals(bulkPages(tokens.size()), csvPages, "CSV pages follow the same cursor");
            assertEquals(medicationStatements, csvLines.size(), "one CSV row per medication: " + csvLines);
            List<byte[]> parquetPages = new ArrayList<>();
            set.read("medications", PopulationClient.PARQUET, Map.of(), page -> parquetPages.add(page.readAllBytes()));
            for (byte[] parquet : parquetPages) {
                assertEquals("PAR1", new String(parquet, 0, 4, StandardCharsets.US_ASCII));
                assertEquals("PAR1", new String(parquet, parquet.length - 4, 4, StandardCharsets.US_ASCII));
            }
            assertRefused(firstPage(setId, "medications", "image/png", ""), 406, "FORMAT_NOT_ACCEPTABLE");
            assertRefused(firstPage(setId, "nonsense", N_TRIPLES, ""), 404, "COLLECTION_NOT_FOUND");
            assertRefused(firstPage(setId, "medications", N_TRIPLES, "?cursor=forged.cursor"), 400, "CURSOR_INVALID");
            assertRefused(firstPage(setId + 1000, "medications", N_TRIPLES, ""), 403, "FORBIDDEN_NOT_GRANTED");
            assertRefused(app.request("GET", "/cohort/patient-sets/" + setId + "/data/medications/")
                    .token(tokens.values().iterator().next()).header("Accept", N_TRIPLES).send(), 403,
                    "FORBIDDEN_TOKEN_KIND");

            JsonArray audit = array(client.send("GET", "admin/population-audit?set=" + setId, null, null, "admin",
                    ContainerClient.ADMIN_PASSWORD));
            List<JsonObject> reads = audit.stream().map(JsonValue::asJsonObject)
                    .filter(r -> r.getString("collection").equals("medications")
                            && r.getString("format").equals(N_TRIPLES)).toList();
            // the medications read in N-Triples page by page, and its first page once more on its own
            assertEquals(bulkPages(tokens.size()) + 1, reads.size(), audit.toString());
            assertEquals(tokens.size() + 2, reads.stream().mapToLong(r -> r.getJsonNumber("records").longValue())
                    .sum());
            assertEquals(BACKGROUND_APP, reads.get(0).getString("app_id"));
            assertEquals("sam", reads.get(0).getString("granted_by"));
            assertTrue(reads.get(0).getJsonNumber("statements").longValue() > 0, reads.toString());

            JsonObject python = pythonPopulationApp(setId);
            assertEquals(medications.size(), python.getInt("statements"), python.toString());
            assertEquals(tokens.size(), python.getInt("records"), python.toString());
            assertEquals(medicationStatements, python.getInt("csv_rows"), python.toString());
            assertFalse(python.getJsonArray("top_drugs").isEmpty(), python.toString());
        }
    }

    /**
     * The Python population app of docs/clients.md (requests-oauthlib, rdflib, pandas from Debian's packages, which
     * .ci/run installs) run against this deployment as the granted app; its one line of JSON output.
     */
    private JsonObject pythonPopulationApp(long setId) throws Exception {
        java.nio.file.Path script = java.nio.file.Path.of("..", "docs", "examples", "python", "population_app.py");
        Process python = new ProcessBuilder("/usr/bin/python3", script.toString(), url.toString().replaceAll("/$", ""),
                BACKGROUND_APP, ContainerClient.DEV_APP_SECRET, Long.toString(setId)).redirectErrorStream(true)
                .start();
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(python.waitFor(5, java.util.concurrent.TimeUnit.MINUTES), "the Python app ends");
        assertEquals(0, python.exitValue(), "the Python example failed (Debian's python3-requests-oauthlib,"
                + " python3-rdflib and python3-pandas are needed; .ci/run installs them):\n" + output);
        return json(output.lines().reduce((first, last) -> last).orElse("{}"));
    }

    /**
     * The asynchronous export: kicked off, polled until done, its manifest's files (split small in this deployment)
     * hold exactly what the streamed read answers; deleting it, done or running, leaves no manifest.
     */
    @Test
    void aGrantedAppExportsTheSetAndDownloadsWhatTheStreamedReadAnswers() throws Exception {
        long setId = patientSetOf(METFORMIN, "sam");
        PopulationClient set = app.population(setId);
        List<String> formats = List.of(N_TRIPLES, PopulationClient.TURTLE);

        assertRefused(() -> set.startExport(List.of(), List.of(), Map.of()), 403, "FORBIDDEN_NOT_GRANTED");
        try (Grant granted = grant(setId)) {
            // the kick-off as it comes: 202, where to ask next, and the running export's status
            SmartResponse kickOff = app.request("POST", "/cohort/patient-sets/" + setId + "/exports")
                    .header("Accept", "application/json").body("application/json", "{\"collections\": [\"medications\","
                            + " \"problems\"], \"formats\": [\"" + N_TRIPLES + "\", \"" + PopulationClient.TURTLE
                            + "\"]}").send();
            assertEquals(202, kickOff.status(), kickOff.text());
            String location = kickOff.header("Location").orElseThrow();
            assertTrue(location.matches(".*/cohort/exports/[0-9a-f-]{36}"), location);
            assertEquals("RUNNING", json(kickOff.text()).getString("state"), kickOff.text());
            assertTrue(kickOff.header("Retry-After").isPresent(), kickOff.headers().toString());
            String export = location.substring(location.lastIndexOf('/') + 1);

            PopulationClient.ExportStatus done = set.awaitExport(export, Duration.ofMinutes(10), Duration.ofSeconds(1));
            assertEquals("DONE", done.state(), done.toString());
            JsonObject manifest = json(app.request("GET", location).send().text());
            assertTrue(manifest.containsKey("transaction_time") && manifest.containsKey("expires"), manifest.toString());
            List<PopulationClient.ExportStatus.OutputFile> output = done.output();
            assertTrue(output.size() > 4, "parts split into several files: " + output);
            int setRecords = walk().size();
            for (String collection : List.of("medications", "problems")) {
                for (String format : formats) {
                    List<PopulationClient.ExportStatus.OutputFile> files = output.stream()
                            .filter(f -> f.collection().equals(collection) && f.format().equals(format)).toList();
                    Model exported = download(set, files);
                    Model streamed = bulk(set, collection, format).statements();
                    assertEquals(streamed.size(), exported.size(), collection + " " + format);
                    assertTrue(streamed.isIsomorphicWith(exported), collection + " " + format);
                    assertEquals(setRecords, files.stream().mapToLong(PopulationClient.ExportStatus.OutputFile::records)
                            .sum(), collection + " " + format);
                }
            }
            assertRefused(app.request("GET", location + "/files/" + (output.size() + 1)).send(), 404,
                    "EXPORT_FILE_NOT_FOUND");
            set.deleteExport(export);
            assertRefused(() -> set.exportStatus(export), 404, "EXPORT_NOT_FOUND");
            assertRefused(() -> set.download(output.get(0)), 404, "EXPORT_NOT_FOUND");

            String everything = set.startExport(List.of(), List.of(), Map.of());
            set.deleteExport(everything);
            assertRefused(() -> set.exportStatus(everything), 404, "EXPORT_NOT_FOUND");
            assertRefused(app.request("POST", "/cohort/patient-sets/" + setId + "/exports")
                    .body("application/json", "{\"formats\": [\"text/csv\", 1]}").send(), 400, "EXPORT_INVALID");
            assertRefused(() -> set.startExport(List.of("nonsense"), List.of(), Map.of()), 404,
                    "COLLECTION_NOT_FOUND");

            JsonArray audit = array(client.send("GET", "admin/population-audit?set=" + setId, null, null, "admin",
                    ContainerClient.ADMIN_PASSWORD));
            assertTrue(audit.stream().map(JsonValue::asJsonObject).anyMatch(r -> r.getString("collection")
                    .equals("medications") && r.getString("format").equals("export " + N_TRIPLES)
                    && r.getJsonNumber("records").longValue() == setRecords), audit.toString());
        }
    }

    /** Pages of a population read of so many records, 2 a page. */
    private static int bulkPages(int records) {
        return (records + 1) / 2;
    }

    /** The background app's grant of a set, by its owner sam; closing it withdraws the grant. */
    private Grant grant(long setId) throws Exception {
        String grant = "cohort/patient-sets/" + setId + "/grants/" + BACKGROUND_APP;
        HttpResponse<String> granted = client.send("PUT", grant, null, null, "sam", "sam-password");
        assertEquals(200, granted.statusCode(), granted.body());
        return () -> assertEquals(204, client.send("DELETE", grant, null, null, "sam", "sam-password").statusCode());
    }

    /** A grant for a try-with-resources block. */
    private interface Grant extends AutoCloseable {
        @Override
        void close() throws Exception;
    }

    /** The first page of a population read, as it came. */
    private SmartResponse firstPage(long setId, String collection, String accept, String query) {
        return app.request("GET", "/cohort/patient-sets/" + setId + "/data/" + collection + "/" + query)
                .header("Accept", accept).send();
    }

    /** A population read through the client, every page parsed alone: the statements summed, and the pages. */
    private record Bulk(Model statements, int pages) {
    }

    private static Bulk bulk(PopulationClient set, String collection, String format) {
        Model statements = ModelFactory.createDefaultModel();
        int pages = set.read(collection, format, Map.of(), page -> statements.add(parse(page.readAllBytes(), format)));
        return new Bulk(statements, pages);
    }

    /** The per-record answers of a collection over the records, each without its response summary, summed. */
    private Model perRecord(Map<String, AccessToken> tokens, String collection) {
        Function<RecordClient, Model> call = switch (collection) {
            case "medications" -> RecordClient::getMedications;
            case "problems" -> RecordClient::getProblems;
            default -> throw new IllegalArgumentException(collection);
        };
        Model union = ModelFactory.createDefaultModel();
        for (AccessToken token : tokens.values()) {
            Model statements = call.apply(app.record(token));
            for (Resource summary : statements.listSubjectsWithProperty(RDF.type, RESPONSE_SUMMARY).toList()) {
                statements.removeAll(summary, null, null);
            }
            union.add(statements);
        }
        return union;
    }

    /** The statements of an export's files, each downloaded (signed) and parsed alone, summed. */
    private static Model download(PopulationClient set, List<PopulationClient.ExportStatus.OutputFile> files)
            throws Exception {
        Model all = ModelFactory.createDefaultModel();
        for (PopulationClient.ExportStatus.OutputFile file : files) {
            byte[] body;
            try (InputStream in = set.download(file)) {
                body = in.readAllBytes();
            }
            assertEquals(file.bytes(), body.length, file.toString());
            Model statements = parse(body, file.format());
            // the records' statements, less those that two records share (a code's title), which one document merges
            assertTrue(statements.size() > 0 && statements.size() <= file.statements(), file.toString());
            all.add(statements);
        }
        return all;
    }

    private static Model parse(byte[] body, String mediaType) {
        Model model = ModelFactory.createDefaultModel();
        if (mediaType.equals(PopulationClient.NDJSON)) {
            new String(body, StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank()).forEach(line ->
                    model.add(parse(line.getBytes(StandardCharsets.UTF_8), "application/ld+json")));
            return model;
        }
        Lang lang = switch (mediaType) {
            case N_TRIPLES -> Lang.NTRIPLES;
            case PopulationClient.TURTLE -> Lang.TURTLE;
            case PopulationClient.RDF_XML -> Lang.RDFXML;
            case "application/ld+json" -> Lang.JSONLD;
            default -> throw new IllegalArgumentException(mediaType);
        };
        RDFParser.source(new ByteArrayInputStream(body)).lang(lang).parse(model);
        return model;
    }

    private static String nTriples(Model model) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFDataMgr.write(out, model, Lang.NTRIPLES);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void assertRefused(SmartResponse answer, int status, String code) {
        assertEquals(status, answer.status(), answer.text());
        assertTrue(answer.text().contains(code), answer.text());
    }

    private static void assertRefused(Executable call, int status, String code) {
        SmartClientException refused = assertThrows(SmartClientException.class, call);
        assertEquals(status, refused.status(), refused.getMessage());
        assertEquals(code, refused.code(), refused.getMessage());
    }

    /** The background app's token loop from the first record to the last, the records in the order handed out. */
    private List<String> walk() {
        List<String> records = new ArrayList<>();
        app.recordTokens().forEach(token -> records.add(token.recordId()));
        return records;
    }

    @Test
    void cohortModePagesThroughTheSetsRecordsAndKeepsWhereTheResearcherStopped() throws Exception {
        long setId = patientSetOf(METFORMIN, "sam");
        List<String> inSetOrder = json(client.send("GET", "cohort/patient-sets/" + setId + "?limit=10000", null, null,
                "sam", "sam-password").body()).getJsonArray("patients").stream().map(JsonValue::asJsonObject)
                .filter(p -> !p.isNull("recordId")).map(p -> p.getString("recordId")).toList();
        assertTrue(inSetOrder.size() >= 2, "a set to page through: " + inSetOrder);
        String set = "cohort/patient-sets/" + setId;

        HttpResponse<String> all = client.send("GET", set + "/records", null, null, "sam", "sam-password");
        assertEquals(200, all.statusCode(), all.body());
        JsonObject page = json(all.body());
        assertEquals(setId, page.getJsonNumber("set_id").longValue());
        assertEquals(inSetOrder.size(), page.getInt("total"));
        assertEquals(inSetOrder, page.getJsonArray("records").stream()
                .map(r -> r.asJsonObject().getString("record_id")).toList());
        JsonObject second = json(client.send("GET", set + "/records?offset=1&limit=1", null, null, "sam",
                "sam-password").body());
        assertEquals(1, second.getInt("offset"));
        assertEquals(inSetOrder.size(), second.getInt("total"));
        assertEquals(Json.createArrayBuilder().add(Json.createObjectBuilder().add("position", 2)
                .add("record_id", inSetOrder.get(1))).build(), second.getJsonArray("records"));

        JsonObject start = json(client.send("GET", set + "/position", null, null, "sam", "sam-password").body());
        assertEquals(1, start.getInt("position"), start.toString());
        assertTrue(start.isNull("app_id") && start.isNull("updated_at"), start.toString());
        HttpResponse<String> moved = client.send("PUT", set + "/position", "application/json",
                "{\"position\": 2, \"app_id\": \"wire@apps.example\"}", "sam", "sam-password");
        assertEquals(200, moved.statusCode(), moved.body());
        JsonObject kept = json(client.send("GET", set + "/position", null, null, "sam", "sam-password").body());
        assertEquals(2, kept.getInt("position"), kept.toString());
        assertEquals("wire@apps.example", kept.getString("app_id"));
        assertEquals(json(moved.body()), kept, "a move answers the position as it is kept");
        for (String bad : new String[] {"{\"position\": 0}", "{\"position\": " + (inSetOrder.size() + 1) + "}",
                "{\"position\": \"2\"}", "{\"position\": 1.5}", "[2]"}) {
            HttpResponse<String> refused = client.send("PUT", set + "/position", "application/json", bad, "sam",
                    "sam-password");
            assertEquals(400, refused.statusCode(), bad + ": " + refused.body());
            assertTrue(refused.body().contains("POSITION_INVALID"), refused.body());
        }
        assertEquals(2, json(client.send("GET", set + "/position", null, null, "sam", "sam-password").body())
                .getInt("position"), "a refused move keeps the position");

        // a user cannot page through another user's set, nor learn or move their place in it
        for (String[] call : new String[][] {{"GET", set + "/records"}, {"GET", set + "/position"},
                {"PUT", set + "/position"}}) {
            HttpResponse<String> foreign = client.send(call[0], call[1], "application/json", "{\"position\": 1}",
                    "rita", "rita-password");
            assertEquals(404, foreign.statusCode(), call[1] + ": " + foreign.body());
            assertTrue(foreign.body().contains("SET_NOT_FOUND"), foreign.body());
        }
        assertEquals(2, json(client.send("GET", set + "/position", null, null, "sam", "sam-password").body())
                .getInt("position"));
    }

    @Test
    void countsOfUsersWithoutExactRolesAreObfuscatedAndListsRefused() throws Exception {
        HttpResponse<String> submitted = client.send("POST", "cohort/runs", "application/json", "{\"definition\": "
                + MEDS + ", \"results\": [\"PATIENTSET\"]}", "rita", "rita-password");
        assertEquals(202, submitted.statusCode(), submitted.body());
        JsonObject run = finished("cohort/runs/" + json(submitted.body()).getInt("id"), "rita");
        JsonObject result = run.getJsonArray("results").getJsonObject(0);
        assertEquals("OBSUBTOTAL", result.getJsonObject("count").getString("method"));
        HttpResponse<String> list = client.send("GET", "cohort/patient-sets/" + result.getJsonNumber("id"), null,
                null, "rita", "rita-password");
        assertEquals(403, list.statusCode(), list.body());
        HttpResponse<String> plan = client.send("GET", "cohort/runs/" + run.getInt("id") + "/plan", null, null,
                "rita", "rita-password");
        assertEquals(403, plan.statusCode(), "the plan's statistics hold the exact count: " + plan.body());
        assertTrue(plan.body().contains("PLAN_NEEDS_EXACT_COUNTS"), plan.body());
    }

    @Test
    void theConceptTreeGivesChildrenAndSearchWithTheCountsOfOneItemQueries() throws Exception {
        JsonArray top = array(client.send("GET", "cohort/concepts", null, null, "demo", "demouser"));
        assertEquals("\\SMART\\", top.getJsonObject(0).getString("path"), top.toString());
        assertTrue(top.getJsonObject(0).getBoolean("has_children"));
        JsonArray smart = array(client.send("GET", "cohort/concepts?parent=" + URLEncoder.encode("\\SMART\\",
                StandardCharsets.UTF_8), null, null, "demo", "demouser"));
        JsonObject meds = smart.stream().map(JsonValue::asJsonObject)
                .filter(n -> n.getString("path").equals("\\SMART\\Medications\\")).findFirst().orElseThrow();
        assertEquals("Medications", meds.getString("name"));
        assertEquals(JsonValue.NULL, meds.get("code"), "folders have no code");

        HttpResponse<String> submitted = client.send("POST", "cohort/runs", "application/json", "{\"definition\": "
                + MEDS + ", \"results\": [\"PATIENT_COUNT_XML\"]}", "demo", "demouser");
        assertEquals(202, submitted.statusCode(), submitted.body());
        JsonObject run = finished("cohort/runs/" + json(submitted.body()).getInt("id"), "demo", "demouser");
        JsonObject count = run.getJsonArray("results").getJsonObject(0).getJsonObject("count");
        assertEquals(count, meds.getJsonObject("patients"), "the tree counts what a one-item query on it counts");

        JsonArray found = array(client.send("GET", "cohort/concepts/search?q=GLUCOSE&limit=2", null, null, "demo",
                "demouser"));
        assertEquals(2, found.size(), found.toString());
        found.forEach(n -> assertTrue((n.asJsonObject().getString("name") + n.asJsonObject().get("code"))
                .toLowerCase(java.util.Locale.ROOT).contains("glucose"), n.toString()));
        for (String bad : new String[] {"concepts?parent=SMART", "concepts/search?q=",
                "concepts/search?q=a&limit=501"}) {
            HttpResponse<String> refused = client.send("GET", "cohort/" + bad, null, null, "demo", "demouser");
            assertEquals(400, refused.statusCode(), bad + ": " + refused.body());
        }
        HttpResponse<String> protectedCounts = client.send("GET", "cohort/concepts", null, null, "rita",
                "rita-password");
        assertEquals("OBSUBTOTAL", array(protectedCounts).getJsonObject(0).getJsonObject("patients")
                .getString("method"), protectedCounts.body());
    }

    @Test
    void invalidDefinitionsAreRefusedWithTheElementAndTheProblem() throws Exception {
        HttpResponse<String> bad = client.send("POST", "cohort/runs", "application/json", "{\"definition\": {\"panels\":"
                + " [{\"items\": [{\"key\": \"nonsense\"}]}]}}", "sam", "sam-password");
        assertEquals(400, bad.statusCode(), bad.body());
        assertTrue(bad.body().contains("QUERY_DEFINITION_INVALID") && bad.body().contains("/panels/0/items/0/key"),
                bad.body());
        HttpResponse<String> badType = client.send("POST", "cohort/runs", "application/json", "{\"definition\": "
                + MEDS + ", \"results\": [\"EVERYTHING\"]}", "sam", "sam-password");
        assertEquals(400, badType.statusCode(), badType.body());
        HttpResponse<String> notJson = client.send("POST", "cohort/runs", "application/json", "[1, 2", "sam",
                "sam-password");
        assertEquals(400, notJson.statusCode(), notJson.body());
        for (String wrongType : new String[] {"\"timeoutSeconds\": \"abc\"", "\"timeoutSeconds\": 1.5",
                "\"timeoutSeconds\": -3", "\"results\": \"PATIENTSET\""}) {
            HttpResponse<String> wrong = client.send("POST", "cohort/runs", "application/json", "{\"definition\": "
                    + MEDS + ", " + wrongType + "}", "sam", "sam-password");
            assertEquals(400, wrong.statusCode(), wrongType + ": " + wrong.body());
            assertTrue(wrong.body().contains("QUERY_DEFINITION_INVALID"), wrong.body());
        }
    }

    @Test
    void savedQueriesAreListedReadShownAsI2b2RenamedAndDeletedByTheirOwnerOnly() throws Exception {
        assertEquals(204, client.send("PUT", "admin/cohort-users/quinn", "application/json", "{\"password\":"
                + " \"quinn-password\", \"roles\": [\"DATA_AGG\"]}", "admin", ContainerClient.ADMIN_PASSWORD)
                .statusCode());
        long before = json(client.send("GET", "cohort/queries", null, null, "quinn", "quinn-password").body())
                .getJsonNumber("total").longValue();
        JsonObject metformin = finished("cohort/runs/" + json(client.send("POST", "cohort/runs", "application/json",
                "{\"definition\": " + METFORMIN + ", \"results\": [\"PATIENTSET\"]}", "quinn", "quinn-password")
                .body()).getInt("id"), "quinn");
        JsonObject meds = finished("cohort/runs/" + json(client.send("POST", "cohort/runs", "application/json",
                "{\"definition\": " + MEDS + "}", "quinn", "quinn-password").body()).getInt("id"), "quinn");
        long id = metformin.getJsonNumber("queryId").longValue();
        String query = "cohort/queries/" + id;

        JsonObject newest = json(client.send("GET", "cohort/queries?offset=0&limit=1", null, null, "quinn",
                "quinn-password").body());
        assertEquals(before + 2, newest.getJsonNumber("total").longValue(), newest.toString());
        JsonObject listed = newest.getJsonArray("queries").getJsonObject(0);
        assertEquals("meds", listed.getString("name"));
        assertEquals(meds, listed.getJsonObject("last_run"), "the last run as GET /cohort/runs/{id} shows it");
        JsonObject second = json(client.send("GET", "cohort/queries?offset=1&limit=1", null, null, "quinn",
                "quinn-password").body()).getJsonArray("queries").getJsonObject(0);
        assertEquals(id, second.getJsonNumber("id").longValue());
        assertEquals(metformin.getString("submitted"), second.getString("created"));

        JsonObject read = json(client.send("GET", query, null, null, "quinn", "quinn-password").body());
        assertEquals("metformin", read.getString("name"));
        assertEquals(second.getString("created"), read.getString("created"));
        assertEquals("\\\\i2b2\\SMART\\Medications\\METFORMIN\\", read.getJsonObject("definition")
                .getJsonArray("panels").getJsonObject(0).getJsonArray("items").getJsonObject(0).getString("key"));
        assertEquals(1, array(client.send("GET", query + "/runs", null, null, "quinn", "quinn-password")).size());

        HttpResponse<String> renamed = client.send("PATCH", query, "application/json", "{\"name\": \" Metformin &"
                + " <co> \"}", "quinn", "quinn-password");
        assertEquals(200, renamed.statusCode(), renamed.body());
        assertEquals("Metformin & <co>", json(renamed.body()).getString("name"));
        assertEquals("Metformin & <co>", json(renamed.body()).getJsonObject("definition").getString("name"));
        HttpResponse<String> xml = client.send("GET", query + "/i2b2", null, null, "quinn", "quinn-password");
        assertEquals(200, xml.statusCode(), xml.body());
        assertTrue(xml.headers().firstValue("Content-Type").orElseThrow().startsWith("application/xml"));
        assertTrue(xml.body().contains("<query_name>Metformin &amp; &lt;co&gt;</query_name>"), xml.body());
        HttpResponse<String> rerun = client.send("POST", "cohort/runs", "application/xml", xml.body(), "quinn",
                "quinn-password");
        assertEquals(202, rerun.statusCode(), "the XML runs as i2b2 XML: " + rerun.body());
        assertEquals(metformin.getJsonArray("results").getJsonObject(0).getJsonObject("count").getInt("value"),
                finished("cohort/runs/" + json(rerun.body()).getInt("id"), "quinn").getJsonArray("results")
                        .getJsonObject(0).getJsonObject("count").getInt("value"));

        for (String badName : new String[] {"{\"name\": \"\"}", "{\"name\": \"  \"}", "{\"name\": \""
                + "x".repeat(251) + "\"}", "{\"name\": 5}", "{}", "[\"name\"]"}) {
            HttpResponse<String> bad = client.send("PATCH", query, "application/json", badName, "quinn",
                    "quinn-password");
            assertEquals(400, bad.statusCode(), badName + ": " + bad.body());
            assertTrue(bad.body().contains("QUERY_NAME_INVALID"), bad.body());
        }
        for (String[] call : new String[][] {{"GET", query}, {"GET", query + "/i2b2"}, {"PATCH", query},
                {"DELETE", query}}) {
            HttpResponse<String> foreign = client.send(call[0], call[1], "application/json", "{\"name\": \"mine\"}",
                    "rita", "rita-password");
            assertEquals(404, foreign.statusCode(), call[0] + " " + call[1] + ": " + foreign.body());
            assertTrue(foreign.body().contains("QUERY_NOT_FOUND"), foreign.body());
        }
        assertEquals(404, client.send("GET", query + "/runs", null, null, "rita", "rita-password").statusCode());
        assertEquals(401, client.send("GET", "cohort/queries", null, null, null, null).statusCode());
        assertEquals(400, client.send("GET", "cohort/queries?limit=0", null, null, "quinn", "quinn-password")
                .statusCode());

        assertEquals(204, client.send("DELETE", query, null, null, "quinn", "quinn-password").statusCode());
        JsonObject after = json(client.send("GET", "cohort/queries?limit=500", null, null, "quinn", "quinn-password")
                .body());
        assertEquals(before + 2, after.getJsonNumber("total").longValue(), "one deleted, one rerun: " + after);
        assertFalse(after.getJsonArray("queries").stream().anyMatch(q -> q.asJsonObject().getJsonNumber("id")
                .longValue() == id), after.toString());
        assertEquals(404, client.send("GET", query, null, null, "quinn", "quinn-password").statusCode());
        assertEquals(404, client.send("DELETE", query, null, null, "quinn", "quinn-password").statusCode());
        assertEquals(200, client.send("GET", "cohort/runs/" + metformin.getInt("id"), null, null, "quinn",
                "quinn-password").statusCode(), "a deleted query's runs stay readable");
        assertEquals(200, client.send("GET", "cohort/patient-sets/" + metformin.getJsonArray("results")
                .getJsonObject(0).getJsonNumber("id") + "?limit=1", null, null, "quinn", "quinn-password")
                .statusCode(), "and so do its sets");
        assertEquals(1, array(client.send("GET", query + "/runs", null, null, "quinn", "quinn-password")).size(),
                "and its list of runs");
    }

    @Test
    void aDefinitionIsShownAsI2b2XmlBeforeItRuns() throws Exception {
        HttpResponse<String> bare = client.send("POST", "cohort/definitions/i2b2", "application/json", MEDS, "sam",
                "sam-password");
        assertEquals(200, bare.statusCode(), bare.body());
        assertTrue(bare.headers().firstValue("Content-Type").orElseThrow().startsWith("application/xml"));
        assertTrue(bare.body().contains("<query_name>meds</query_name>")
                && bare.body().contains("<item_key>\\\\i2b2\\SMART\\Medications\\</item_key>"), bare.body());
        HttpResponse<String> wrapped = client.send("POST", "cohort/definitions/i2b2", "application/json",
                "{\"definition\": " + MEDS + "}", "sam", "sam-password");
        assertEquals(bare.body(), wrapped.body(), "as the definition of a run request");
        HttpResponse<String> bad = client.send("POST", "cohort/definitions/i2b2", "application/json", "{\"panels\":"
                + " [{\"items\": [{\"key\": \"nonsense\"}]}]}", "sam", "sam-password");
        assertEquals(400, bad.statusCode(), bad.body());
        assertTrue(bad.body().contains("QUERY_DEFINITION_INVALID") && bad.body().contains("/panels/0/items/0/key"),
                bad.body());
        assertEquals(401, client.send("POST", "cohort/definitions/i2b2", "application/json", MEDS, null, null)
                .statusCode());
    }

    @Test
    void i2b2sOwnTestMessageRunsUnchangedOnTheQueryToolEndpoint() throws Exception {
        Path file = Path.of(System.getProperty("smartcc.shared.dir"), "cohort-data", "i2b2-crc-testfiles",
                "setfinder_paneltiming_same_[133].xml");
        String message = Files.readString(file);
        HttpResponse<String> answer = client.send("POST", "i2b2/services/QueryToolService/request",
                "application/xml", message, null, null);
        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("<status type=\"DONE\">DONE</status>"), answer.body());
        assertTrue(answer.body().contains("<name>FINISHED</name>"), answer.body());
        assertTrue(answer.body().contains("condition type=\"WARNING\""), "i2b2 demo paths are not in this ontology");
        String instanceId = first(answer.body(), "<query_instance_id>(\\d+)</query_instance_id>");
        HttpResponse<String> results = client.send("POST", "i2b2/services/QueryToolService/request",
                "application/xml", message.replaceAll("(?s)<request_type>.*?</request_type>",
                        "<request_type>CRC_QRY_getQueryResultInstanceList_fromQueryInstanceId</request_type>")
                        .replaceAll("(?s)<query_definition>.*</query_definition>", "<query_instance_id>" + instanceId
                                + "</query_instance_id>"), null, null);
        assertEquals(200, results.statusCode(), results.body());
        assertTrue(results.body().contains("<query_result_instance>"), results.body());

        HttpResponse<String> wrong = client.send("POST", "i2b2/services/QueryToolService/request", "application/xml",
                message.replace("demouser", "guess"), null, null);
        assertEquals(200, wrong.statusCode(), "i2b2 clients read errors from the envelope");
        assertTrue(wrong.body().contains("<status type=\"ERROR\">authentication failed"), wrong.body());
        HttpResponse<String> broken = client.send("POST", "i2b2/services/QueryToolService/request", "application/xml",
                message.substring(0, message.length() / 2), null, null);
        assertEquals(200, broken.statusCode());
        assertTrue(broken.body().contains("not well-formed XML"), broken.body());
    }

    @Test
    void i2b2sPmCellLogsInWithASessionTokenOnlyForItsUser() throws Exception {
        I2b2CellChecks cells = new I2b2CellChecks(client);
        cells.pmLogsInWithATokenAndNamesTheCells();
        cells.cellsAnswerCorsToAllowedOrigins();
    }

    @Test
    void i2b2sPmCellLogsInTheLaunchersResearchers() throws Exception {
        new I2b2CellChecks(client).launcherResearchersLogInThroughPm();
    }

    @Test
    void i2b2sOntologyAndWorkplaceCellsServeTheConceptTreeToATokenLogin() throws Exception {
        I2b2CellChecks cells = new I2b2CellChecks(client);
        cells.ontologyAndWorkplaceAnswerWithTheConceptTree(cells.login("demo", "demouser"));
    }

    @Test
    void i2b2sQueryToolServesResultTypesAndTheQueryMastersOfTheWebClient() throws Exception {
        I2b2CellChecks cells = new I2b2CellChecks(client);
        cells.queryToolServesTheWebClientsQueryMasters(cells.login("demo", "demouser"));
    }

    @Test
    void i2b2sSqlBreakdownsAnswerThroughTheJsonApiAndTheI2b2Endpoint() throws Exception {
        HttpResponse<String> submitted = client.send("POST", "cohort/runs", "application/json", "{\"definition\": "
                + MEDS + ", \"results\": [\"PATIENT_COUNT_XML\", \"PATIENT_INOUT_XML\", \"PATIENT_LOS_XML\","
                + " \"patient_top20meds_xml\", \"PATIENT_TOP20DIAG_XML\"]}", "sam", "sam-password");
        assertEquals(202, submitted.statusCode(), submitted.body());
        JsonObject run = finished("cohort/runs/" + json(submitted.body()).getInt("id"), "sam");
        assertEquals("FINISHED", run.getString("status"), run.toString());
        Map<String, JsonObject> breakdowns = new TreeMap<>();
        run.getJsonArray("results").getValuesAs(JsonObject.class).forEach(r -> breakdowns.put(r.getString("type"),
                r.getJsonObject("breakdown")));
        assertEquals(Set.of("PATIENT_COUNT_XML", "PATIENT_INOUT_XML", "PATIENT_LOS_XML", "PATIENT_TOP20MEDS_XML",
                "PATIENT_TOP20DIAG_XML"), breakdowns.keySet());
        assertTrue(breakdowns.get("PATIENT_LOS_XML").keySet().containsAll(List.of("0", "1", "2-3", "15+")),
                breakdowns.toString());
        assertTrue(breakdowns.get("PATIENT_INOUT_XML").containsKey("O"), breakdowns.toString());
        JsonObject meds = breakdowns.get("PATIENT_TOP20MEDS_XML");
        assertTrue(meds.size() > 3 && meds.size() <= 20, meds.toString());
        assertEquals("EXACT", meds.values().iterator().next().asJsonObject().getString("method"));

        Path dir = Path.of(System.getProperty("smartcc.shared.dir"), "cohort-data", "i2b2-crc-testfiles",
                "SQLBreakdown");
        for (String name : List.of("InOut.xml", "Top10Diagnosis.xml")) {
            HttpResponse<String> answer = client.send("POST", "i2b2/services/QueryToolService/request",
                    "application/xml", Files.readString(dir.resolve(name)), null, null);
            assertEquals(200, answer.statusCode(), answer.body());
            assertTrue(answer.body().contains("<status type=\"DONE\">DONE</status>")
                    && answer.body().contains("<name>PATIENT_INOUT_XML</name><display_type>CATNUM</display_type>"),
                    name + ": " + answer.body());
            assertTrue(answer.body().contains("condition type=\"WARNING\""), "i2b2 demo paths: " + answer.body());
        }
        HttpResponse<String> refused = client.send("POST", "i2b2/services/QueryToolService/request",
                "application/xml", Files.readString(dir.resolve("InOut_InValid_User.xml")), null, null);
        assertEquals(200, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("<status type=\"ERROR\">authentication failed"), refused.body());

        // the same message on this ontology's medications: the result document holds the protected cells
        String message = Files.readString(dir.resolve("InOut.xml")).replace(
                "\\\\i2b2_DIAG\\i2b2\\Diagnoses\\Circulatory system (390-459)\\", "\\\\i2b2\\SMART\\Medications\\");
        assertTrue(message.contains("SMART\\Medications"), "the item key was replaced");
        HttpResponse<String> answer = client.send("POST", "i2b2/services/QueryToolService/request",
                "application/xml", message, null, null);
        assertEquals(200, answer.statusCode(), answer.body());
        String inOut = first(answer.body(), "<result_instance_id>(\\d+)</result_instance_id><query_instance_id>\\d+"
                + "</query_instance_id><description>[^<]*</description><query_result_type><result_type_id>13"
                + "</result_type_id><name>PATIENT_INOUT_XML</name>");
        HttpResponse<String> document = client.send("POST", "i2b2/services/QueryToolService/request",
                "application/xml", message.replaceAll("(?s)<request_type>.*?</request_type>",
                        "<request_type>CRC_QRY_getResultDocument_fromResultInstanceId</request_type>")
                        .replaceAll("(?s)<query_definition>.*</query_definition>", "<query_result_instance_id>"
                                + inOut + "</query_result_instance_id>"), null, null);
        assertEquals(200, document.statusCode(), document.body());
        assertTrue(document.body().contains("result name=&quot;PATIENT_INOUT_XML&quot;")
                && document.body().contains("&lt;data column=&quot;O&quot;"), document.body());
    }

    @Test
    void theSetsOwnerReadsItsAggregatesProtectedAsTheirRolesSay() throws Exception {
        long setId = patientSetOf(MEDS, "sam");
        String base = "cohort/patient-sets/" + setId + "/aggregates/";
        JsonArray meds = array(client.send("GET", base + "medications/codes?top=5", null, null, "sam",
                "sam-password"));
        assertEquals(5, meds.size(), meds.toString());
        JsonObject top = meds.getJsonObject(0);
        assertEquals("RXNORM", top.getString("system"));
        assertFalse(top.getString("title").isBlank());
        assertEquals("EXACT", top.getJsonObject("patients").getString("method"));
        assertTrue(top.getJsonObject("patients").getInt("value") >= meds.getJsonObject(4).getJsonObject("patients")
                .getInt("value"), meds.toString());
        JsonObject lab = array(client.send("GET", base + "lab_results/codes", null, null, "sam", "sam-password"))
                .getJsonObject(0);
        HttpResponse<String> values = client.send("GET", base + "lab_results/values?bins=5&code="
                + URLEncoder.encode(lab.getString("system") + ":" + lab.getString("code"), StandardCharsets.UTF_8),
                null, null, "sam", "sam-password");
        assertEquals(200, values.statusCode(), values.body());
        JsonObject distribution = json(values.body());
        assertTrue(distribution.getJsonObject("patients").getInt("value") > 3, distribution.toString());
        assertTrue(distribution.getJsonObject("quantiles").containsKey("p50"), distribution.toString());
        JsonArray bins = distribution.getJsonArray("bins");
        assertTrue(bins.size() >= 3 && bins.getJsonObject(0).isNull("from"), distribution.toString());

        for (String[] bad : new String[][] {{base + "medications/codes?top=0", "400", "BAD_TOP"},
            {base + "medications/codes?top=many", "400", "BAD_TOP"},
            {base + "lab_results/values?code=nocolon", "400", "BAD_CODE"},
            {base + "lab_results/values?code=LOINC:1&bins=0", "400", "BAD_BINS"},
            {base + "lab_results/values?code=LOINC:none", "404", "CODE_NOT_FOUND"},
            {base + "clinical_notes/codes", "404", "COLLECTION_NOT_FOUND"}}) {
            HttpResponse<String> refused = client.send("GET", bad[0], null, null, "sam", "sam-password");
            assertEquals(Integer.parseInt(bad[1]), refused.statusCode(), bad[0] + ": " + refused.body());
            assertTrue(refused.body().contains(bad[2]), refused.body());
        }
        HttpResponse<String> foreign = client.send("GET", base + "medications/codes", null, null, "rita",
                "rita-password");
        assertEquals(404, foreign.statusCode(), foreign.body());
        assertTrue(foreign.body().contains("SET_NOT_FOUND"), foreign.body());
        assertEquals(401, client.send("GET", base + "medications/codes", null, null, null, null).statusCode());

        // an obfuscated owner: noised counts, drawn once, so that asking again gives the same answer
        String own = "cohort/patient-sets/" + patientSetOf(MEDS, "rita") + "/aggregates/lab_results/codes?top=";
        JsonArray noised = array(client.send("GET", own + "100", null, null, "rita", "rita-password"));
        assertTrue(noised.size() > 3, noised.toString());
        assertTrue(noised.getValuesAs(JsonObject.class).stream().allMatch(c -> c.getJsonObject("patients")
                .getString("method").equals("OBSUBTOTAL") && !c.getJsonObject("patients").getBoolean("suppressed")));
        for (int n : new int[] {100, 3, 100}) {
            JsonArray again = array(client.send("GET", own + n, null, null, "rita", "rita-password"));
            assertEquals(noised.subList(0, Math.min(n, noised.size())), again, "top " + n);
        }
    }

    /**
     * An app the set was granted to reads its aggregates 2-legged as itself: protected counts whatever the owner's
     * roles (an app has no data roles), refused as the population reads are refused, each answer audited.
     */
    @Test
    void aGrantedAppReadsTheSetsAggregatesProtectedAndAudited() throws Exception {
        long setId = patientSetOf(MEDS, "sam");
        PopulationClient population = app.population(setId);
        SmartClientException ungranted = assertThrows(SmartClientException.class,
                () -> population.codeCounts("medications", 5));
        assertEquals("FORBIDDEN_NOT_GRANTED", ungranted.code(), ungranted.getMessage());
        assertEquals(403, ungranted.status());
        try (Grant granted = grant(setId)) {
            com.fasterxml.jackson.databind.JsonNode codes = population.codeCounts("medications", 5);
            assertEquals(5, codes.size(), codes.toString());
            for (com.fasterxml.jackson.databind.JsonNode code : codes) {
                assertEquals("OBSUBTOTAL", code.get("patients").get("method").asText(), codes.toString());
            }
            assertEquals(codes, population.codeCounts("medications", 5), "the same draws when asked again");
            JsonObject firstLab = array(client.send("GET", "cohort/patient-sets/" + setId
                    + "/aggregates/lab_results/codes", null, null, "sam", "sam-password")).getJsonObject(0);
            String lab = firstLab.getString("system") + ":" + firstLab.getString("code");
            com.fasterxml.jackson.databind.JsonNode values = population.valueDistribution("lab_results", lab, 5);
            assertEquals("OBSUBTOTAL", values.get("patients").get("method").asText(), values.toString());

            SmartClientException notGranted = assertThrows(SmartClientException.class,
                    () -> app.population(setId + 1000).codeCounts("medications", 5));
            assertEquals("FORBIDDEN_NOT_GRANTED", notGranted.code());
            SmartClientException badTop = assertThrows(SmartClientException.class,
                    () -> population.codeCounts("medications", 0));
            assertEquals("BAD_TOP", badTop.code());

            List<JsonObject> audited = array(client.send("GET", "admin/population-audit?set=" + setId, null, null,
                    "admin", ContainerClient.ADMIN_PASSWORD)).getValuesAs(JsonObject.class);
            assertEquals(2, audited.stream().filter(r -> r.getString("format").equals("aggregate:codes")).count(),
                    audited.toString());
            JsonObject valuesRead = audited.stream().filter(r -> r.getString("format").equals("aggregate:values"))
                    .findFirst().orElseThrow(() -> new AssertionError(audited.toString()));
            assertEquals("lab_results", valuesRead.getString("collection"));
            assertEquals(BACKGROUND_APP, valuesRead.getString("app_id"));
            assertEquals("sam", valuesRead.getString("granted_by"));
        }
    }

    /** The id of the PATIENTSET result of a finished run of the definition by the user. */
    private long patientSetOf(String definition, String user) throws Exception {
        HttpResponse<String> submitted = client.send("POST", "cohort/runs", "application/json", "{\"definition\": "
                + definition + ", \"results\": [\"PATIENTSET\"]}", user, user + "-password");
        assertEquals(202, submitted.statusCode(), submitted.body());
        JsonObject run = finished("cohort/runs/" + json(submitted.body()).getInt("id"), user);
        assertEquals("FINISHED", run.getString("status"), run.toString());
        return run.getJsonArray("results").getJsonObject(0).getJsonNumber("id").longValue();
    }

    @Test
    void cohortAndI2b2BodiesAboveTheCohortLimitAreRefusedDeclaredOrChunked() throws Exception {
        String padding = " ".repeat(1024 * 1024 + 1);
        String declared = client.postRaw("cohort/runs", "application/json", ("{\"definition\": " + MEDS + padding
                + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8), false);
        assertTrue(declared.startsWith("HTTP/1.1 413"), declared);
        assertTrue(declared.contains("BODY_TOO_LARGE") && declared.contains("smartcc.cohort.max-body-kb"), declared);

        Path file = Path.of(System.getProperty("smartcc.shared.dir"), "cohort-data", "i2b2-crc-testfiles",
                "setfinder_paneltiming_same_[133].xml");
        byte[] padded = Files.readString(file).replace("<message_body>", "<message_body><!--" + padding + "-->")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String chunked = client.postRaw("i2b2/services/QueryToolService/request", "application/xml", padded, true);
        assertTrue(chunked.startsWith("HTTP/1.1 200"), "i2b2's envelope, as i2b2 clients expect: " + chunked);
        assertTrue(chunked.contains("<status type=\"ERROR\">BODY_TOO_LARGE"), chunked);
    }

    /**
     * The copy-paste examples of the docs (fenced bash blocks that start with {@code # example: <name>}) run as they
     * stand, with this deployment's base URL for {@code http://localhost:8080}, so they cannot drift from the API.
     */
    @Test
    void theDocsExamplesRunAsWritten() throws Exception {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve("docs/api.md"))) {
            root = root.getParent();
        }
        Map<String, String> examples = new TreeMap<>();
        Pattern block = Pattern.compile("(?s)```bash\n# example: ([\\w-]+)\n(.*?)```");
        try (var docs = Files.list(root.resolve("docs"))) {
            for (Path doc : Stream.concat(Stream.of(root.resolve("README.md")), docs.filter(p -> p.toString()
                    .endsWith(".md"))).toList()) {
                Matcher m = block.matcher(Files.readString(doc));
                while (m.find()) {
                    assertEquals(null, examples.put(m.group(1), m.group(2)), "two examples named " + m.group(1));
                }
            }
        }
        assertEquals(Set.of("cohort-run", "i2b2-query", "record-read"), examples.keySet());
        String base = url.toString().replaceAll("/$", "");

        String run = runExample(root, examples.get("cohort-run"), base);
        assertTrue(run.contains("\"status\":\"FINISHED\""), run);
        assertTrue(Integer.parseInt(first(run, "\"count\":\\{[^}]*\"value\":(\\d+)")) > 10, run);

        String i2b2 = runExample(root, examples.get("i2b2-query"), base);
        assertTrue(i2b2.contains("<status type=\"DONE\">DONE</status>"), i2b2);
        assertTrue(Integer.parseInt(first(i2b2, "<set_size>(\\d+)</set_size>")) > 10, i2b2);

        String record = runExample(root, examples.get("record-read"), base);
        assertTrue(record.contains("rdf:resource=\"http://smartplatforms.org/terms#Medication\""), record);
        assertTrue(record.contains(base + "/records/2169591/medications/"), record);
    }

    private static String runExample(Path root, String script, String base) throws Exception {
        Process bash = new ProcessBuilder("bash", "-c", script.replace("http://localhost:8080", base))
                .directory(root.toFile()).redirectErrorStream(true).start();
        String output = new String(bash.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(bash.waitFor(5, java.util.concurrent.TimeUnit.MINUTES), script);
        assertEquals(0, bash.exitValue(), "needs bash, curl and openssl (.ci/run installs them): " + output);
        return output;
    }

    private JsonObject finished(String path, String user) throws Exception {
        return finished(path, user, user + "-password");
    }

    private JsonObject finished(String path, String user, String password) throws Exception {
        JsonObject run = null;
        for (int i = 0; i < 600; i++) {
            HttpResponse<String> answer = client.send("GET", path, null, null, user, password);
            assertEquals(200, answer.statusCode(), answer.body());
            run = json(answer.body());
            if (!run.getString("status").equals("QUEUED") && !run.getString("status").equals("PROCESSING")) {
                return run;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("run did not finish: " + run);
    }

    private static String first(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), regex + " in " + text);
        return m.group(1);
    }

    private static JsonArray array(HttpResponse<String> answer) {
        assertEquals(200, answer.statusCode(), answer.body());
        return Json.createReader(new StringReader(answer.body())).readArray();
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    /**
     * The audit trail (docs/security.md) of a researcher's run and a granted app's population read and export: the
     * run started and ended with its set, a refused cohort login, each population answer and the export's start and
     * end by app and set, found by {@code GET /admin/audit}.
     */
    @Test
    void theAuditTrailHasTheRunAndThePopulationReadsAndExportOfItsSet() throws Exception {
        String from = java.time.Instant.now().minusSeconds(1).toString();
        assertEquals(401, client.send("GET", "cohort/concepts", null, null, "sam", "audit-guess").statusCode());
        HttpResponse<String> submitted = client.send("POST", "cohort/runs", "application/json", "{\"definition\": "
                + METFORMIN + ", \"results\": [\"PATIENTSET\"]}", "sam", "sam-password");
        assertEquals(202, submitted.statusCode(), submitted.body());
        long runId = json(submitted.body()).getInt("id");
        JsonObject run = finished("cohort/runs/" + runId, "sam");
        long setId = run.getJsonArray("results").getJsonObject(0).getJsonNumber("id").longValue();
        PopulationClient set = app.population(setId);
        try (Grant granted = grant(setId)) {
            int pages = bulk(set, "medications", N_TRIPLES).pages();
            String export = set.startExport(List.of("problems"), List.of(), Map.of());
            assertEquals("DONE", set.awaitExport(export, Duration.ofMinutes(10), Duration.ofSeconds(1)).state());

            List<JsonObject> ofTheApp = auditEvents("from=" + from + "&app=" + BACKGROUND_APP);
            assertEquals(pages + 1, ofTheApp.stream().filter(e -> e.getString("kind").equals("POPULATION_READ")
                    && e.getJsonNumber("set_id").longValue() == setId).count(), ofTheApp.toString());
            for (String kind : List.of("EXPORT_STARTED", "EXPORT_ENDED")) {
                assertTrue(ofTheApp.stream().anyMatch(e -> e.getString("kind").equals(kind)
                        && e.getString("what").equals("export " + export)
                        && e.getJsonNumber("set_id").longValue() == setId
                        && e.getString("outcome").equals(kind.equals("EXPORT_ENDED") ? "DONE" : "OK")),
                        kind + " in " + ofTheApp);
            }
        }
        List<JsonObject> ofSam = auditEvents("from=" + from + "&user=sam");
        for (String kind : List.of("COHORT_RUN_STARTED", "COHORT_RUN_ENDED")) {
            assertTrue(ofSam.stream().anyMatch(e -> e.getString("kind").equals(kind)
                    && e.getJsonNumber("run_id").longValue() == runId && e.getJsonNumber("set_id").longValue() == setId
                    && e.getString("outcome").equals(kind.equals("COHORT_RUN_ENDED") ? "FINISHED" : "OK")),
                    kind + " in " + ofSam);
        }
        List<JsonObject> refused = auditEvents("from=" + from + "&kind=LOGIN_FAILED");
        assertTrue(refused.stream().anyMatch(e -> e.getString("what").equals("cohort API")
                && e.getString("outcome").equals("COHORT_CREDENTIALS_WRONG")), refused.toString());
        assertFalse(refused.toString().contains("audit-guess"), refused.toString());
    }

    private List<JsonObject> auditEvents(String query) throws Exception {
        HttpResponse<String> answer = client.send("GET", "admin/audit?" + query.replace(":", "%3A"), null, null,
                "admin", ContainerClient.ADMIN_PASSWORD);
        assertEquals(200, answer.statusCode(), answer.body());
        return json(answer.body()).getJsonArray("events").stream().map(JsonValue::asJsonObject).toList();
    }
}
