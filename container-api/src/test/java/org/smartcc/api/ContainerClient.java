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
import org.smartcc.client.SmartClient;

/** A small HTTP client for the deployed container, as an outside caller sees it. */
final class ContainerClient {

    static final String ADMIN_PASSWORD = "it-admin-secret";
    /** The consumer secret every installed app of the development profile has. */
    static final String DEV_APP_SECRET = "smartapp-secret";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private final URI server;

    ContainerClient(URL deploymentUrl) {
        this.base = URI.create(deploymentUrl.toString().endsWith("/") ? deploymentUrl.toString() : deploymentUrl + "/");
        this.server = base.resolve("/");
    }

    /** An app of the development profile calling the API, through the project's Java client. */
    SmartClient app(String appId) {
        return app(appId, DEV_APP_SECRET);
    }

    /** A consumer with a secret of its own, such as an app an administrator installed, or the launcher. */
    SmartClient app(String consumerKey, String consumerSecret) {
        return SmartClient.builder(base.toString()).consumer(consumerKey, consumerSecret).build();
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

    /** A request to a path of the API as the caller prepares it, e.g. with a browser's headers. */
    HttpResponse<String> send(String path, java.util.function.UnaryOperator<HttpRequest.Builder> prepare)
            throws Exception {
        return http.send(prepare.apply(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(200)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A POST over a plain socket, the body sent in the background (declared by {@code Content-Length}, or in chunks)
     * while the answer is read, so that a server that answers before it has read the body is seen to do so. Returns
     * the raw answer up to the end of its first JSON or XML document.
     */
    String postRaw(String path, String contentType, byte[] body, boolean chunked) throws Exception {
        URI target = base.resolve(path);
        try (java.net.Socket socket = new java.net.Socket(target.getHost(), target.getPort())) {
            socket.setSoTimeout(60_000);
            java.io.OutputStream out = socket.getOutputStream();
            out.write(("POST " + target.getRawPath() + " HTTP/1.1\r\nHost: " + target.getHost() + "\r\nContent-Type: "
                    + contentType + "\r\n" + (chunked ? "Transfer-Encoding: chunked" : "Content-Length: " + body.length)
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            Thread sender = new Thread(() -> {
                try {
                    for (int at = 0; at < body.length; at += 8192) {
                        int n = Math.min(8192, body.length - at);
                        if (chunked) {
                            out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        }
                        out.write(body, at, n);
                        if (chunked) {
                            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                        }
                    }
                    if (chunked) {
                        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.flush();
                } catch (java.io.IOException e) {
                    // the server answered and closed before it took the whole body: the answer is what counts
                }
            });
            sender.setDaemon(true);
            sender.start();
            java.io.InputStream in = socket.getInputStream();
            StringBuilder answer = new StringBuilder();
            byte[] buffer = new byte[8192];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                answer.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                if (answer.indexOf("}") >= 0 || answer.indexOf("</ns5:response>") >= 0) {
                    break;
                }
            }
            return answer.toString();
        }
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
