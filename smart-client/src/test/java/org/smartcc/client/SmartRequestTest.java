package org.smartcc.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The raw signed request against a real local HTTP server: what arrives (method, path, headers, body), the signature
 * checked by this test's own RFC 5849 base string and HMAC-SHA1, refusals answered rather than thrown, and the sent
 * request resent as it was.
 */
class SmartRequestTest {

    private static final String APP = "app@apps.test";
    private static final String SECRET = "app-secret";

    /** What the server received. */
    private record Received(String method, URI uri, String authorization, String contentType, String accept,
                            byte[] body) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private String apiBase;
    private SmartClient smart;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api", this::answer);
        server.start();
        apiBase = "http://127.0.0.1:" + server.getAddress().getPort() + "/api";
        smart = SmartClient.builder(apiBase).consumer(APP, SECRET).build();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            var headers = exchange.getRequestHeaders();
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI(),
                    headers.getFirst("Authorization"), headers.getFirst("Content-Type"), headers.getFirst("Accept"),
                    exchange.getRequestBody().readAllBytes()));
            boolean refused = exchange.getRequestURI().getPath().endsWith("/refused");
            byte[] body = (refused ? "{\"code\": \"FORBIDDEN_TEST\", \"message\": \"not for you\"}"
                    : "oauth_token=t%20one&oauth_token_secret=s").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", refused ? "application/json"
                    : "application/x-www-form-urlencoded");
            exchange.getResponseHeaders().set("X-Test", "yes");
            exchange.sendResponseHeaders(refused ? 403 : 200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    @Test
    void aTwoLeggedGetIsSignedWithItsQueryAndAnswered() throws Exception {
        SmartResponse answer = smart.request("GET", "/records/1/medications/?date_from=2010-01-01&x=a%20b")
                .header("Accept", "text/turtle").send();

        assertEquals(200, answer.status());
        assertEquals("yes", answer.header("x-test").orElseThrow(), "header names are case-insensitive");
        assertEquals(Map.of("oauth_token", "t one", "oauth_token_secret", "s"), answer.form());
        Received request = received.get(0);
        assertEquals("/api/records/1/medications/", request.uri().getPath());
        assertEquals("text/turtle", request.accept());
        Map<String, String> oauth = oauthParameters(request.authorization());
        assertEquals(APP, oauth.get("oauth_consumer_key"));
        assertEquals("HMAC-SHA1", oauth.get("oauth_signature_method"));
        assertFalse(oauth.containsKey("oauth_token") && !oauth.get("oauth_token").isEmpty(), "2-legged");
        assertEquals(oauth.get("oauth_signature"), signature(request, SECRET, "", Map.of()));
        assertFalse(oauth.get("oauth_signature").equals(signature(request, "other-secret", "", Map.of())),
                "the check tells a wrong secret");
    }

    @Test
    void theTokenTheFormAndOAuthParametersAreSignedAndOtherBodiesAreNot() throws Exception {
        AccessToken token = new AccessToken("token-1", "token-secret", "1");
        smart.request("POST", apiBase + "/oauth/request_token").token(token).oauthParameter("oauth_callback", "oob")
                .form("smart_record_id", "1 2").send();
        Received form = received.get(0);
        assertEquals("POST", form.method());
        assertEquals("application/x-www-form-urlencoded", form.contentType());
        assertEquals("smart_record_id=1%202", new String(form.body(), StandardCharsets.UTF_8));
        Map<String, String> oauth = oauthParameters(form.authorization());
        assertEquals("token-1", oauth.get("oauth_token"));
        assertEquals("oob", oauth.get("oauth_callback"));
        assertEquals(oauth.get("oauth_signature"), signature(form, SECRET, "token-secret",
                Map.of("smart_record_id", "1 2")));

        byte[] json = "{\"a\": 1}".getBytes(StandardCharsets.UTF_8);
        smart.request("PUT", "records/1/apps/x/scratchpad").token(token).body("application/json", json).send();
        Received other = received.get(1);
        assertEquals("/api/records/1/apps/x/scratchpad", other.uri().getPath(), "a path without its slash");
        assertEquals("application/json", other.contentType());
        assertArrayEquals(json, other.body());
        assertEquals(oauthParameters(other.authorization()).get("oauth_signature"),
                signature(other, SECRET, "token-secret", Map.of()));
    }

    @Test
    void aRefusalIsAnAnswerAndTheSentRequestGoesAgainAsItWas() throws Exception {
        SmartResponse refused = smart.request("DELETE", "/refused").send();

        assertEquals(403, refused.status());
        assertEquals("application/json", refused.contentType());
        assertTrue(refused.text().contains("FORBIDDEN_TEST"), refused.text());
        HttpResponse<String> again = HttpClient.newHttpClient().send(refused.request(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, again.statusCode());
        assertEquals(received.get(0).authorization(), received.get(1).authorization(), "the same nonce and signature");
        assertEquals("DELETE", received.get(1).method());
    }

    @Test
    void theTypedCallsStillThrowTheContainersCode() {
        SmartClientException refused = assertThrows(SmartClientException.class,
                () -> smart.population(1).exportStatus("refused"));
        assertEquals(403, refused.status());
        assertEquals("FORBIDDEN_TEST", refused.code());
    }

    @Test
    void everyRequestHasANonceOfItsOwn() {
        for (int i = 0; i < 50; i++) {
            smart.request("GET", "/manifest").send();
        }
        List<String> nonces = received.stream().map(r -> oauthParameters(r.authorization()).get("oauth_nonce")).toList();
        assertEquals(50, nonces.stream().distinct().count(), nonces.toString());
        assertTrue(nonces.stream().allMatch(n -> n.length() >= 32), "random enough not to repeat: " + nonces);
    }

    @Test
    void noAnswerIsNotReachable() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        SmartClientException e = assertThrows(SmartClientException.class,
                () -> smart.request("GET", "http://127.0.0.1:" + closed + "/api/manifest").send());
        assertEquals("NOT_REACHABLE", e.code());
    }

    @Test
    void headersTheClientSetsAndMixedBodiesAreRefused() {
        SmartRequest request = smart.request("POST", "/x");
        assertThrows(IllegalArgumentException.class, () -> request.header("Content-Type", "text/plain"));
        assertThrows(IllegalArgumentException.class, () -> request.oauthParameter("callback", "oob"));
        request.form("a", "b");
        assertThrows(IllegalStateException.class, () -> request.body("text/plain", "c"));
    }

    /** The Authorization header's parameters, decoded. */
    private static Map<String, String> oauthParameters(String authorization) {
        assertTrue(authorization.startsWith("OAuth "), authorization);
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String part : authorization.substring("OAuth ".length()).split(",")) {
            String[] pair = part.trim().split("=", 2);
            parameters.put(decode(pair[0]), decode(pair[1].replaceAll("^\"|\"$", "")));
        }
        return parameters;
    }

    /** HMAC-SHA1 of the RFC 5849 §3.4.1 base string of what the server received, computed here independently. */
    private String signature(Received request, String consumerSecret, String tokenSecret, Map<String, String> form)
            throws Exception {
        List<String[]> parameters = new ArrayList<>();
        oauthParameters(request.authorization()).forEach((name, value) -> {
            if (!name.equals("oauth_signature") && !name.equals("realm")) {
                parameters.add(new String[] {name, value});
            }
        });
        String query = request.uri().getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                String[] nv = pair.split("=", 2);
                parameters.add(new String[] {decode(nv[0]), decode(nv[1])});
            }
        }
        form.forEach((name, value) -> parameters.add(new String[] {name, value}));
        List<String> encoded = new ArrayList<>(parameters.stream().map(p -> encode(p[0]) + "=" + encode(p[1]))
                .toList());
        encoded.sort(null);
        String baseUri = "http://127.0.0.1:" + server.getAddress().getPort() + request.uri().getRawPath();
        String base = request.method() + "&" + encode(baseUri) + "&" + encode(String.join("&", encoded));
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec((encode(consumerSecret) + "&" + encode(tokenSecret))
                .getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(base.getBytes(StandardCharsets.UTF_8)));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
                .replace("%7E", "~");
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
