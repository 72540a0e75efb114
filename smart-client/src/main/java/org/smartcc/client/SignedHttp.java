package org.smartcc.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.scribejava.core.builder.ServiceBuilder;
import com.github.scribejava.core.builder.api.DefaultApi10a;
import com.github.scribejava.core.model.OAuth1AccessToken;
import com.github.scribejava.core.model.OAuthRequest;
import com.github.scribejava.core.model.Verb;
import com.github.scribejava.core.oauth.OAuth10aService;
import com.github.scribejava.core.services.TimestampService;
import com.github.scribejava.core.services.TimestampServiceImpl;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Requests signed with the app's consumer key and secret (HMAC-SHA1, OAuth parameters in the Authorization header,
 * smart-classic §4.1) by ScribeJava, sent with the JDK's HTTP client. Form parameters are signed (RFC 5849
 * §3.4.1.3); any other body is not.
 */
final class SignedHttp {

    static final ObjectMapper JSON = new ObjectMapper();

    private final OAuth10aService signer;
    private final HttpClient http;
    private final Duration timeout;

    SignedHttp(String consumerKey, String consumerSecret, HttpClient http, Duration timeout) {
        this.signer = new ServiceBuilder(consumerKey).apiSecret(consumerSecret).build(new UnusedEndpoints());
        this.http = http;
        this.timeout = timeout;
    }

    /**
     * Sends a signed request and answers its body as a stream; any status but 2xx becomes a
     * {@link SmartClientException} with the container's code.
     *
     * @param token      the token that signs with the consumer, or null for a 2-legged request
     * @param oauthExtra OAuth parameters beyond the usual ones ({@code oauth_callback}, {@code oauth_verifier})
     */
    HttpResponse<InputStream> send(String method, String url, AccessToken token, Map<String, String> oauthExtra,
                                   Map<String, String> form, Map<String, String> headers, String contentType,
                                   byte[] body) {
        HttpResponse<InputStream> answer = exchange(method, url, token, oauthExtra, form, headers, contentType, body);
        if (answer.statusCode() / 100 != 2) {
            throw refusal(method, url, answer);
        }
        return answer;
    }

    /** Sends a signed request and answers whatever came back, refusals included; see {@link #send}. */
    HttpResponse<InputStream> exchange(String method, String url, AccessToken token, Map<String, String> oauthExtra,
                                       Map<String, String> form, Map<String, String> headers, String contentType,
                                       byte[] body) {
        OAuthRequest request = new OAuthRequest(Verb.valueOf(method), url);
        oauthExtra.forEach(request::addOAuthParameter);
        form.forEach(request::addBodyParameter);
        signer.signRequest(token == null ? new OAuth1AccessToken("", "") : new OAuth1AccessToken(token.token(),
                token.secret()), request);
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(request.getCompleteUrl())).timeout(timeout);
        request.getHeaders().forEach(builder::header);
        headers.forEach(builder::header);
        if (!form.isEmpty()) {
            builder.header("Content-Type", "application/x-www-form-urlencoded").method(method,
                    HttpRequest.BodyPublishers.ofString(request.getBodyParams().asFormUrlEncodedString()));
        } else if (body != null) {
            builder.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        } else {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new SmartClientException("NOT_REACHABLE", method + " " + path(url) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmartClientException("NOT_REACHABLE", method + " " + path(url) + " was interrupted", e);
        }
    }

    HttpResponse<InputStream> get(String url, AccessToken token, String accept) {
        return send("GET", url, token, Map.of(), Map.of(), Map.of("Accept", accept), null, null);
    }

    static byte[] readAll(HttpResponse<InputStream> answer) {
        try (InputStream in = answer.body()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new SmartClientException("NOT_REACHABLE", "the answer broke off: " + e.getMessage(), e);
        }
    }

    static JsonNode json(HttpResponse<InputStream> answer) {
        try (InputStream in = answer.body()) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new SmartClientException("ANSWER_INVALID", "the answer is not JSON: " + e.getMessage(), e);
        }
    }

    /** A form-encoded token answer ({@code oauth_token=...&oauth_token_secret=...}). */
    static Map<String, String> form(HttpResponse<InputStream> answer) {
        Map<String, String> values = parseForm(new String(readAll(answer), StandardCharsets.UTF_8));
        if (!values.containsKey("oauth_token") || !values.containsKey("oauth_token_secret")) {
            throw new SmartClientException("ANSWER_INVALID", answer.statusCode(),
                    "the token answer has no oauth_token and oauth_token_secret");
        }
        return values;
    }

    /** A form-encoded text as names and values. */
    static Map<String, String> parseForm(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : text.trim().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
            }
        }
        return values;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String query(Map<String, String> parameters) {
        StringBuilder query = new StringBuilder();
        parameters.forEach((name, value) -> query.append(query.length() == 0 ? "?" : "&").append(encode(name))
                .append('=').append(encode(value)));
        return query.toString();
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private static SmartClientException refusal(String method, String url, HttpResponse<InputStream> answer) {
        byte[] body = readAll(answer);
        try {
            JsonNode error = JSON.readTree(body);
            if (error != null && error.hasNonNull("code") && error.hasNonNull("message")) {
                return new SmartClientException(error.get("code").asText(), answer.statusCode(),
                        error.get("message").asText());
            }
        } catch (IOException notJson) {
            // an answer that is not the container's error JSON: reported by status below
        }
        return new SmartClientException("HTTP_ERROR", answer.statusCode(), method + " " + path(url) + " answered "
                + answer.statusCode());
    }

    /** The path only: query strings may hold filter values, which need not end up in an exception message. */
    private static String path(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    /**
     * ScribeJava wants endpoints; the client reads the real ones from the container's manifest. ScribeJava's own nonce
     * is the time plus a random int, which a fast token loop repeats now and then within a second (and the provider
     * rightly refuses a repeated nonce), so each nonce here is a random UUID.
     */
    private static final class UnusedEndpoints extends DefaultApi10a {

        @Override
        public TimestampService getTimestampService() {
            return new TimestampServiceImpl() {
                @Override
                public String getNonce() {
                    return UUID.randomUUID().toString();
                }
            };
        }

        @Override
        public String getRequestTokenEndpoint() {
            return "http://unused/oauth/request_token";
        }

        @Override
        public String getAccessTokenEndpoint() {
            return "http://unused/oauth/access_token";
        }

        @Override
        protected String getAuthorizationBaseUrl() {
            return "http://unused/oauth/authorize";
        }
    }
}
