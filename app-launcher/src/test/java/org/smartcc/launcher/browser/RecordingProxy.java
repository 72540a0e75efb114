package org.smartcc.launcher.browser;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A plain HTTP forward proxy the browser is told to use for every request, loopback included: each response the
 * browser receives passes through it and is recorded (method, URL, status, headers, body), for the assertions about
 * what reaches the browser. One request per connection; the browser is asked not to compress, so bodies are recorded
 * as sent.
 */
final class RecordingProxy {

    /** One response as the browser received it. */
    record Exchange(String method, String url, int status, Map<String, String> headers, String body) {
        /** The whole response as text, for searching a value anywhere in it. */
        String text() {
            return status + "\n" + headers + "\n" + body;
        }
    }

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    private final ServerSocket socket;
    private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();

    RecordingProxy() {
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::accept, "recording-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    /** A copy of the responses recorded so far, oldest first. */
    List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    void clear() {
        exchanges.clear();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Thread worker = new Thread(() -> serve(client), "recording-proxy-connection");
                worker.setDaemon(true);
                worker.start();
            } catch (IOException e) {
                // closed
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            String head = readHead(in);
            if (head.isEmpty()) {
                return;
            }
            String[] lines = head.split("\r\n");
            String[] requestLine = lines[0].split(" ");
            if (requestLine.length < 3 || !requestLine[1].startsWith("http://")) {
                // CONNECT (TLS) or a malformed request: nothing of the container's goes that way
                client.getOutputStream().write(("HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n"
                        + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                return;
            }
            String method = requestLine[0];
            URI target = URI.create(requestLine[1]);
            Map<String, String> headers = headers(lines);
            byte[] body = readBody(in, headers);
            Response response;
            try {
                response = forward(method, target, headers, body);
            } catch (IOException e) {
                response = new Response("HTTP/1.1 502 Bad Gateway", 502, Map.of("Content-Type", "text/plain"),
                        ("proxy: " + e.getMessage()).getBytes(StandardCharsets.UTF_8));
            }
            exchanges.add(new Exchange(method, target.toString(), response.status(), response.headers(),
                    new String(response.body(), StandardCharsets.UTF_8)));
            writeResponse(client.getOutputStream(), response);
        } catch (IOException e) {
            // the browser gave up on this connection
        }
    }

    private record Response(String statusLine, int status, Map<String, String> headers, byte[] body) {
    }

    private static Response forward(String method, URI target, Map<String, String> headers, byte[] body)
            throws IOException {
        if (!LOOPBACK.contains(target.getHost())) {
            // the tests' world is this machine: the installed sample apps' icons on the internet fail at once instead
            // of holding the browser's proxy connections while a name lookup times out
            throw new IOException("the tests reach no host but this machine's");
        }
        int port = target.getPort() < 0 ? 80 : target.getPort();
        try (Socket upstream = new Socket()) {
            upstream.connect(new InetSocketAddress(target.getHost(), port), 5000);
            StringBuilder request = new StringBuilder(method).append(' ').append(target.getRawPath())
                    .append(target.getRawQuery() == null ? "" : "?" + target.getRawQuery()).append(" HTTP/1.1\r\n");
            headers.forEach((name, value) -> {
                String lower = name.toLowerCase(Locale.ROOT);
                if (!lower.equals("proxy-connection") && !lower.equals("connection") && !lower.equals("keep-alive")
                        && !lower.equals("accept-encoding") && !lower.equals("content-length")
                        && !lower.equals("transfer-encoding")) {
                    request.append(name).append(": ").append(value).append("\r\n");
                }
            });
            if (body.length > 0 || !method.equals("GET") && !method.equals("HEAD")) {
                request.append("Content-Length: ").append(body.length).append("\r\n");
            }
            request.append("Connection: close\r\n\r\n");
            OutputStream out = upstream.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            InputStream in = upstream.getInputStream();
            String responseHead = readHead(in);
            if (responseHead.isEmpty()) {
                throw new IOException(target + " closed the connection without answering");
            }
            String[] lines = responseHead.split("\r\n");
            Map<String, String> responseHeaders = headers(lines);
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            byte[] responseBody = status == 204 || status == 304 || method.equals("HEAD") ? new byte[0]
                    : readResponseBody(in, responseHeaders);
            return new Response(lines[0], status, responseHeaders, responseBody);
        }
    }

    private static byte[] readResponseBody(InputStream in, Map<String, String> headers) throws IOException {
        if ("chunked".equalsIgnoreCase(header(headers, "Transfer-Encoding"))) {
            return readChunked(in);
        }
        String length = header(headers, "Content-Length");
        return length == null ? in.readAllBytes() : in.readNBytes(Integer.parseInt(length.trim()));
    }

    private static void writeResponse(OutputStream out, Response response) throws IOException {
        StringBuilder head = new StringBuilder(response.statusLine()).append("\r\n");
        response.headers().forEach((name, value) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!lower.equals("connection") && !lower.equals("keep-alive") && !lower.equals("content-length")
                    && !lower.equals("transfer-encoding")) {
                for (String one : value.split("\n")) {
                    head.append(name).append(": ").append(one).append("\r\n");
                }
            }
        });
        head.append("Content-Length: ").append(response.body().length).append("\r\nConnection: close\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(response.body());
        out.flush();
    }

    private static byte[] readBody(InputStream in, Map<String, String> headers) throws IOException {
        if ("chunked".equalsIgnoreCase(header(headers, "Transfer-Encoding"))) {
            return readChunked(in);
        }
        String length = header(headers, "Content-Length");
        return length == null ? new byte[0] : in.readNBytes(Integer.parseInt(length.trim()));
    }

    private static byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = readLine(in);
            int semicolon = size.indexOf(';');
            int n = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
            if (n == 0) {
                while (!readLine(in).isEmpty()) {
                    // trailers
                }
                return body.toByteArray();
            }
            body.write(in.readNBytes(n));
            readLine(in);
        }
    }

    /** Header names as sent; a repeated header (Set-Cookie) keeps every value, one per line. */
    private static Map<String, String> headers(String[] lines) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.merge(lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim(),
                        (a, b) -> a + "\n" + b);
            }
        }
        return headers;
    }

    private static String header(Map<String, String> headers, String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    private static String readHead(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            lines.add(line);
        }
        return String.join("\r\n", lines);
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
            if (c != '\r') {
                line.write(c);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
