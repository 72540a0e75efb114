package org.smartcc.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smartcc.api.LauncherClient.ADMIN;
import static org.smartcc.api.LauncherClient.LAUNCHER;
import static org.smartcc.api.LauncherClient.encode;
import static org.smartcc.api.LauncherClient.parse;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.File;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
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
import org.smartcc.client.SmartResponse;

/**
 * The API server's calls for the launcher (docs/launcher.md) over HTTP: sign-in, records, launch and revocation,
 * SMART Connect calls the launcher signs (ScribeJava), and the administration of apps and users.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WebLauncherApiIT {

    static final String DEV_USER = "developer@smartcc.local";
    static final String MED_LIST = "med-list@apps.smartplatforms.org";
    static final String RECORD = "2169591";
    static final String OTHER_RECORD = "1081332";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.war")));
    }

    @ArquillianResource
    URL url;
    String base;
    LauncherClient launcher;

    @BeforeEach
    void ready() throws Exception {
        new ContainerClient(url).awaitReady(Duration.ofMinutes(5));
        base = url.toString().replaceAll("/$", "");
        launcher = new LauncherClient(base);
    }

    @Test
    void theDevelopmentUserSignsInAndEveryFailureLooksTheSame() throws Exception {
        HttpResponse<String> dev = launcher.form("POST", "/oauth/internal/session_create", "username=dev&password=dev");
        assertEquals(200, dev.statusCode(), dev.body());
        JsonObject session = parse(dev).asJsonObject();
        assertEquals("dev", session.getString("user_id"));
        assertEquals(List.of("admin", "clinician", "researcher"), session.getJsonArray("roles")
                .getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).sorted()
                .toList());

        HttpResponse<String> wrong = launcher.form("POST", "/oauth/internal/session_create",
                "username=dev&password=guess");
        HttpResponse<String> unknown = launcher.form("POST", "/oauth/internal/session_create",
                "username=nobody&password=dev");
        HttpResponse<String> noPassword = launcher.form("POST", "/oauth/internal/session_create",
                "username=" + encode(DEV_USER) + "&password=");
        for (HttpResponse<String> refused : List.of(wrong, unknown, noPassword)) {
            assertEquals(401, refused.statusCode(), refused.body());
            assertEquals(wrong.body(), refused.body());
        }
        assertTrue(wrong.body().contains("LOGIN_FAILED"), wrong.body());
    }

    @Test
    void tenWrongPasswordsForANameHoldItsSignInsRefused() throws Exception {
        String name = "guesser-" + System.nanoTime();
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> wrong = launcher.form("POST", "/oauth/internal/session_create",
                    "username=" + name + "&password=guess" + i);
            assertEquals(401, wrong.statusCode(), wrong.body());
        }
        HttpResponse<String> held = launcher.form("POST", "/oauth/internal/session_create",
                "username=" + name + "&password=guess10");
        assertEquals(429, held.statusCode(), held.body());
        assertTrue(held.body().contains("LOGIN_THROTTLED"), held.body());
    }

    @Test
    void theLauncherListsAndSearchesRecordsAndReadsABanner() throws Exception {
        JsonObject all = parse(launcher.form("GET", "/oauth/internal/records?limit=2", null)).asJsonObject();
        assertEquals(2, all.getJsonArray("records").size());
        assertTrue(all.getInt("total") >= 50, all.toString());

        JsonObject found = parse(launcher.form("GET", "/oauth/internal/records?q=lewis%20kar", null)).asJsonObject();
        assertEquals(1, found.getInt("total"), found.toString());
        JsonObject banner = found.getJsonArray("records").getJsonObject(0);
        assertEquals(RECORD, banner.getString("record_id"));
        assertEquals("Lewis", banner.getString("family_name"));

        HttpResponse<String> one = launcher.form("GET", "/oauth/internal/records/" + RECORD, null);
        assertEquals(banner, parse(one).asJsonObject());
        HttpResponse<String> missing = launcher.form("GET", "/oauth/internal/records/no-such-record", null);
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("RECORD_NOT_FOUND"), missing.body());
        HttpResponse<String> tooMany = launcher.form("GET", "/oauth/internal/records?limit=501", null);
        assertEquals(400, tooMany.statusCode(), tooMany.body());
    }

    @Test
    void aSmartConnectCallTheLauncherSignsReadsItsRecordOnlyUntilRevoked() throws Exception {
        HttpResponse<String> launch = launcher.form("POST", "/oauth/internal/launch", "app_id=" + encode(MED_LIST)
                + "&user_id=" + encode(DEV_USER) + "&record_id=" + RECORD);
        assertEquals(200, launch.statusCode(), launch.body());
        JsonObject tokens = parse(launch).asJsonObject();
        String connect = tokens.getString("connect_token");
        AccessToken connectToken = new AccessToken(connect, tokens.getString("connect_secret"), RECORD);
        // SMART Connect calls are signed by the launcher, as a consumer of its own, with the app's connect token
        ContainerClient container = new ContainerClient(url);
        SmartClient signer = container.app("launcher", LauncherClient.LAUNCHER_SECRET);
        String medications = "/records/" + RECORD + "/medications/";

        SmartResponse read = signer.request("GET", medications).token(connectToken).send();
        assertEquals(200, read.status(), read.text());
        SmartResponse other = signer.request("GET", "/records/" + OTHER_RECORD + "/medications/").token(connectToken)
                .send();
        assertEquals(403, other.status());
        assertTrue(other.text().contains("FORBIDDEN_WRONG_RECORD"), other.text());
        SmartResponse byTheApp = container.app(MED_LIST).request("GET", medications).token(connectToken).send();
        assertEquals(401, byTheApp.status());
        assertTrue(byTheApp.text().contains("OAUTH_TOKEN_UNKNOWN"), byTheApp.text());

        HttpResponse<String> revoked = launcher.form("POST", "/oauth/internal/tokens/revoke", "token="
                + encode(connect) + "&token=" + encode(tokens.getString("rest_token")) + "&token=unknown");
        assertEquals(2, parse(revoked).asJsonObject().getInt("revoked"), revoked.body());
        SmartResponse afterRevoke = signer.request("GET", medications).token(connectToken).send();
        assertEquals(401, afterRevoke.status());
        assertTrue(afterRevoke.text().contains("OAUTH_TOKEN_REVOKED"), afterRevoke.text());
    }

    @Test
    void theExampleAppIsInstalledInTheDevelopmentRun() throws Exception {
        HttpResponse<String> manifest = launcher.form("GET", "/apps/med-problems@apps.smartcc.local/manifest", null);
        assertEquals(200, manifest.statusCode(), manifest.body());
        assertTrue(parse(manifest).asJsonObject().getString("index").endsWith(
                "/launcher/example-apps/med-problems/index.html"), manifest.body());
    }

    @Test
    void anAdministratorInstallsDisablesAndRemovesAnApp() throws Exception {
        String app = "it-admin-app@apps.test";
        String path = "/admin/apps/" + app;
        String manifest = """
                {"id": "%s", "name": "IT app", "description": "installed by a test", "mode": "ui",
                 "index": "http://it.test/index.html", "icon": "http://it.test/icon.png"}""".formatted(app);
        HttpResponse<String> created = launcher.json("PUT", path, ADMIN, null, manifest);
        assertEquals(201, created.statusCode(), created.body());
        String secret = parse(created).asJsonObject().getString("consumer_secret");
        HttpResponse<String> replaced = launcher.json("PUT", path, ADMIN, null, manifest);
        assertEquals(200, replaced.statusCode(), replaced.body());
        assertEquals(secret, parse(replaced).asJsonObject().getString("consumer_secret"));
        assertEquals(400, launcher.json("PUT", path, ADMIN, null, manifest.replace("\"ui\"", "\"tv\"")).statusCode());
        assertEquals(409, launcher.json("PUT", "/admin/apps/other@apps.test", ADMIN, null, manifest).statusCode());

        HttpResponse<String> disabled = launcher.json("PATCH", path, ADMIN, null, "{\"enabled\": false}");
        assertEquals(200, disabled.statusCode(), disabled.body());
        assertFalse(parse(disabled).asJsonObject().getBoolean("enabled"));
        assertEquals(404, launcher.form("GET", "/apps/" + app + "/manifest", null).statusCode());
        assertFalse(launcher.form("GET", "/apps/manifests/", null).body().contains(app));
        HttpResponse<String> launch = launcher.form("POST", "/oauth/internal/launch", "app_id=" + encode(app)
                + "&user_id=" + encode(DEV_USER) + "&record_id=" + RECORD);
        assertEquals(403, launch.statusCode());
        assertTrue(launch.body().contains("APP_DISABLED"), launch.body());
        SmartResponse signed = new ContainerClient(url).app(app, secret).request("GET", "/records/search").send();
        assertEquals(401, signed.status());
        assertTrue(signed.text().contains("OAUTH_CONSUMER_DISABLED"), signed.text());

        launcher.json("PATCH", path, ADMIN, null, "{\"enabled\": true}");
        launcher.form("POST", "/oauth/internal/launch", "app_id=" + encode(app) + "&user_id=" + encode(DEV_USER)
                + "&record_id=" + RECORD);
        JsonArray live = parse(launcher.json("GET", path + "/tokens", ADMIN, null, null)).asJsonArray();
        assertEquals(2, live.size(), live.toString());
        assertFalse(live.toString().contains("secret"), live.toString());
        JsonArray listed = parse(launcher.json("GET", "/admin/apps", ADMIN, null, null)).asJsonArray();
        assertTrue(listed.stream().map(JsonValue::asJsonObject).anyMatch(a -> a.getString("app_id").equals(app)
                && a.getString("icon").equals("http://it.test/icon.png")), listed.toString());

        assertEquals(204, launcher.json("DELETE", path, ADMIN, null, null).statusCode());
        assertEquals(404, launcher.json("GET", path + "/tokens", ADMIN, null, null).statusCode());
    }

    @Test
    void theLauncherActsForAnAdministratorOnly() throws Exception {
        HttpResponse<String> put = launcher.json("PUT", "/admin/users/nurse@it.test", LAUNCHER, "dev",
                "{\"given_name\": \"Nora\", \"family_name\": \"Nurse\", \"password\": \"nurse-password\","
                        + " \"roles\": [\"clinician\"]}");
        assertEquals(204, put.statusCode(), put.body());
        JsonArray users = parse(launcher.json("GET", "/admin/users", LAUNCHER, "dev", null)).asJsonArray();
        assertTrue(users.stream().map(JsonValue::asJsonObject).anyMatch(u -> u.getString("user_id")
                .equals("nurse@it.test") && u.getString("full_name").equals("Nora Nurse")
                && u.getJsonArray("roles").toString().equals("[\"clinician\"]")), users.toString());
        assertEquals(200, launcher.form("POST", "/oauth/internal/session_create",
                "username=nurse%40it.test&password=nurse-password").statusCode());

        for (String acting : new String[] {"nurse@it.test", "nobody@it.test", null}) {
            HttpResponse<String> refused = launcher.json("GET", "/admin/apps", LAUNCHER, acting, null);
            assertEquals(403, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains("FORBIDDEN_NOT_ADMIN"), refused.body());
        }
        HttpResponse<String> badRole = launcher.json("PUT", "/admin/users/nurse@it.test", ADMIN, null,
                "{\"roles\": [\"superuser\"]}");
        assertEquals(400, badRole.statusCode(), badRole.body());
        assertEquals(401, launcher.json("GET", "/admin/users", "launcher:guess", "dev", null).statusCode());
    }

    @Test
    void theLauncherActsOnTheCohortApiForAResearcherWithTheirDataRoles() throws Exception {
        new ContainerClient(url).awaitSnapshot(Duration.ofMinutes(5)); // cohort calls answer 503 until then
        HttpResponse<String> put = launcher.json("PUT", "/admin/users/rita@it.test", ADMIN, null,
                "{\"given_name\": \"Rita\", \"password\": \"rita-password\", \"roles\": [\"researcher\"]}");
        assertEquals(204, put.statusCode(), put.body());
        assertEquals(204, launcher.json("PUT", "/admin/users/carl@it.test", ADMIN, null,
                "{\"password\": \"carl-password\", \"roles\": [\"clinician\"]}").statusCode());
        JsonArray users = parse(launcher.json("GET", "/admin/users", ADMIN, null, null)).asJsonArray();
        assertTrue(users.stream().map(JsonValue::asJsonObject).anyMatch(u -> u.getString("user_id")
                .equals("rita@it.test") && u.getJsonArray("data_roles").toString().equals("[\"DATA_OBFSC\"]")),
                users.toString());
        String run = "{\"definition\": {\"panels\": [{\"items\": [{\"key\": \"\\\\\\\\i2b2\\\\SMART\\\\\"}]}]},"
                + " \"results\": [\"PATIENT_COUNT_XML\"]}";

        HttpResponse<String> submitted = launcher.json("POST", "/cohort/runs", LAUNCHER, "rita@it.test", run);
        assertEquals(202, submitted.statusCode(), submitted.body());
        long runId = parse(submitted).asJsonObject().getJsonNumber("id").longValue();
        assertEquals(200, launcher.json("GET", "/cohort/runs/" + runId, LAUNCHER, "rita@it.test", null).statusCode());
        assertEquals(404, launcher.json("GET", "/cohort/runs/" + runId, LAUNCHER, "dev", null).statusCode(),
                "another launcher user does not see Rita's run");
        HttpResponse<String> plan = launcher.json("GET", "/cohort/runs/" + runId + "/plan", LAUNCHER, "rita@it.test",
                null);
        assertEquals(403, plan.statusCode(), "DATA_OBFSC alone does not see exact counts: " + plan.body());

        assertEquals(204, launcher.json("PUT", "/admin/users/rita@it.test", ADMIN, null,
                "{\"roles\": [\"researcher\"], \"data_roles\": [\"DATA_AGG\"]}").statusCode());
        HttpResponse<String> badDataRole = launcher.json("PUT", "/admin/users/rita@it.test", ADMIN, null,
                "{\"roles\": [\"researcher\"], \"data_roles\": [\"DATA_ALL\"]}");
        assertEquals(400, badDataRole.statusCode(), badDataRole.body());
        String exact = launcher.json("GET", "/cohort/concepts", LAUNCHER, "rita@it.test", null).body();
        assertTrue(exact.contains("\"method\":\"EXACT\""), exact);

        for (String acting : new String[] {"carl@it.test", "nobody@it.test", null}) {
            HttpResponse<String> refused = launcher.json("GET", "/cohort/concepts", LAUNCHER, acting, null);
            assertEquals(403, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains("FORBIDDEN_NOT_RESEARCHER"), refused.body());
        }
        assertEquals(401, launcher.json("GET", "/cohort/concepts", "launcher:guess", "rita@it.test", null)
                .statusCode());
    }

    /**
     * The audit trail (docs/security.md) over HTTP: a sign-in, a refused one, a launch with its tokens, a record read
     * with the launch's token, the revocation, an admin change and a cohort run are each listed by
     * {@code GET /admin/audit} with their user, app and record, found by each condition, paged; no token, secret or
     * password is in any event.
     */
    @Test
    void theAuditTrailListsWhoDidWhatAndHoldsNoSecret() throws Exception {
        String from = java.time.Instant.now().minusSeconds(1).toString();
        assertEquals(200, launcher.form("POST", "/oauth/internal/session_create", "username=dev&password=dev")
                .statusCode());
        assertEquals(401, launcher.form("POST", "/oauth/internal/session_create",
                "username=dev&password=audit-guess").statusCode());
        JsonObject tokens = parse(launcher.form("POST", "/oauth/internal/launch", "app_id=" + encode(MED_LIST)
                + "&user_id=" + encode(DEV_USER) + "&record_id=" + RECORD)).asJsonObject();
        SmartResponse read = new ContainerClient(url).app("launcher", LauncherClient.LAUNCHER_SECRET)
                .request("GET", "/records/" + RECORD + "/medications/?limit=1").token(new AccessToken(
                        tokens.getString("connect_token"), tokens.getString("connect_secret"), RECORD)).send();
        assertEquals(200, read.status(), read.text());
        assertEquals(2, parse(launcher.form("POST", "/oauth/internal/tokens/revoke", "token="
                + encode(tokens.getString("connect_token")) + "&token=" + encode(tokens.getString("rest_token"))))
                .asJsonObject().getInt("revoked"));
        assertEquals(204, launcher.json("PUT", "/admin/users/audited@it.test", ADMIN, null,
                "{\"password\": \"audited-password\", \"roles\": [\"clinician\"]}").statusCode());
        assertEquals(404, launcher.json("DELETE", "/admin/tokens/not-a-live-token", ADMIN, null, null).statusCode());

        new ContainerClient(url).awaitSnapshot(Duration.ofMinutes(5));
        String definition = "{\"definition\": {\"panels\": [{\"items\": [{\"key\":"
                + " \"\\\\\\\\i2b2\\\\SMART\\\\\"}]}]}, \"results\": [\"PATIENT_COUNT_XML\"]}";
        HttpResponse<String> submitted = launcher.json("POST", "/cohort/runs", LAUNCHER, "dev", definition);
        assertEquals(202, submitted.statusCode(), submitted.body());
        long runId = parse(submitted).asJsonObject().getJsonNumber("id").longValue();
        String q = "/admin/audit?from=" + encode(from) + "&user=dev&kind=COHORT_RUN_ENDED";
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        JsonArray ended = parse(launcher.json("GET", q, ADMIN, null, null)).asJsonObject().getJsonArray("events");
        while (ended.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
            ended = parse(launcher.json("GET", q, ADMIN, null, null)).asJsonObject().getJsonArray("events");
        }
        assertEquals(1, ended.size(), ended.toString());
        assertEquals(runId, ended.getJsonObject(0).getJsonNumber("run_id").longValue());
        assertEquals("FINISHED", ended.getJsonObject(0).getString("outcome"));

        JsonArray all = auditEvents("from=" + encode(from) + "&limit=1000");
        assertEvent(all, "LOGIN", "dev", null, null, "launcher", "OK");
        assertEvent(all, "LOGIN_FAILED", "dev", null, null, "launcher", "LOGIN_FAILED");
        assertEvent(all, "APP_LAUNCH", DEV_USER, MED_LIST, RECORD, "launch", "OK");
        assertEvent(all, "TOKEN_ISSUED", DEV_USER, MED_LIST, RECORD, "CONNECT", "OK");
        assertEvent(all, "TOKEN_ISSUED", DEV_USER, MED_LIST, RECORD, "ACCESS", "OK");
        assertEvent(all, "TOKEN_REVOKED", DEV_USER, MED_LIST, RECORD, "CONNECT", "OK");
        assertEvent(all, "RECORD_READ", DEV_USER, MED_LIST, RECORD, "get_medications", "OK");
        assertEvent(all, "ADMIN_CHANGE", "admin", null, null, "PUT /admin/users/audited@it.test", "OK");
        assertEvent(all, "ADMIN_CHANGE", "admin", null, null, "DELETE /admin/tokens/{token}", "TOKEN_NOT_FOUND");
        assertEvent(all, "COHORT_RUN_STARTED", "dev", null, null, "PATIENT_COUNT_XML", "OK");
        for (String secret : List.of(tokens.getString("connect_token"), tokens.getString("connect_secret"),
                tokens.getString("rest_token"), tokens.getString("rest_secret"), LauncherClient.LAUNCHER_SECRET,
                "it-admin-secret", "audit-guess", "audited-password", "not-a-live-token")) {
            assertFalse(all.toString().contains(secret), "the trail holds " + secret);
        }

        JsonArray reads = auditEvents("from=" + encode(from) + "&app=" + encode(MED_LIST) + "&record=" + RECORD
                + "&kind=RECORD_READ");
        assertEquals(1, reads.size(), reads.toString());
        JsonObject first = parse(launcher.json("GET", "/admin/audit?from=" + encode(from) + "&limit=2", ADMIN, null,
                null)).asJsonObject();
        JsonArray next = auditEvents("from=" + encode(from) + "&limit=2&after="
                + first.getJsonNumber("next").longValue());
        assertEquals(all.subList(2, 4), next);
        assertEquals(400, launcher.json("GET", "/admin/audit?kind=SOMETHING", ADMIN, null, null).statusCode());
        assertEquals(403, launcher.json("GET", "/admin/audit", LAUNCHER, "nurse@it.test", null).statusCode());
    }

    private JsonArray auditEvents(String query) throws Exception {
        HttpResponse<String> answer = launcher.json("GET", "/admin/audit?" + query, ADMIN, null, null);
        assertEquals(200, answer.statusCode(), answer.body());
        return parse(answer).asJsonObject().getJsonArray("events");
    }

    private static void assertEvent(JsonArray events, String kind, String user, String app, String record,
                                    String what, String outcome) {
        assertTrue(events.stream().map(JsonValue::asJsonObject).anyMatch(e -> e.getString("kind").equals(kind)
                && text(e, "user_id").equals(String.valueOf(user)) && text(e, "app_id").equals(String.valueOf(app))
                && text(e, "record_id").equals(String.valueOf(record)) && text(e, "what").equals(what)
                && e.getString("outcome").equals(outcome)), kind + " " + user + " " + app + " " + record + " " + what
                + " " + outcome + " not in " + events);
    }

    private static String text(JsonObject event, String field) {
        return event.isNull(field) ? "null" : event.getString(field);
    }
}
