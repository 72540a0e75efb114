package org.smartcc.api;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A small HTTP client for the deployed container, as an outside caller sees it. */
final class ContainerClient {

    static final String ADMIN_PASSWORD = "it-admin-secret";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private final URI server;

    ContainerClient(URL deploymentUrl) {
        this.base = URI.create(deploymentUrl.toString().endsWith("/") ? deploymentUrl.toString() : deploymentUrl + "/");
        this.server = base.resolve("/");
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Payara's MicroProfile Health endpoint sits at the server root, not under the application. */
    HttpResponse<String> health(String which) throws Exception {
        return http.send(HttpRequest.newBuilder(server.resolve("health/" + which)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> putRecord(String recordId, byte[] rdfXml, String password) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("admin/records/" + recordId))
                .timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/rdf+xml")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(rdfXml));
        if (password != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Any request, with HTTP Basic credentials when {@code user} is given. */
    HttpResponse<String> send(String method, String path, String contentType, String body, String user,
                              String password) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(200))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Sends only the head of a POST that declares a body of the given length, and returns the raw answer: a server
     * that waits for the body instead times out here.
     */
    String declareOnly(String path, String contentType, long length) throws Exception {
        URI target = base.resolve(path);
        try (java.net.Socket socket = new java.net.Socket(target.getHost(), target.getPort())) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(("POST " + target.getRawPath() + " HTTP/1.1\r\nHost: " + target.getHost()
                    + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            java.io.InputStream in = socket.getInputStream();
            StringBuilder answer = new StringBuilder();
            byte[] buffer = new byte[8192];
            for (int n = in.read(buffer); n > 0 && answer.indexOf("}") < 0; n = in.read(buffer)) {
                answer.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
            return answer.toString();
        }
    }

    /** A POST whose body is sent in chunks, without a declared length. */
    HttpResponse<String> postChunked(String path, String contentType, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .version(HttpClient.Version.HTTP_1_1).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    JsonObject status() throws Exception {
        return json(get("status").body());
    }

    /** Waits until readiness answers UP, for at most the given time. */
    void awaitReady(Duration limit) throws Exception {
        long end = System.nanoTime() + limit.toNanos();
        String last = "";
        while (System.nanoTime() < end) {
            HttpResponse<String> ready = health("ready");
            last = ready.statusCode() + " " + ready.body();
            if (ready.statusCode() == 200 && ready.body().contains("\"UP\"")) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("not ready after " + limit + ": " + last);
    }

    /** Waits until the start-up snapshot is no longer pending or being written. */
    JsonObject awaitSnapshot(Duration limit) throws Exception {
        long end = System.nanoTime() + limit.toNanos();
        JsonObject snapshot = null;
        while (System.nanoTime() < end) {
            snapshot = status().getJsonObject("snapshot");
            String state = snapshot.getString("state");
            if (!state.equals("PENDING") && !state.equals("WRITING")) {
                return snapshot;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("snapshot not finished after " + limit + ": " + snapshot);
    }

    static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }
}
