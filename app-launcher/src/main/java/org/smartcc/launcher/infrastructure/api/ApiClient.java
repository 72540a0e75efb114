package org.smartcc.launcher.infrastructure.api;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.smartcc.launcher.domain.LauncherException;

/**
 * The API server's calls for the launcher (docs/launcher.md), over java.net.http with HTTP Basic {@code launcher} and
 * the launcher secret. An error answer {@code {"code", "message"}} becomes a {@link LauncherException} with the same
 * status and code, except that the API's 401 becomes 502: it refused the launcher, not the browser's user.
 */
@ApplicationScoped
public class ApiClient {

    static final String CONSUMER_KEY = "launcher";
    private static final String ACTING_USER = "X-SmartCC-Acting-User";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Logger LOG = Logger.getLogger(ApiClient.class.getName());

    @Inject
    LauncherSettings settings;

    private HttpClient http;
    private final OAuth1Signer signer = new OAuth1Signer(Clock.systemUTC());

    @PostConstruct
    void open() {
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** {@code POST /oauth/internal/session_create}: the user's id, full name and roles; 401 LOGIN_FAILED else. */
    public JsonObject sessionCreate(String username, String password) {
        return json(send(launcher("oauth/internal/session_create")
                .POST(form(List.of(Map.entry("username", username), Map.entry("password", password))))
                .header("Content-Type", FORM)), JsonObject.class);
    }

    public JsonObject records(List<Map.Entry<String, String>> query) {
        String q = FormEncoding.encode(query);
        return json(send(launcher("oauth/internal/records" + (q.isEmpty() ? "" : "?" + q)).GET()), JsonObject.class);
    }

    public JsonObject record(String recordId) {
        return json(send(launcher("oauth/internal/records/" + segment(recordId)).GET()), JsonObject.class);
    }

    /** The public {@code GET /apps/manifests/}: the manifests of the installed, enabled apps. */
    public JsonArray manifests() {
        return json(send(HttpRequest.newBuilder(uri("apps/manifests/")).timeout(TIMEOUT).GET()), JsonArray.class);
    }

    /** @param recordId null for a container-scope app */
    public JsonObject launch(String appId, String userId, String recordId) {
        List<Map.Entry<String, String>> form = new ArrayList<>(List.of(
                Map.entry("app_id", appId), Map.entry("user_id", userId)));
        if (recordId != null) {
            form.add(Map.entry("record_id", recordId));
        }
        return json(send(launcher("oauth/internal/launch").POST(form(form)).header("Content-Type", FORM)),
                JsonObject.class);
    }

    public void revoke(Collection<String> tokens) {
        if (tokens.isEmpty()) {
            return;
        }
        List<Map.Entry<String, String>> form = tokens.stream().map(t -> Map.entry("token", t)).toList();
        json(send(launcher("oauth/internal/tokens/revoke").POST(form(form)).header("Content-Type", FORM)),
                JsonObject.class);
    }

    /**
     * What a request token asks for; {@code user_id} names the signed-in user, whose earlier approval of the same app
     * on the same record makes {@code approved} true (smart-classic §4.4 step 4, "kind=same").
     */
    public JsonObject requestTokenInfo(String requestToken, String userId) {
        return json(send(launcher("oauth/internal/request_tokens/" + segment(requestToken) + "/info?user_id="
                + segment(userId)).GET()), JsonObject.class);
    }

    /** @param recordId null when the request token names no record */
    public JsonObject approve(String requestToken, String userId, String recordId) {
        List<Map.Entry<String, String>> form = new ArrayList<>(List.of(Map.entry("user_id", userId)));
        if (recordId != null) {
            form.add(Map.entry("record_id", recordId));
        }
        return json(send(launcher("oauth/internal/request_tokens/" + segment(requestToken) + "/approve")
                .POST(form(form)).header("Content-Type", FORM)), JsonObject.class);
    }

    /**
     * A call {@code /{base}/{path}} (the administration's {@code admin}, the cohort API's {@code cohort}) on behalf of
     * {@code actingUser}, answered unchanged. The caller's {@code accept} goes along (a saved query's i2b2 XML is
     * {@code application/xml} only); without one the call asks for JSON.
     */
    public ApiResponse actingAs(String actingUser, String method, String base, String path, String rawQuery,
                                String accept, String contentType, byte[] body) {
        HttpRequest.Builder request = launcher(base + "/" + path + (rawQuery == null ? "" : "?" + rawQuery))
                .header(ACTING_USER, actingUser)
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null && body.length > 0) {
            request.header("Content-Type", contentType);
        }
        if (accept != null && !accept.isBlank()) {
            request.setHeader("Accept", accept);
        }
        return send(request);
    }

    /**
     * A SMART Connect call {@code {api-url}/{func}} signed with the launcher's consumer and an instance's SMART
     * Connect token, answered unchanged (smart-classic §6.4).
     */
    public ApiResponse connect(String method, String func, String rawQuery, String contentType, byte[] body,
                               String token, String tokenSecret) {
        URI target = uri(func + (rawQuery == null ? "" : "?" + rawQuery));
        List<Map.Entry<String, String>> signed = new ArrayList<>(FormEncoding.decode(rawQuery));
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(FORM)) {
            signed.addAll(FormEncoding.decode(new String(body, StandardCharsets.UTF_8)));
        }
        String authorization = signer.authorizationHeader(method, target, signed, CONSUMER_KEY, secret(), token,
                tokenSecret);
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(TIMEOUT)
                .header("Authorization", authorization)
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null && body.length > 0) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    private HttpRequest.Builder launcher(String path) {
        String credentials = CONSUMER_KEY + ":" + secret();
        return HttpRequest.newBuilder(uri(path)).timeout(TIMEOUT)
                .header("Accept", "application/json")
                .header("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }

    private String secret() {
        return settings.secret().orElseThrow(() -> new LauncherException(503, "LAUNCHER_NOT_CONFIGURED",
                "smartcc.launcher.secret is not set: the launcher cannot reach the API server's launcher calls"));
    }

    private URI uri(String path) {
        try {
            return URI.create(settings.apiUrl() + "/" + path);
        } catch (IllegalArgumentException e) {
            throw LauncherException.invalidInput("PATH_INVALID", "not a valid API path");
        }
    }

    private ApiResponse send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new ApiResponse(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null), response.body());
        } catch (IOException e) {
            LOG.log(Level.WARNING, "the API server at {0} is not reachable: {1}",
                    new Object[] {settings.apiUrl(), e.toString()});
            throw new LauncherException(502, "API_UNREACHABLE", "the API server is not reachable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException(503, "INTERRUPTED", "the call to the API server was interrupted");
        }
    }

    /** The answer's JSON, or the API's error as a {@link LauncherException}. */
    static <T extends JsonStructure> T json(ApiResponse response, Class<T> type) {
        if (response.status() >= 400) {
            throw error(response);
        }
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(response.body()))) {
            return type.cast(reader.read());
        } catch (JsonException | ClassCastException e) {
            throw new LauncherException(502, "API_ANSWER_INVALID", "the API server's answer was not the JSON expected");
        }
    }

    static LauncherException error(ApiResponse response) {
        int status = response.status() == 401 ? 502 : response.status();
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(response.body()))) {
            JsonObject error = reader.readObject();
            return new LauncherException(status, error.getString("code", "API_ERROR"),
                    error.getString("message", "the API server refused the call"));
        } catch (JsonException | ClassCastException e) {
            return new LauncherException(status, "API_ERROR", "the API server answered " + response.status());
        }
    }

    private static HttpRequest.BodyPublisher form(List<Map.Entry<String, String>> pairs) {
        return HttpRequest.BodyPublishers.ofString(FormEncoding.encode(pairs));
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
