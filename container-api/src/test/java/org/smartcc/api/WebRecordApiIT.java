package org.smartcc.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.scribejava.core.model.Verb;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
 * ScribeJava, every record GET of the ontology for all 60 sample patients checked with the API Verifier's queries
 * (spec §8), and the errors for wrong tokens, paths and methods. Named to run after StoreFirstStartIT (failsafe
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
    String base;
    SignedClient app = new SignedClient(APP);

    @BeforeEach
    void ready() throws Exception {
        new ContainerClient(url).awaitReady(Duration.ofMinutes(5));
        base = url.toString().replaceAll("/$", "");
    }

    @Test
    void everySamplePatientPassesTheVerifierChecksOverHttp() throws Exception {
        VerifierChecks verifier = new VerifierChecks(shared().resolve("smart-data/verifier/verifier-queries.json"));
        int responses = 0;
        int checks = 0;
        List<String> failures = new ArrayList<>();
        for (String recordId : recordIds()) {
            Token token = token(recordId);
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
        Token token = token("2169591");
        assertEquals(200, get(token, "/records/2169591/medications/", Map.of()).statusCode());
        HttpResponse<byte[]> other = get(token, "/records/1081332/medications/", Map.of());
        assertEquals(403, other.statusCode());
        assertTrue(text(other).contains("FORBIDDEN_WRONG_RECORD"), text(other));
        HttpResponse<byte[]> twoLegged = app.send(Verb.GET, base + "/records/2169591/medications/", null, null,
                Map.of(), null, null);
        assertEquals(403, twoLegged.statusCode(), text(twoLegged));
        HttpResponse<String> unsigned = new ContainerClient(url).get("records/2169591/medications/");
        assertEquals(401, unsigned.statusCode());
        assertTrue(unsigned.body().contains("OAUTH_HEADER_MISSING"), unsigned.body());
    }

    @Test
    void unknownPathsAndMethodsGet404And405() throws Exception {
        Token token = token("2169591");
        HttpResponse<byte[]> unknown = get(token, "/records/2169591/no_such_things/", Map.of());
        assertEquals(404, unknown.statusCode(), text(unknown));
        HttpResponse<byte[]> noSlash = get(token, "/records/2169591/medications", Map.of());
        assertEquals(404, noSlash.statusCode(), "trailing slashes are significant");
        HttpResponse<byte[]> delete = app.send(Verb.DELETE, base + "/records/2169591/medications/", token.key,
                token.secret, Map.of(), null, null);
        assertEquals(405, delete.statusCode(), text(delete));
        assertEquals("GET", delete.headers().firstValue("Allow").orElse(""));
        HttpResponse<byte[]> badFilter = get(token, "/records/2169591/medications/?date_from=yesterday", Map.of());
        assertEquals(400, badFilter.statusCode(), text(badFilter));
        assertTrue(text(badFilter).contains("BAD_FILTER"), text(badFilter));
    }

    @Test
    void rdfXmlByDefaultTurtleAndJsonLdOnRequest() throws Exception {
        Token token = token("2169591");
        String path = "/records/2169591/problems/";
        assertEquals("application/rdf+xml", contentType(get(token, path, Map.of("Accept", "text/html,*/*;q=0.8"))));
        HttpResponse<byte[]> turtle = get(token, path, Map.of("Accept", "text/turtle"));
        assertEquals("text/turtle", contentType(turtle));
        assertFalse(parse(turtle.body(), Lang.TURTLE).isEmpty());
        HttpResponse<byte[]> jsonLd = get(token, path, Map.of("Accept", "application/ld+json"));
        assertEquals("application/ld+json", contentType(jsonLd));
        assertEquals(parse(turtle.body(), Lang.TURTLE).size(), parse(jsonLd.body(), Lang.JSONLD).size());
        HttpResponse<byte[]> legacy = get(token, "/records/2169591/vital_signs/", Map.of());
        assertEquals(200, legacy.statusCode(), "0.4 path alias");
    }

    @Test
    void anAppPostsAClinicalNote() throws Exception {
        Token token = token("1081332");
        byte[] note = Files.readAllBytes(shared().resolve("smart-data/examples/ClinicalNote.example.rdf"));
        int before = notes(token);
        HttpResponse<byte[]> posted = app.send(Verb.POST, base + "/records/1081332/clinical_notes/", token.key,
                token.secret, Map.of(), "application/rdf+xml", note);
        assertEquals(200, posted.statusCode(), text(posted));
        assertEquals("application/rdf+xml", contentType(posted));
        assertEquals(before + 1, notes(token));
        HttpResponse<byte[]> broken = app.send(Verb.POST, base + "/records/1081332/clinical_notes/", token.key,
                token.secret, Map.of(), "application/rdf+xml", "<rdf:RDF".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, broken.statusCode(), text(broken));
        assertTrue(text(broken).contains("RDF_PARSE"), text(broken));
    }

    private int notes(Token token) throws Exception {
        Model model = fetch(token, "/records/1081332/clinical_notes/");
        return model.listSubjectsWithProperty(RDF.type, model.createResource(Vocab.SP + "ClinicalNote")).toList().size();
    }

    record Token(String key, String secret) {
    }

    /** A background-app token for one record (smart-classic §4.6). */
    private Token token(String recordId) throws Exception {
        HttpResponse<String> answer = app.send(Verb.GET, base + "/apps/" + APP + "/tokens/records/" + recordId,
                null, null);
        assertEquals(200, answer.statusCode(), answer.body());
        Map<String, String> form = SignedClient.form(answer.body());
        return new Token(form.get("oauth_token"), form.get("oauth_token_secret"));
    }

    private HttpResponse<byte[]> get(Token token, String pathAndQuery, Map<String, String> headers) throws Exception {
        return app.send(Verb.GET, base + pathAndQuery, token.key, token.secret, headers, null, null);
    }

    private Model fetch(Token token, String pathAndQuery) throws Exception {
        HttpResponse<byte[]> answer = get(token, pathAndQuery, Map.of());
        assertEquals(200, answer.statusCode(), pathAndQuery + ": " + text(answer));
        assertEquals("application/rdf+xml", contentType(answer), pathAndQuery);
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

    @Test
    void openApiDescribesEveryCallTheServerHas() throws Exception {
        new OperationsChecks(base).openApiHasEveryRoute(CALLS);
    }

    @Test
    void metricsCountRequestsAndTheLogIsJsonWithoutNamesOrSecrets() throws Exception {
        OperationsChecks checks = new OperationsChecks(base);
        checks.metricsAndRequestIds(base);
        checks.logIsJsonWithoutNamesOrSecrets(Path.of(System.getProperty("it.log.file")),
                shared().resolve("smart-data/patients/generated"), "ops-check-0001");
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

    private static String contentType(HttpResponse<?> answer) {
        return answer.headers().firstValue("Content-Type").orElse("");
    }

    private static String text(HttpResponse<byte[]> answer) {
        return new String(answer.body(), StandardCharsets.UTF_8);
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
