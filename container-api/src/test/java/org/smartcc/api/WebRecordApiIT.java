package org.smartcc.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
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
import org.smartcc.client.AccessToken;
import org.smartcc.client.SmartClient;
import org.smartcc.client.SmartRequest;
import org.smartcc.client.SmartResponse;
import org.smartcc.records.ConformanceExceptions;
import org.smartcc.records.RecordApi;
import org.smartcc.records.VerifierChecks;
import org.smartcc.records.domain.ApiCall;
import org.smartcc.records.domain.ApiCallTable;
import org.smartcc.records.domain.CallCategory;
import org.smartcc.records.domain.Cardinality;
import org.smartcc.store.SmartOntology;
import org.smartcc.store.Vocab;

/**
 * The record API over HTTP as an app sees it: per-record tokens from the background-app loop, requests signed by
 * the project's Java client, every record GET of the ontology for all 60 sample patients checked with the API
 * Verifier's queries (spec §8), and the errors for wrong tokens, paths and methods. Named to run after StoreFirstStartIT (failsafe
 * runs classes alphabetically on one data folder): it posts a clinical note, which a first start must not see.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WebRecordApiIT {

    static final String APP = WebApiIT.BACKGROUND_APP;
    static final ApiCallTable CALLS = RecordApi.callTable(SmartOntology.shared());

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.war")));
    }

    @ArquillianResource
    URL url;
    SmartClient app;

    @BeforeEach
    void ready() throws Exception {
        ContainerClient client = new ContainerClient(url);
        client.awaitReady(Duration.ofMinutes(5));
        app = client.app(APP);
    }

    @Test
    void everySamplePatientPassesTheVerifierChecksOverHttp() throws Exception {
        VerifierChecks verifier = new VerifierChecks(shared().resolve("smart-data/verifier/verifier-queries.json"));
        int responses = 0;
        int checks = 0;
        List<String> failures = new ArrayList<>();
        for (String recordId : recordIds()) {
            AccessToken token = app.recordToken(recordId);
            for (ApiCall call : CALLS.calls()) {
                if (!isRecordRead(call) || call.cardinality() != Cardinality.MULTIPLE) {
                    continue;
                }
                String collection = call.path().template().replace("{record_id}", recordId);
                Model model = fetch(token, collection);
                responses++;
                checks += verify(verifier, call, model, recordId, failures);
                Optional<String> item = firstItem(model, call);
                for (ApiCall single : CALLS.calls()) {
                    if (item.isPresent() && isRecordRead(single) && single.cardinality() == Cardinality.SINGLE
                            && single.targetClass().equals(call.targetClass()) && single.itemVariable().isPresent()) {
                        Model one = fetch(token, collection + item.get() + "?format=metadata");
                        responses++;
                        checks += verify(verifier, single, one, recordId, failures);
                    }
                }
            }
            for (String singleton : List.of("get_demographics", "get_social_history")) {
                ApiCall call = CALLS.byName(singleton).orElseThrow();
                Model model = fetch(token, call.path().template().replace("{record_id}", recordId));
                responses++;
                checks += verify(verifier, call, model, recordId, failures);
            }
        }
        List<String> unexpected = failures.stream().filter(f -> !ConformanceExceptions.documented(f)).toList();
        System.out.printf("HTTP conformance: %d responses, %d check runs, %d failed (%d documented)%n",
                responses, checks, failures.size(), failures.size() - unexpected.size());
        assertTrue(responses > 1000, "responses: " + responses);
        assertEquals(List.of(), unexpected);
    }

    @Test
    void recordCallsNeedATokenForThatRecord() throws Exception {
        AccessToken token = app.recordToken("2169591");
        assertEquals(200, get(token, "/records/2169591/medications/", Map.of()).status());
        SmartResponse other = get(token, "/records/1081332/medications/", Map.of());
        assertEquals(403, other.status());
        assertTrue(other.text().contains("FORBIDDEN_WRONG_RECORD"), other.text());
        SmartResponse twoLegged = app.request("GET", "/records/2169591/medications/").send();
        assertEquals(403, twoLegged.status(), twoLegged.text());
        HttpResponse<String> unsigned = new ContainerClient(url).get("records/2169591/medications/");
        assertEquals(401, unsigned.statusCode());
        assertTrue(unsigned.body().contains("OAUTH_HEADER_MISSING"), unsigned.body());
    }

    @Test
    void unknownPathsAndMethodsGet404And405() throws Exception {
        AccessToken token = app.recordToken("2169591");
        SmartResponse unknown = get(token, "/records/2169591/no_such_things/", Map.of());
        assertEquals(404, unknown.status(), unknown.text());
        SmartResponse noSlash = get(token, "/records/2169591/medications", Map.of());
        assertEquals(404, noSlash.status(), "trailing slashes are significant");
        SmartResponse delete = app.request("DELETE", "/records/2169591/medications/").token(token).send();
        assertEquals(405, delete.status(), delete.text());
        assertEquals("GET", delete.header("Allow").orElse(""));
        SmartResponse badFilter = get(token, "/records/2169591/medications/?date_from=yesterday", Map.of());
        assertEquals(400, badFilter.status(), badFilter.text());
        assertTrue(badFilter.text().contains("BAD_FILTER"), badFilter.text());
    }

    @Test
    void rdfXmlByDefaultTurtleAndJsonLdOnRequest() throws Exception {
        AccessToken token = app.recordToken("2169591");
        String path = "/records/2169591/problems/";
        assertEquals("application/rdf+xml", get(token, path, Map.of("Accept", "text/html,*/*;q=0.8")).contentType());
        SmartResponse turtle = get(token, path, Map.of("Accept", "text/turtle"));
        assertEquals("text/turtle", turtle.contentType());
        assertFalse(parse(turtle.body(), Lang.TURTLE).isEmpty());
        SmartResponse jsonLd = get(token, path, Map.of("Accept", "application/ld+json"));
        assertEquals("application/ld+json", jsonLd.contentType());
        assertEquals(parse(turtle.body(), Lang.TURTLE).size(), parse(jsonLd.body(), Lang.JSONLD).size());
        SmartResponse legacy = get(token, "/records/2169591/vital_signs/", Map.of());
        assertEquals(200, legacy.status(), "0.4 path alias");
    }

    @Test
    void anAppPostsAClinicalNote() throws Exception {
        AccessToken token = app.recordToken("1081332");
        byte[] note = Files.readAllBytes(shared().resolve("smart-data/examples/ClinicalNote.example.rdf"));
        int before = notes(token);
        SmartResponse posted = app.request("POST", "/records/1081332/clinical_notes/").token(token)
                .body("application/rdf+xml", note).send();
        assertEquals(200, posted.status(), posted.text());
        assertEquals("application/rdf+xml", posted.contentType());
        assertEquals(before + 1, notes(token));
        SmartResponse broken = app.request("POST", "/records/1081332/clinical_notes/").token(token)
                .body("application/rdf+xml", "<rdf:RDF").send();
        assertEquals(400, broken.status(), broken.text());
        assertTrue(broken.text().contains("RDF_PARSE"), broken.text());
    }

    private int notes(AccessToken token) {
        Model model = fetch(token, "/records/1081332/clinical_notes/");
        return model.listSubjectsWithProperty(RDF.type, model.createResource(Vocab.SP + "ClinicalNote")).toList().size();
    }

    /** A GET as the API serves it, not as the typed calls ask for it (Turtle): RDF/XML is its default. */
    private SmartResponse get(AccessToken token, String pathAndQuery, Map<String, String> headers) {
        SmartRequest request = app.request("GET", pathAndQuery).token(token);
        headers.forEach(request::header);
        return request.send();
    }

    private Model fetch(AccessToken token, String pathAndQuery) {
        SmartResponse answer = get(token, pathAndQuery, Map.of());
        assertEquals(200, answer.status(), pathAndQuery + ": " + answer.text());
        assertEquals("application/rdf+xml", answer.contentType(), pathAndQuery);
        return parse(answer.body(), Lang.RDFXML);
    }

    private static int verify(VerifierChecks verifier, ApiCall call, Model model, String recordId,
                              List<String> failures) {
        if (model.isEmpty()) {
            return 0;
        }
        int runs = 0;
        List<String> models = call.targetClass().equals("Allergy") ? List.of("Allergy", "AllergyExclusion")
                : List.of(call.targetClass());
        for (String name : models) {
            for (VerifierChecks.Check check : verifier.checks(name)) {
                runs++;
                VerifierChecks.Failure f = VerifierChecks.run(check, model);
                if (f != null) {
                    failures.add(recordId + " " + call.name() + " [" + name + "] " + check.description() + ": "
                            + f.detail());
                }
            }
        }
        return runs;
    }

    private static boolean isRecordRead(ApiCall call) {
        return call.httpMethod().equals("GET") && call.category() == CallCategory.RECORD
                && SmartOntology.shared().statementType(call.targetClass()).isPresent();
    }

    private static Optional<String> firstItem(Model collection, ApiCall call) {
        return collection.listSubjectsWithProperty(RDF.type, collection.createResource(Vocab.SP + call.targetClass()))
                .toList().stream().filter(Resource::isURIResource).map(Resource::getURI).sorted().findFirst()
                .map(uri -> uri.substring(uri.lastIndexOf('/') + 1));
    }

    private static Model parse(byte[] body, Lang lang) {
        Model model = ModelFactory.createDefaultModel();
        RDFParser.source(new ByteArrayInputStream(body)).lang(lang).parse(model);
        return model;
    }

    static Path shared() {
        return Path.of(System.getProperty("smartcc.shared.dir"));
    }

    static List<String> recordIds() throws Exception {
        try (var files = Files.list(shared().resolve("smart-data/patients/generated"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.matches("p.+\\.xml"))
                    .map(n -> n.substring(1, n.length() - 4)).sorted().toList();
        }
    }
}
