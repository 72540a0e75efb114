package org.smartcc.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.File;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
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
import org.smartcc.client.RecordClient;
import org.smartcc.client.RequestToken;
import org.smartcc.client.SmartClient;
import org.smartcc.client.SmartClientException;
import org.smartcc.client.SmartResponse;

/**
 * The SMART API as apps reach it over HTTP: installed app manifests, OAuth 1.0a signed by the project's Java client
 * (on ScribeJava, an independent OAuth implementation) with the development consumer secret, and the errors a badly
 * signed request gets.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WebApiIT {

    static final String BACKGROUND_APP = "smart-connector@apps.smartplatforms.org";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.war")));
    }

    @ArquillianResource
    URL url;
    String base;

    @BeforeEach
    void ready() throws Exception {
        new ContainerClient(url).awaitReady(Duration.ofMinutes(5));
        base = url.toString().replaceAll("/$", "");
    }

    @Test
    void thePublicStatusDoesNotShowWhereTheDataLies() throws Exception {
        ContainerClient client = new ContainerClient(url);
        JsonObject snapshot = client.awaitSnapshot(Duration.ofMinutes(5));
        assertEquals("DONE", snapshot.getString("state"), snapshot.toString());
        assertTrue(snapshot.getJsonObject("snapshot").getString("id").length() > 0, snapshot.toString());
        String status = client.get("status").body();
        assertFalse(status.contains("location") || status.contains("it-data"), status);
    }

    @Test
    void anAdministratorRevokesATokenOrEveryTokenOfAnAppAndTheyAreRefusedAtOnce() throws Exception {
        ContainerClient client = new ContainerClient(url);
        SmartClient app = client.app(BACKGROUND_APP);
        AccessToken first = app.recordToken("2169591");
        AccessToken second = app.recordToken("2169591");
        String medications = "/records/2169591/medications/";
        assertEquals(200, app.request("GET", medications).token(first).send().status());

        HttpResponse<String> anonymous = client.send("DELETE", "admin/tokens/" + first.token(), null, null, null, null);
        assertEquals(401, anonymous.statusCode(), anonymous.body());
        HttpResponse<String> one = client.send("DELETE", "admin/tokens/" + first.token(), null, null, "admin",
                ContainerClient.ADMIN_PASSWORD);
        assertEquals(200, one.statusCode(), one.body());
        JsonObject revoked = ContainerClient.json(one.body());
        assertEquals(1, revoked.getInt("revoked"));
        assertEquals(BACKGROUND_APP, revoked.getString("appId"));
        assertEquals("BACKGROUND", revoked.getString("kind"));
        assertEquals("2169591", revoked.getString("recordId"));
        SmartResponse refused = app.request("GET", medications).token(first).send();
        assertEquals(401, refused.status());
        assertTrue(refused.text().contains("OAUTH_TOKEN_REVOKED"), refused.text());
        assertEquals(404, client.send("DELETE", "admin/tokens/" + first.token(), null, null, "admin",
                ContainerClient.ADMIN_PASSWORD).statusCode(), "already revoked");

        assertEquals(200, app.request("GET", medications).token(second).send().status());
        HttpResponse<String> all = client.send("DELETE", "admin/apps/" + BACKGROUND_APP + "/tokens", null, null,
                "admin", ContainerClient.ADMIN_PASSWORD);
        assertEquals(200, all.statusCode(), all.body());
        assertTrue(ContainerClient.json(all.body()).getInt("revoked") >= 1, all.body());
        assertEquals(401, app.request("GET", medications).token(second).send().status());
        assertEquals(404, client.send("DELETE", "admin/apps/no-such-app@example.org/tokens", null, null, "admin",
                ContainerClient.ADMIN_PASSWORD).statusCode());
    }

    @Test
    void servesTheInstalledAppManifests() throws Exception {
        ContainerClient client = new ContainerClient(url);
        HttpResponse<String> all = client.get("apps/manifests/");
        assertEquals(200, all.statusCode());
        assertEquals("application/json", all.headers().firstValue("Content-Type").orElse(""));
        JsonArray manifests = Json.createReader(new StringReader(all.body())).readArray();
        assertEquals(29, manifests.size(), "28 shared manifest files, two with the same id, and the two example apps");
        HttpResponse<String> one = client.get("apps/med-list@apps.smartplatforms.org/manifest");
        assertEquals(200, one.statusCode());
        assertTrue(one.body().contains("\"med-list@apps.smartplatforms.org\""));
        HttpResponse<String> missing = client.get("apps/no-such-app@example.org/manifest");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("\"NOT_FOUND\""), missing.body());
    }

    @Test
    void aBackgroundAppWalksEveryRecordWithPerRecordTokens() throws Exception {
        SmartClient app = new ContainerClient(url).app(BACKGROUND_APP);
        SmartResponse first = app.request("POST", "/apps/" + BACKGROUND_APP + "/tokens/records/first").send();
        assertEquals(200, first.status(), first.text());
        Map<String, String> token = first.form();
        assertTrue(token.containsKey("oauth_token") && token.containsKey("oauth_token_secret"), first.text());
        String record = token.get("smart_record_id");
        SmartResponse next = app.request("POST", "/apps/" + BACKGROUND_APP + "/tokens/records/" + record + "/next")
                .send();
        assertEquals(200, next.status(), next.text());
        assertTrue(next.form().get("smart_record_id").compareTo(record) > 0);
    }

    @Test
    void theJavaClientWalksTheTokenLoopAndReadsRecordsAsModels() {
        SmartClient smart = new ContainerClient(url).app(BACKGROUND_APP);
        List<String> records = new java.util.ArrayList<>();
        for (AccessToken token : smart.recordTokens()) {
            records.add(token.recordId());
        }
        assertTrue(records.size() >= 50, records.toString());
        assertEquals(records.stream().sorted().distinct().toList(), records, "record id order, each record once");

        RecordClient record = smart.record(smart.recordToken("2169591"));
        Model medications = record.getMedications();
        List<org.apache.jena.rdf.model.Resource> items = medications.listSubjectsWithProperty(RDF.type,
                medications.createResource("http://smartplatforms.org/terms#Medication")).toList();
        assertFalse(items.isEmpty(), "2169591 has medications");
        String itemUri = items.get(0).getURI();
        Model one = record.getMedication(itemUri.substring(itemUri.lastIndexOf('/') + 1));
        assertTrue(one.containsResource(items.get(0)), itemUri);
        assertTrue(record.getDemographics().size() > 0);
        Model none = record.getMedications(Map.of("date_from", "2100-01-01"));
        assertTrue(none.listSubjectsWithProperty(RDF.type, none.createResource(
                "http://smartplatforms.org/terms#Medication")).toList().isEmpty(), "the filter applies");

        SmartClientException refused = org.junit.jupiter.api.Assertions.assertThrows(SmartClientException.class,
                () -> SmartClient.builder(base).consumer(BACKGROUND_APP, "wrong-secret").build().recordToken("2169591"));
        assertEquals(401, refused.status());
        assertTrue(refused.code().startsWith("OAUTH_"), refused.code());
    }

    @Test
    void theJavaClientGoesThroughTheRestFlow() throws Exception {
        SmartClient smart = new ContainerClient(url).app(REST_APP);
        RequestToken request = smart.requestToken("2169591");
        assertTrue(smart.authorizeUrl(request).toString().contains("oauth_token=" + request.token()));
        HttpResponse<String> approved = launcher("POST", "/oauth/internal/request_tokens/" + request.token()
                + "/approve", "user_id=" + DEV_USER);
        assertEquals(200, approved.statusCode(), approved.body());
        String verifier = Json.createReader(new StringReader(approved.body())).readObject().getString("oauth_verifier");
        AccessToken access = smart.accessToken(request, verifier);
        assertEquals("2169591", access.recordId());
        RecordClient record = smart.record(access);
        assertTrue(record.getProblems().size() > 0);
        byte[] json = "{\"font\":\"large\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(200, record.putUserPreferences(DEV_USER, REST_APP, "application/json", json).status());
        assertEquals(new String(json), record.getUserPreferences(DEV_USER, REST_APP).text());
        SmartClientException replayed = org.junit.jupiter.api.Assertions.assertThrows(SmartClientException.class,
                () -> smart.accessToken(request, verifier));
        assertEquals(401, replayed.status(), replayed.getMessage());
    }

    @Test
    void aRestAppGetsARequestTokenBoundToARecord() throws Exception {
        SmartResponse answer = requestToken(new ContainerClient(url).app(REST_APP), "2169591");
        assertEquals(200, answer.status(), answer.text());
        assertTrue(answer.form().containsKey("oauth_token"), answer.text());
    }

    @Test
    void badOrReplayedSignaturesAreRefusedWithTheReason() throws Exception {
        ContainerClient anonymous = new ContainerClient(url);
        HttpResponse<String> unsigned = anonymous.get("apps/" + BACKGROUND_APP + "/tokens/records/2169591");
        assertEquals(401, unsigned.statusCode());
        assertTrue(unsigned.body().contains("OAUTH_HEADER_MISSING"), unsigned.body());

        SmartResponse signed = anonymous.app(BACKGROUND_APP).request("GET", "/apps/" + BACKGROUND_APP
                + "/tokens/records/2169591").send();
        assertEquals(200, signed.status(), signed.text());
        // the one request the client cannot be made to send: the same again, nonce and all
        HttpResponse<String> replay = HttpClient.newHttpClient().send(signed.request(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, replay.statusCode());
        assertTrue(replay.body().contains("OAUTH_NONCE_REPLAYED"), replay.body());

        SmartResponse unknown = anonymous.app("no-such-app@example.org").request("POST", "/oauth/request_token").send();
        assertEquals(401, unknown.status());
        assertTrue(unknown.text().contains("OAUTH_UNKNOWN_CONSUMER"), unknown.text());
        SmartResponse wrongSecret = anonymous.app(BACKGROUND_APP, "wrong-secret").request("GET", "/apps/"
                + BACKGROUND_APP + "/tokens/records/2169591").send();
        assertEquals(401, wrongSecret.status());
        assertTrue(wrongSecret.text().contains("OAUTH_BAD_SIGNATURE"), wrongSecret.text());
    }

    @Test
    void theDebugAidShowsTheBaseStringTheServerSigned() throws Exception {
        SmartResponse debug = new ContainerClient(url).app(BACKGROUND_APP).request("GET", "/oauth/debug?x=a%20b")
                .send();
        assertEquals(200, debug.status(), debug.text());
        assertTrue(debug.text().startsWith("GET&"), debug.text());
        assertTrue(debug.text().contains("x%3Da%2520b"), debug.text());
    }

    @Test
    void theContainerManifestIsSchemaValidAndListsTheOntologysCalls() throws Exception {
        HttpResponse<String> answer = new ContainerClient(url).get("manifest");
        assertEquals(200, answer.statusCode());
        assertEquals("application/json", answer.headers().firstValue("Content-Type").orElse(""));
        Draft03Schema schema = new Draft03Schema(WebRecordApiIT.shared()
                .resolve("smart-data/verifier/container-manifest.schema-draft03.json"));
        assertEquals(List.of(), schema.errors(answer.body()));
        JsonObject manifest = Json.createReader(new StringReader(answer.body())).readObject();
        assertEquals(base, manifest.getString("api_base"));
        assertEquals("0.6.1", manifest.getString("smart_version"));
        assertEquals("[\"GET\",\"POST\"]", manifest.getJsonObject("capabilities")
                .getJsonObject("http://smartplatforms.org/terms#ClinicalNote").getJsonArray("methods").toString());
        assertEquals("0.6.1", new ContainerClient(url).get("version").body());
    }

    @Test
    void everyInstalledAppManifestIsSchemaValid() throws Exception {
        Draft03Schema schema = new Draft03Schema(WebRecordApiIT.shared()
                .resolve("smart-data/verifier/app-manifest.schema-draft03.json"));
        JsonArray manifests = Json.createReader(new StringReader(new ContainerClient(url).get("apps/manifests/").body()))
                .readArray();
        for (JsonValue manifest : manifests) {
            assertEquals(List.of(), schema.errors(manifest.toString()), manifest.toString());
        }
    }

    @Test
    void theOntologyIsServedWithItsApiCalls() throws Exception {
        HttpResponse<String> answer = new ContainerClient(url).get("ontology");
        assertEquals(200, answer.statusCode());
        assertEquals("application/rdf+xml", answer.headers().firstValue("Content-Type").orElse(""));
        Model ontology = ModelFactory.createDefaultModel();
        RDFParser.fromString(answer.body(), Lang.RDFXML).base(base).parse(ontology);
        int calls = ontology.listSubjectsWithProperty(RDF.type,
                ontology.createResource("http://smartplatforms.org/terms/api#Call")).toList().size();
        assertTrue(calls >= 40, "api:Call individuals: " + calls);
    }

    @Test
    void browsersOnOtherOriginsMayCall() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(URI.create(base + "/records/2169591/medications/"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://apps.example.org")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, preflight.statusCode());
        assertEquals("POST, GET, PUT, DELETE", preflight.headers().firstValue("Access-Control-Allow-Methods").orElse(""));
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("").contains("authorization"));
        assertEquals("*", preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        HttpResponse<String> manifest = http.send(HttpRequest.newBuilder(URI.create(base + "/manifest"))
                .header("Origin", "http://apps.example.org").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("*", manifest.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
    }

    static final String REST_APP = "rest-minimal@apps.smartplatforms.org";
    static final String DEV_USER = "developer@smartcc.local";

    @Test
    void theThreeLeggedFlowGivesAUserTokenForPreferencesScratchpadAndUsers() throws Exception {
        ContainerClient client = new ContainerClient(url);
        SmartClient app = client.app(REST_APP);
        Map<String, String> request = requestToken(app, "2169591").form();
        HttpResponse<String> info = launcher("GET", "/oauth/internal/request_tokens/" + request.get("oauth_token")
                + "/info", null);
        assertEquals(200, info.statusCode(), info.body());
        assertTrue(info.body().contains("\"record_id\":\"2169591\""), info.body());
        HttpResponse<String> approved = launcher("POST", "/oauth/internal/request_tokens/" + request.get("oauth_token")
                + "/approve", "user_id=" + DEV_USER);
        assertEquals(200, approved.statusCode(), approved.body());
        String verifier = Json.createReader(new StringReader(approved.body())).readObject().getString("oauth_verifier");
        // the verifier as a form parameter, where RFC 5849 also allows it (the Java client's accessToken sends it in
        // the Authorization header)
        SmartResponse exchanged = app.request("POST", "/oauth/access_token").token(new AccessToken(
                request.get("oauth_token"), request.get("oauth_token_secret"), "2169591"))
                .form("oauth_verifier", verifier).send();
        assertEquals(200, exchanged.status(), exchanged.text());
        Map<String, String> access = exchanged.form();
        assertEquals("2169591", access.get("record_id"));
        assertEquals(DEV_USER, access.get("user_id"));
        AccessToken token = new AccessToken(access.get("oauth_token"), access.get("oauth_token_secret"), "2169591");

        String preferences = "/users/" + DEV_USER + "/apps/" + REST_APP + "/preferences";
        byte[] json = "{\"theme\":\"dark\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(200, app.request("PUT", preferences).token(token).body("application/json", json).send().status());
        SmartResponse stored = app.request("GET", preferences).token(token).send();
        assertEquals("application/json", stored.contentType());
        assertEquals(new String(json), stored.text());
        String legacy = "/accounts/" + DEV_USER + "/apps/" + REST_APP + "/preferences";
        assertEquals(new String(json), app.request("GET", legacy).token(token).send().text());
        SmartResponse otherUser = app.request("GET", "/users/someone@example.org/apps/" + REST_APP + "/preferences")
                .token(token).send();
        assertEquals(403, otherUser.status());
        assertEquals("ok", app.request("DELETE", preferences).token(token).send().text());
        assertEquals(0, app.request("GET", preferences).token(token).send().body().length);

        String scratchpad = "/records/2169591/apps/" + REST_APP + "/scratchpad";
        assertEquals(200, app.request("PUT", scratchpad).token(token).body("text/plain", "note").send().status());
        SmartClient background = client.app(BACKGROUND_APP);
        AccessToken other = background.recordToken("2169591");
        SmartResponse read = background.request("GET", scratchpad).token(other).send();
        assertEquals("note", read.text(), "any app with a token for the record reads");
        SmartResponse write = background.request("PUT", scratchpad).token(other).body("text/plain", "mine").send();
        assertEquals(403, write.status());
        assertTrue(write.text().contains("FORBIDDEN_WRONG_APP"), write.text());
        SmartResponse tooLarge = app.request("PUT", scratchpad).token(token).body("application/octet-stream",
                new byte[1024 * 1024 + 1]).send();
        assertEquals(413, tooLarge.status());
        assertTrue(tooLarge.text().contains("APP_DATA_TOO_LARGE"), tooLarge.text());
        assertEquals("note", app.request("GET", scratchpad).token(token).send().text(),
                "a refused write leaves the stored document");

        SmartResponse user = app.request("GET", "/users/" + DEV_USER).token(token).send();
        assertEquals(200, user.status());
        assertEquals("application/rdf+xml", user.contentType());
        assertTrue(user.text().contains("Eloper"));
        SmartResponse search = app.request("GET", "/users/search?given_name=de").token(token).send();
        assertTrue(search.text().contains("Eloper"), search.text());
    }

    @Test
    void onlyFrameUiAndHelperAppsSearchRecordsWithATokenAUserApproved() throws Exception {
        String frameUiApp = "emr-view@apps.smartplatforms.org";
        HttpResponse<String> launch = launcher("POST", "/oauth/internal/launch", "app_id="
                + java.net.URLEncoder.encode(frameUiApp, java.nio.charset.StandardCharsets.UTF_8) + "&user_id="
                + DEV_USER + "&record_id=2169591");
        assertEquals(200, launch.statusCode(), launch.body());
        JsonObject credentials = Json.createReader(new StringReader(launch.body())).readObject();
        ContainerClient client = new ContainerClient(url);
        SmartClient frameUi = client.app(frameUiApp);
        String search = "/records/search?family_name=lewis&given_name=KAR";
        SmartResponse found = frameUi.request("GET", search).token(new AccessToken(credentials.getString("rest_token"),
                credentials.getString("rest_secret"), "2169591")).send();
        assertEquals(200, found.status(), found.text());
        assertTrue(found.text().contains("/records/2169591/demographics"), found.text());

        SmartResponse twoLegged = frameUi.request("GET", search).send();
        assertEquals(403, twoLegged.status(), "a consumer signature alone is no user's approval");
        assertTrue(twoLegged.text().contains("FORBIDDEN_TOKEN_KIND"), twoLegged.text());
        assertEquals(403, client.app(BACKGROUND_APP).request("GET", "/records/search").send().status());
    }

    @Test
    void aBackgroundAppCannotListTheUsers() throws Exception {
        SmartClient background = new ContainerClient(url).app(BACKGROUND_APP);
        SmartResponse search = background.request("GET", "/users/search").send();
        assertEquals(403, search.status(), search.text());
        assertTrue(search.text().contains("FORBIDDEN_TOKEN_KIND"), search.text());
        SmartResponse withRecordToken = background.request("GET", "/users/" + DEV_USER)
                .token(background.recordToken("2169591")).send();
        assertEquals(403, withRecordToken.status(), "a background token has no user behind it");
    }

    @Test
    void theLauncherServicesNeedTheLauncherSecretAndMintLaunchTokens() throws Exception {
        HttpResponse<String> launch = launcher("POST", "/oauth/internal/launch",
                "app_id=med-list%40apps.smartplatforms.org&user_id=" + DEV_USER + "&record_id=2169591");
        assertEquals(200, launch.statusCode(), launch.body());
        JsonObject credentials = Json.createReader(new StringReader(launch.body())).readObject();
        assertFalse(credentials.getBoolean("legacy_launch"), launch.body());
        assertFalse(credentials.containsKey("oauth_header"), "only apps flagged for the legacy launch get the header");
        // a manifest with SMART 0.3's intents: flagged for the legacy launch when installed
        HttpResponse<String> legacy = launcher("POST", "/oauth/internal/launch",
                "app_id=lab-results%40apps.smartplatforms.org&user_id=" + DEV_USER + "&record_id=2169591");
        JsonObject legacyCredentials = Json.createReader(new StringReader(legacy.body())).readObject();
        assertTrue(legacyCredentials.getBoolean("legacy_launch"), legacy.body());
        assertTrue(legacyCredentials.getString("oauth_header").startsWith("OAuth "), legacy.body());
        HttpResponse<String> wrong = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(base + "/oauth/internal/launch")).header("Authorization", basic("launcher:guess"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("app_id=x")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.body().contains("LAUNCHER_CREDENTIALS_WRONG"), wrong.body());
    }

    /**
     * A request token for a record, 2-legged, its parameters in the form body (where the Java client's
     * requestToken puts only {@code smart_record_id}).
     */
    private static SmartResponse requestToken(SmartClient app, String recordId) {
        return app.request("POST", "/oauth/request_token").form("smart_record_id", recordId)
                .form("oauth_callback", "oob").send();
    }

    private HttpResponse<String> launcher(String method, String path, String form) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", basic("launcher:it-launcher-secret"));
        if (form == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .method(method, HttpRequest.BodyPublishers.ofString(form));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String credentials) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString(credentials.getBytes());
    }
}
