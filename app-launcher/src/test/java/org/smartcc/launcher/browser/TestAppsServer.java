package org.smartcc.launcher.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;

/**
 * The test apps' own web server, on another origin than the container ({@code 127.0.0.1:Q} against
 * {@code localhost:P}): serves {@code src/test/resources/test-apps/} with {@code {{test_base}}} (this server's base)
 * and {@code {{launcher_base}}} (the container's launcher) filled in text files, and the REST app the tests play at
 * {@code /rest-app/}.
 */
final class TestAppsServer {

    private static final Set<String> TEXT = Set.of("html", "json", "js", "css", "txt");

    private final HttpServer server;
    private final Path root;
    private final String launcherBase;

    TestAppsServer(Path root, String launcherBase, RestApp restApp) {
        this.root = root;
        this.launcherBase = launcherBase;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread thread = new Thread(r, "test-apps-server");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", this::serveFile);
        server.createContext("/rest-app/", restApp::handle);
        server.start();
    }

    /** {@code http://127.0.0.1:Q}. */
    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A file of the test apps with the placeholders filled, as served. */
    String filled(Path file) throws IOException {
        return Files.readString(file).replace("{{test_base}}", base()).replace("{{launcher_base}}", launcherBase);
    }

    private void serveFile(HttpExchange exchange) throws IOException {
        try (exchange) {
            Path file = root.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
            if (Files.isDirectory(file)) {
                file = file.resolve("index.html");
            }
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                send(exchange, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String name = file.getFileName().toString();
            String extension = name.substring(name.lastIndexOf('.') + 1);
            String type = Map.of("js", "text/javascript", "json", "application/json", "css", "text/css")
                    .getOrDefault(extension, URLConnection.guessContentTypeFromName(name));
            byte[] body = TEXT.contains(extension) ? filled(file).getBytes(StandardCharsets.UTF_8)
                    : Files.readAllBytes(file);
            send(exchange, 200, type == null ? "application/octet-stream" : type, body);
        }
    }

    static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type",
                type.startsWith("text/") || type.endsWith("json") ? type + "; charset=utf-8" : type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        exchange.getResponseBody().write(body);
    }
}
