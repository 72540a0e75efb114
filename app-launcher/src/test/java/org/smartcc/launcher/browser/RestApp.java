package org.smartcc.launcher.browser;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.smartcc.client.AccessToken;
import org.smartcc.client.RequestToken;
import org.smartcc.client.SmartClient;
import org.smartcc.client.SmartClientException;

/**
 * A SMART REST app played by the test, on the test apps server, written with the project's Java client as a REST
 * app's server would be: {@code /rest-app/index} does the OAuth 1.0a dance of smart-classic §4.4 (2-legged request
 * token for the record, then the browser to the container's {@code authorize_token}); {@code /rest-app/callback}
 * exchanges the verifier for an access token, reads the record's demographics with it and shows the patient's family
 * name in {@code #rest-result}.
 */
final class RestApp {

    static final String DIRECTORY = "rest-app";
    private static final byte[] ICON = ("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"32\" height=\"32\">"
            + "<rect width=\"32\" height=\"32\" fill=\"#2a6\"/></svg>").getBytes(StandardCharsets.UTF_8);
    private static final String FAMILY_NAME = "http://www.w3.org/2006/vcard/ns#family-name";

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    /** A client for each API base the app was launched from, as the launch's {@code api_base} says. */
    private final Map<String, SmartClient> clients = new ConcurrentHashMap<>();
    private volatile String appId;
    private volatile String consumerSecret;

    /** A request token waiting for the user's decision, with the client of the container that issued it. */
    private record Pending(SmartClient smart, RequestToken token) {
    }

    /** The app's id and the consumer secret its installation answered. */
    void installed(String id, String secret) {
        this.appId = id;
        this.consumerSecret = secret;
    }

    void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> query = exchange.getRequestURI().getRawQuery() == null ? Map.of()
                    : ContainerApi.form(exchange.getRequestURI().getRawQuery());
            String path = exchange.getRequestURI().getPath();
            try {
                if (path.endsWith("/index")) {
                    String authorize = requestToken(query.get("api_base"), query.get("record_id"));
                    exchange.getResponseHeaders().set("Location", authorize);
                    TestAppsServer.send(exchange, 303, "text/plain", new byte[0]);
                } else if (path.endsWith("/icon.svg")) {
                    TestAppsServer.send(exchange, 200, "image/svg+xml", ICON);
                } else if (path.endsWith("/callback")) {
                    String family = familyName(query.get("oauth_token"), query.get("oauth_verifier"));
                    page(exchange, 200, "<p>Patient: <span id=\"rest-result\">" + escape(family) + "</span></p>");
                } else {
                    page(exchange, 404, "<p>not found</p>");
                }
            } catch (IllegalStateException | SmartClientException e) {
                page(exchange, 500, "<p id=\"rest-error\">" + escape(e.getMessage()) + "</p>");
            }
        }
    }

    private String requestToken(String apiBase, String recordId) {
        if (apiBase == null || recordId == null) {
            throw new IllegalStateException("launched without api_base and record_id");
        }
        SmartClient smart = clients.computeIfAbsent(apiBase, base -> SmartClient.builder(base)
                .consumer(appId, consumerSecret).build());
        RequestToken token = smart.requestToken(recordId);
        pending.put(token.token(), new Pending(smart, token));
        return smart.authorizeUrl(token).toString();
    }

    private String familyName(String requestToken, String verifier) {
        Pending request = pending.remove(requestToken);
        if (request == null || verifier == null) {
            throw new IllegalStateException("callback without a pending request token or a verifier");
        }
        AccessToken access = request.smart().accessToken(request.token(), verifier);
        Model demographics = request.smart().record(access).getDemographics();
        return demographics.listObjectsOfProperty(demographics.createProperty(FAMILY_NAME)).toList().stream()
                .filter(RDFNode::isLiteral).map(n -> n.asLiteral().getString()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no family name in the demographics"));
    }

    private static void page(HttpExchange exchange, int status, String body) throws IOException {
        TestAppsServer.send(exchange, status, "text/html", ("<!DOCTYPE html><html lang=\"en\"><head><title>REST app"
                + "</title></head><body>" + body + "</body></html>").getBytes(StandardCharsets.UTF_8));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
