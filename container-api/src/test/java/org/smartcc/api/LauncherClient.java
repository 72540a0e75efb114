package org.smartcc.api;

import jakarta.json.Json;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** The launcher as the API server sees it: HTTP Basic {@code launcher}, or {@code admin}, and form or JSON bodies. */
final class LauncherClient {

    static final String LAUNCHER_SECRET = "it-launcher-secret";
    static final String ADMIN = "admin:it-admin-secret";
    static final String LAUNCHER = "launcher:" + LAUNCHER_SECRET;

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    LauncherClient(String base) {
        this.base = base;
    }

    /** A launcher call with a form body (null for none). */
    HttpResponse<String> form(String method, String path, String form) throws Exception {
        return send(method, path, LAUNCHER, null, "application/x-www-form-urlencoded", form);
    }

    /**
     * A call with a JSON body (null for none).
     *
     * @param credentials {@link #ADMIN} or {@link #LAUNCHER}
     * @param actingUser  the X-SmartCC-Acting-User header; null for none
     */
    HttpResponse<String> json(String method, String path, String credentials, String actingUser, String body)
            throws Exception {
        return send(method, path, credentials, actingUser, "application/json", body);
    }

    static JsonStructure parse(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).read();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> send(String method, String path, String credentials, String actingUser,
                                      String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        credentials.getBytes(StandardCharsets.UTF_8)));
        if (actingUser != null) {
            request.header("X-SmartCC-Acting-User", actingUser);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
