package org.smartcc.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.scribejava.core.model.OAuthRequest;
import com.github.scribejava.core.model.Verb;
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

/**
 * The SMART API as apps reach it over HTTP: installed app manifests, OAuth 1.0a signed by an independent client
 * (ScribeJava) with the development consumer secret, and the errors a badly signed request gets.
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
        SignedClient app = new SignedClient(BACKGROUND_APP);
        String tokens = base + "/apps/" + BACKGROUND_APP + "/tokens/records/2169591";
        Map<String, String> first = SignedClient.form(app.send(Verb.GET, tokens, null, null).body());
        Map<String, String> second = SignedClient.form(app.send(Verb.GET, tokens, null, null).body());
        String medications = base + "/records/2169591/medications/";
        assertEquals(200, app.send(Verb.GET, medications, first.get("oauth_token"), first.get("oauth_token_secret"))
                .statusCode());

        HttpResponse<String> anonymous = client.send("DELETE", "admin/tokens/" + first.get("oauth_token"), null, null,
                null, null);
        assertEquals(401, anonymous.statusCode(), anonymous.body());
        HttpResponse<String> one = client.send("DELETE", "admin/tokens/" + first.get("oauth_token"), null, null,
                "admin", ContainerClient.ADMIN_PASSWORD);
        assertEquals(200, one.statusCode(), one.body());
        JsonObject revoked = ContainerClient.json(one.body());
        assertEquals(1, revoked.getInt("revoked"));
        assertEquals(BACKGROUND_APP, revoked.getString("appId"));
        assertEquals("BACKGROUND", revoked.getString("kind"));
        assertEquals("2169591", revoked.getString("recordId"));
        HttpResponse<String> refused = app.send(Verb.GET, medications, first.get("oauth_token"),
                first.get("oauth_token_secret"));
        assertEquals(401, refused.statusCode());
        assertTrue(refused.body().contains("OAUTH_TOKEN_REVOKED"), refused.body());
        assertEquals(404, client.send("DELETE", "admin/tokens/" + first.get("oauth_token"), null, null, "admin",
                ContainerClient.ADMIN_PASSWORD).statusCode(), "already revoked");

        assertEquals(200, app.send(Verb.GET, medications, second.get("oauth_token"),
                second.get("oauth_token_secret")).statusCode());
        HttpResponse<String> all = client.send("DELETE", "admin/apps/" + BACKGROUND_APP + "/tokens", null, null,
                "admin", ContainerClient.ADMIN_PASSWORD);
        assertEquals(200, all.statusCode(), all.body());
        assertTrue(ContainerClient.json(all.body()).getInt("revoked") >= 1, all.body());
        assertEquals(401, app.send(Verb.GET, medications, second.get("oauth_token"),
                second.get("oauth_token_secret")).statusCode());
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
        SignedClient app = new SignedClient(BACKGROUND_APP);
        HttpResponse<String> first = app.send(Verb.POST, base + "/apps/" + BACKGROUND_APP + "/tokens/records/first",
                null, null);
        assertEquals(200, first.statusCode(), first.body());
        Map<String, String> token = SignedClient.form(first.body());
        assertTrue(token.containsKey("oauth_token") && token.containsKey("oauth_token_secret"), first.body());
        String record = token.get("smart_record_id");
        HttpResponse<String> next = app.send(Verb.POST,
                base + "/apps/" + BACKGROUND_APP + "/tokens/records/" + record + "/next", null, null);
        assertEquals(200, next.statusCode(), next.body());
        assertTrue(SignedClient.form(next.body()).get("smart_record_id").compareTo(record) > 0);
    }

    @Test
    void theJavaClientWalksTheTokenLoopAndReadsRecordsAsModels() {
        SmartClient smart = SmartClient.builder(base).consumer(BACKGROUND_APP, SignedClient.DEV_SECRET).build();
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
        SmartClient smart = SmartClient.builder(base).consumer(REST_APP, SignedClient.DEV_SECRET).build();
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
        SignedClient app = new SignedClient("rest-minimal@apps.smartplatforms.org");
        HttpResponse<String> answer = app.send(app.sign(Verb.POST, base + "/oauth/request_token", null, null,
                Map.of("smart_record_id", "2169591", "oauth_callback", "oob")));
        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(SignedClient.form(answer.body()).containsKey("oauth_token"), answer.body());
    }

    @Test
    void badOrReplayedSignaturesAreRefusedWithTheReason() throws Exception {
        ContainerClient anonymous = new ContainerClient(url);
        HttpResponse<String> unsigned = anonymous.get("apps/" + BACKGROUND_APP + "/tokens/records/2169591");
        assertEquals(401, unsigned.statusCode());
        assertTrue(unsigned.body().contains("OAUTH_HEADER_MISSING"), unsigned.body());

        SignedClient app = new SignedClient(BACKGROUND_APP);
        OAuthRequest signed = app.sign(Verb.GET, base + "/apps/" + BACKGROUND_APP + "/tokens/records/2169591", null,
                null, Map.of());
        assertEquals(200, app.send(signed).statusCode());
        HttpResponse<String> replay = app.send(signed);
        assertEquals(401, replay.statusCode());
        assertTrue(replay.body().contains("OAUTH_NONCE_REPLAYED"), replay.body());

        SignedClient impostor = new SignedClient("no-such-app@example.org");
        HttpResponse<String> unknown = impostor.send(Verb.POST, base + "/oauth/request_token", null, null);
        assertEquals(401, unknown.statusCode());
        assertTrue(unknown.body().contains("OAUTH_UNKNOWN_CONSUMER"), unknown.body());
    }

    @Test
    void theDebugAidShowsTheBaseStringTheServerSigned() throws Exception {
        SignedClient app = new SignedClient(BACKGROUND_APP);
        HttpResponse<String> debug = app.send(Verb.GET, base + "/oauth/debug?x=a%20b", null, null);
        assertEquals(200, debug.statusCode(), debug.body());
        assertTrue(debug.body().startsWith("GET&"), debug.body());
        assertTrue(debug.body().contains("x%3Da%2520b"), debug.body());
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
        SignedClient app = new SignedClient(REST_APP);
        Map<String, String> request = SignedClient.form(app.send(app.sign(Verb.POST, base + "/oauth/request_token",
                null, null, Map.of("smart_record_id", "2169591", "oauth_callback", "oob"))).body());
        HttpResponse<String> info = launcher("GET", "/oauth/internal/request_tokens/" + request.get("oauth_token")
                + "/info", null);
        assertEquals(200, info.statusCode(), info.body());
        assertTrue(info.body().contains("\"record_id\":\"2169591\""), info.body());
        HttpResponse<String> approved = launcher("POST", "/oauth/internal/request_tokens/" + request.get("oauth_token")
                + "/approve", "user_id=" + DEV_USER);
        assertEquals(200, approved.statusCode(), approved.body());
        String verifier = Json.createReader(new StringReader(approved.body())).readObject().getString("oauth_verifier");
        HttpResponse<String> exchanged = app.send(app.sign(Verb.POST, base + "/oauth/access_token",
                request.get("oauth_token"), request.get("oauth_token_secret"), Map.of("oauth_verifier", verifier)));
        assertEquals(200, exchanged.statusCode(), exchanged.body());
        Map<String, String> access = SignedClient.form(exchanged.body());
        assertEquals("2169591", access.get("record_id"));
        assertEquals(DEV_USER, access.get("user_id"));
        String token = access.get("oauth_token");
        String secret = access.get("oauth_token_secret");

        String preferences = base + "/users/" + DEV_USER + "/apps/" + REST_APP + "/preferences";
        byte[] json = "{\"theme\":\"dark\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(200, app.send(Verb.PUT, preferences, token, secret, Map.of(), "application/json", json).statusCode());
        HttpResponse<byte[]> stored = app.send(Verb.GET, preferences, token, secret, Map.of(), null, null);
        assertEquals("application/json", stored.headers().firstValue("Content-Type").orElse(""));
        assertEquals(new String(json), new String(stored.body()));
        String legacy = base + "/accounts/" + DEV_USER + "/apps/" + REST_APP + "/preferences";
        assertEquals(new String(json), new String(app.send(Verb.GET, legacy, token, secret, Map.of(), null, null).body()));
        HttpResponse<byte[]> otherUser = app.send(Verb.GET, base + "/users/someone@example.org/apps/" + REST_APP
                + "/preferences", token, secret, Map.of(), null, null);
        assertEquals(403, otherUser.statusCode());
        assertEquals("ok", new String(app.send(Verb.DELETE, preferences, token, secret, Map.of(), null, null).body()));
        assertEquals(0, app.send(Verb.GET, preferences, token, secret, Map.of(), null, null).body().length);

        String scratchpad = base + "/records/2169591/apps/" + REST_APP + "/scratchpad";
        assertEquals(200, app.send(Verb.PUT, scratchpad, token, secret, Map.of(), "text/plain",
                "note".getBytes()).statusCode());
        SignedClient background = new SignedClient(BACKGROUND_APP);
        Map<String, String> other = SignedClient.form(background.send(Verb.GET,
                base + "/apps/" + BACKGROUND_APP + "/tokens/records/2169591", null, null).body());
        HttpResponse<byte[]> read = background.send(Verb.GET, scratchpad, other.get("oauth_token"),
                other.get("oauth_token_secret"), Map.of(), null, null);
        assertEquals("note", new String(read.body()), "any app with a token for the record reads");
        HttpResponse<byte[]> write = background.send(Verb.PUT, scratchpad, other.get("oauth_token"),
                other.get("oauth_token_secret"), Map.of(), "text/plain", "mine".getBytes());
        assertEquals(403, write.statusCode());
        assertTrue(new String(write.body()).contains("FORBIDDEN_WRONG_APP"), new String(write.body()));
        HttpResponse<byte[]> tooLarge = app.send(Verb.PUT, scratchpad, token, secret, Map.of(),
                "application/octet-stream", new byte[1024 * 1024 + 1]);
        assertEquals(413, tooLarge.statusCode());
        assertTrue(new String(tooLarge.body()).contains("APP_DATA_TOO_LARGE"), new String(tooLarge.body()));
        assertEquals("note", new String(app.send(Verb.GET, scratchpad, token, secret, Map.of(), null, null).body()),
                "a refused write leaves the stored document");

        HttpResponse<byte[]> user = app.send(Verb.GET, base + "/users/" + DEV_USER, token, secret, Map.of(), null, null);
        assertEquals(200, user.statusCode());
        assertEquals("application/rdf+xml", user.headers().firstValue("Content-Type").orElse(""));
        assertTrue(new String(user.body()).contains("Eloper"));
        HttpResponse<byte[]> search = app.send(Verb.GET, base + "/users/search?given_name=de", token, secret, Map.of(),
                null, null);
        assertTrue(new String(search.body()).contains("Eloper"), new String(search.body()));
    }

    @Test
    void onlyFrameUiAndHelperAppsSearchRecordsWithATokenAUserApproved() throws Exception {
        String frameUiApp = "emr-view@apps.smartplatforms.org";
        HttpResponse<String> launch = launcher("POST", "/oauth/internal/launch", "app_id="
                + java.net.URLEncoder.encode(frameUiApp, java.nio.charset.StandardCharsets.UTF_8) + "&user_id="
                + DEV_USER + "&record_id=2169591");
        assertEquals(200, launch.statusCode(), launch.body());
        JsonObject credentials = Json.createReader(new StringReader(launch.body())).readObject();
        SignedClient frameUi = new SignedClient(frameUiApp);
        String search = base + "/records/search?family_name=lewis&given_name=KAR";
        HttpResponse<byte[]> found = frameUi.send(Verb.GET, search, credentials.getString("rest_token"),
                credentials.getString("rest_secret"), Map.of(), null, null);
        assertEquals(200, found.statusCode(), new String(found.body()));
        assertTrue(new String(found.body()).contains("/records/2169591/demographics"), new String(found.body()));

        HttpResponse<byte[]> twoLegged = frameUi.send(Verb.GET, search, null, null, Map.of(), null, null);
        assertEquals(403, twoLegged.statusCode(), "a consumer signature alone is no user's approval");
        assertTrue(new String(twoLegged.body()).contains("FORBIDDEN_TOKEN_KIND"), new String(twoLegged.body()));
        HttpResponse<byte[]> background = new SignedClient(BACKGROUND_APP).send(Verb.GET, base + "/records/search",
                null, null, Map.of(), null, null);
        assertEquals(403, background.statusCode());
    }

    @Test
    void aBackgroundAppCannotListTheUsers() throws Exception {
        SignedClient background = new SignedClient(BACKGROUND_APP);
        HttpResponse<byte[]> search = background.send(Verb.GET, base + "/users/search", null, null, Map.of(), null,
                null);
        assertEquals(403, search.statusCode(), new String(search.body()));
        assertTrue(new String(search.body()).contains("FORBIDDEN_TOKEN_KIND"), new String(search.body()));
        Map<String, String> token = SignedClient.form(background.send(Verb.GET, base + "/apps/" + BACKGROUND_APP
                + "/tokens/records/2169591", null, null).body());
        HttpResponse<byte[]> withRecordToken = background.send(Verb.GET, base + "/users/" + DEV_USER,
                token.get("oauth_token"), token.get("oauth_token_secret"), Map.of(), null, null);
        assertEquals(403, withRecordToken.statusCode(), "a background token has no user behind it");
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
