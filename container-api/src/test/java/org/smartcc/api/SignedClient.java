package org.smartcc.api;

import com.github.scribejava.core.builder.ServiceBuilder;
import com.github.scribejava.core.builder.api.DefaultApi10a;
import com.github.scribejava.core.model.OAuth1AccessToken;
import com.github.scribejava.core.model.OAuthRequest;
import com.github.scribejava.core.model.Verb;
import com.github.scribejava.core.oauth.OAuth10aService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An app as the container sees it: requests signed by ScribeJava (an independent OAuth 1.0a implementation), sent
 * with the JDK's HTTP client.
 */
final class SignedClient {

    static final String DEV_SECRET = "smartapp-secret";

    private final OAuth10aService service;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    SignedClient(String appId) {
        this(appId, DEV_SECRET);
    }

    /** A consumer with a secret of its own, such as the launcher's. */
    SignedClient(String consumerKey, String consumerSecret) {
        this.service = new ServiceBuilder(consumerKey).apiSecret(consumerSecret).build(new Endpoints());
    }

    /** A signed request; 2-legged when token is null. Form parameters go into the body and the signature. */
    OAuthRequest sign(Verb verb, String url, String token, String tokenSecret, Map<String, String> form) {
        OAuthRequest request = new OAuthRequest(verb, url);
        form.forEach(request::addBodyParameter);
        service.signRequest(token == null ? new OAuth1AccessToken("", "") : new OAuth1AccessToken(token, tokenSecret),
                request);
        return request;
    }

    HttpResponse<String> send(OAuthRequest signed) throws Exception {
        HttpRequest.Builder http = HttpRequest.newBuilder(URI.create(signed.getCompleteUrl()))
                .timeout(Duration.ofSeconds(60));
        signed.getHeaders().forEach(http::header);
        if (signed.getVerb() == Verb.GET) {
            http.GET();
        } else {
            http.header("Content-Type", "application/x-www-form-urlencoded")
                    .method(signed.getVerb().name(), HttpRequest.BodyPublishers.ofString(
                            signed.getBodyParams().asFormUrlEncodedString()));
        }
        return this.http.send(http.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A signed request with extra headers and, unless null, a body that is not form-encoded (so, per RFC 5849, not
     * part of the signature).
     */
    HttpResponse<byte[]> send(Verb verb, String url, String token, String tokenSecret, Map<String, String> headers,
                              String contentType, byte[] body) throws Exception {
        OAuthRequest signed = sign(verb, url, token, tokenSecret, Map.of());
        HttpRequest.Builder http = HttpRequest.newBuilder(URI.create(signed.getCompleteUrl()))
                .timeout(Duration.ofSeconds(60));
        signed.getHeaders().forEach(http::header);
        headers.forEach(http::header);
        if (body == null) {
            http.method(verb.name(), HttpRequest.BodyPublishers.noBody());
        } else {
            http.header("Content-Type", contentType).method(verb.name(), HttpRequest.BodyPublishers.ofByteArray(body));
        }
        return this.http.send(http.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> send(Verb verb, String url, String token, String tokenSecret) throws Exception {
        return send(sign(verb, url, token, tokenSecret, Map.of()));
    }

    static Map<String, String> form(String body) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            values.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
        }
        return values;
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** ScribeJava wants endpoints; the tests call them through {@link #send} instead. */
    private static final class Endpoints extends DefaultApi10a {
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
