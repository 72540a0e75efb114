package org.smartcc.launcher.browser;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.smartcc.client.SmartClient;
import org.smartcc.client.SmartResponse;

/**
 * The API server's calls the tests make themselves: the administrator's and the launcher's (HTTP Basic, which are no
 * app's calls and so plain HTTP here) and the background app's, through the project's Java client.
 */
final class ContainerApi {

    /** The development run's background app and the secret all its installed apps share. */
    private static final String BACKGROUND_APP = "smart-connector@apps.smartplatforms.org";
    private static final String DEV_APP_SECRET = "smartapp-secret";

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final SmartClient background;

    ContainerApi(String base) {
        this.base = base;
        this.background = SmartClient.builder(base).consumer(BACKGROUND_APP, DEV_APP_SECRET).build();
    }

    /** {@code PUT /admin/apps/{id}}: installs or replaces an app, answers its consumer secret. */
    String installApp(String appId, String manifest) {
        HttpResponse<String> answer = admin("PUT", "/admin/apps/" + encode(appId), manifest);
        expect(answer, 200, 201);
        return json(answer.body()).asJsonObject().getString("consumer_secret");
    }

    JsonObject patchApp(String appId, String changes) {
        HttpResponse<String> answer = admin("PATCH", "/admin/apps/" + encode(appId), changes);
        expect(answer, 200);
        return json(answer.body()).asJsonObject();
    }

    /** The values of the app's live tokens ({@code GET /admin/apps/{id}/tokens}). */
    List<String> liveTokens(String appId) {
        return liveTokenDetails(appId).stream().map(t -> t.asJsonObject().getString("token")).toList();
    }

    /** The app's live tokens as the administration lists them: token, kind, user, record, times. */
    jakarta.json.JsonArray liveTokenDetails(String appId) {
        HttpResponse<String> answer = admin("GET", "/admin/apps/" + encode(appId) + "/tokens", null);
        expect(answer, 200);
        return json(answer.body()).asJsonArray();
    }

    /** Every app's live token values. */
    List<String> allLiveTokens() {
        HttpResponse<String> answer = admin("GET", "/admin/apps", null);
        expect(answer, 200);
        return json(answer.body()).asJsonArray().stream()
                .map(a -> a.asJsonObject().getString("app_id")).flatMap(id -> liveTokens(id).stream()).toList();
    }

    void putUser(String userId, String user) {
        expect(admin("PUT", "/admin/users/" + encode(userId), user), 204);
    }

    /** A record's banner as the API gives it to the launcher ({@code GET /oauth/internal/records/{id}}). */
    JsonObject banner(String recordId) {
        String basic = Base64.getEncoder().encodeToString(
                ("launcher:" + ContainerServer.LAUNCHER_SECRET).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer = exchange(HttpRequest.newBuilder(
                        URI.create(base + "/oauth/internal/records/" + encode(recordId)))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Basic " + basic)
                .header("Accept", "application/json").GET().build());
        expect(answer, 200);
        return json(answer.body()).asJsonObject();
    }

    /** A record's collection as the API gives it (RDF/XML), read with the background app's token for the record. */
    String recordRead(String recordId, String path) {
        SmartResponse answer = background.request("GET", "/records/" + encode(recordId) + path)
                .token(background.recordToken(recordId)).send();
        if (answer.status() != 200) {
            throw new AssertionError("GET /records/" + recordId + path + " answered " + answer.status() + ": "
                    + answer.text());
        }
        return answer.text();
    }

    /** The background app's per-record token loop (smart-classic §4.6, 2-legged); the records in the order handed out. */
    List<String> walkBackgroundRecords() {
        List<String> records = new ArrayList<>();
        background.recordTokens().forEach(token -> records.add(token.recordId()));
        return records;
    }

    /** The id of the development run's background app, whose loop {@link #walkBackgroundRecords} walks. */
    static String backgroundApp() {
        return BACKGROUND_APP;
    }

    /**
     * Whether the server has written its first snapshot: the cohort calls (and i2b2's ontology cell) answer
     * NO_SNAPSHOT before, a few seconds after the server is ready. Asked as i2b2's demo user of the dev profile.
     */
    boolean hasSnapshot() {
        String basic = Base64.getEncoder().encodeToString("demo:demouser".getBytes(StandardCharsets.UTF_8));
        return exchange(HttpRequest.newBuilder(URI.create(base + "/cohort/concepts")).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + basic).GET().build()).statusCode() != 503;
    }

    private HttpResponse<String> admin(String method, String path, String json) {
        String basic = Base64.getEncoder().encodeToString(
                ("admin:" + ContainerServer.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Basic " + basic)
                .header("Accept", "application/json");
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return exchange(request.build());
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static void expect(HttpResponse<String> answer, int... statuses) {
        for (int status : statuses) {
            if (answer.statusCode() == status) {
                return;
            }
        }
        throw new AssertionError(answer.request().method() + " " + answer.request().uri() + " answered "
                + answer.statusCode() + ": " + answer.body());
    }

    static JsonValue json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.read();
        }
    }

    static Map<String, String> form(String body) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : body.trim().split("&")) {
            int eq = pair.indexOf('=');
            values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
