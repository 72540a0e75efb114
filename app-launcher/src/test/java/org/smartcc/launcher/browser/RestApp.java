package org.smartcc.launcher.browser;

import com.github.scribejava.core.builder.ServiceBuilder;
import com.github.scribejava.core.model.OAuth1AccessToken;
import com.github.scribejava.core.model.OAuthRequest;
import com.github.scribejava.core.model.Verb;
import com.github.scribejava.core.oauth.OAuth10aService;
import com.sun.net.httpserver.HttpExchange;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SMART REST app played by the test, on the test apps server: {@code /rest-app/index} does the OAuth 1.0a dance of
 * smart-classic §4.4 (2-legged request token for the record, then the browser to the container's
 * {@code authorize_token}); {@code /rest-app/callback} exchanges the verifier for an access token, reads the record's
 * demographics with it and shows the patient's family name in {@code #rest-result}.
 */
final class RestApp {

    static final String DIRECTORY = "rest-app";
    private static final byte[] ICON = ("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"32\" height=\"32\">"
            + "<rect width=\"32\" height=\"32\" fill=\"#2a6\"/></svg>").getBytes(StandardCharsets.UTF_8);
    private static final Pattern FAMILY_NAME = Pattern.compile("family-name>([^<]+)</");

    private final ContainerApi api;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private volatile String appId;
    private volatile String consumerSecret;

    /** A request token waiting for the user's decision, with what the callback needs. */
    private record Pending(String secret, String apiBase, String exchangeUrl) {
    }

    RestApp(ContainerApi api) {
        this.api = api;
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
            } catch (IllegalStateException e) {
                page(exchange, 500, "<p id=\"rest-error\">" + escape(e.getMessage()) + "</p>");
            }
        }
    }

    private String requestToken(String apiBase, String recordId) {
        if (apiBase == null || recordId == null) {
            throw new IllegalStateException("launched without api_base and record_id");
        }
        HttpResponse<String> manifest = api.send(new OAuthRequest(Verb.GET, apiBase + "/manifest"));
        ContainerApi.expect(manifest, 200);
        JsonObject launchUrls = ContainerApi.json(manifest.body()).asJsonObject().getJsonObject("launch_urls");
        OAuthRequest request = new OAuthRequest(Verb.POST, launchUrls.getString("request_token"));
        request.addOAuthParameter("oauth_callback", "oob");
        request.addBodyParameter("smart_record_id", recordId);
        signer().signRequest(new OAuth1AccessToken("", ""), request);
        Map<String, String> token = answerForm(api.send(request));
        pending.put(token.get("oauth_token"),
                new Pending(token.get("oauth_token_secret"), apiBase, launchUrls.getString("exchange_token")));
        return launchUrls.getString("authorize_token") + "?oauth_token="
                + ContainerApi.encode(token.get("oauth_token"));
    }

    private String familyName(String requestToken, String verifier) {
        Pending request = pending.remove(requestToken);
        if (request == null || verifier == null) {
            throw new IllegalStateException("callback without a pending request token or a verifier");
        }
        OAuthRequest exchange = new OAuthRequest(Verb.POST, request.exchangeUrl());
        exchange.addOAuthParameter("oauth_verifier", verifier);
        signer().signRequest(new OAuth1AccessToken(requestToken, request.secret()), exchange);
        Map<String, String> access = answerForm(api.send(exchange));
        OAuthRequest read = new OAuthRequest(Verb.GET,
                request.apiBase() + "/records/" + access.get("record_id") + "/demographics");
        signer().signRequest(new OAuth1AccessToken(access.get("oauth_token"), access.get("oauth_token_secret")), read);
        HttpResponse<String> demographics = api.send(read);
        ContainerApi.expect(demographics, 200);
        Matcher family = FAMILY_NAME.matcher(demographics.body());
        if (!family.find()) {
            throw new IllegalStateException("no family name in the demographics");
        }
        return family.group(1);
    }

    private static Map<String, String> answerForm(HttpResponse<String> answer) {
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(answer.request().uri() + " answered " + answer.statusCode() + ": "
                    + answer.body());
        }
        return ContainerApi.form(answer.body());
    }

    private OAuth10aService signer() {
        return new ServiceBuilder(appId).apiSecret(consumerSecret).build(new ContainerApi.Endpoints());
    }

    private static void page(HttpExchange exchange, int status, String body) throws IOException {
        TestAppsServer.send(exchange, status, "text/html", ("<!DOCTYPE html><html lang=\"en\"><head><title>REST app"
                + "</title></head><body>" + body + "</body></html>").getBytes(StandardCharsets.UTF_8));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
