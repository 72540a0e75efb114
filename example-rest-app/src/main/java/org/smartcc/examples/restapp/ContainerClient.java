package org.smartcc.examples.restapp;

import com.github.scribejava.core.builder.ServiceBuilder;
import com.github.scribejava.core.builder.api.DefaultApi10a;
import com.github.scribejava.core.model.OAuth1AccessToken;
import com.github.scribejava.core.model.OAuthRequest;
import com.github.scribejava.core.model.Verb;
import com.github.scribejava.core.oauth.OAuth10aService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The app's calls to the container, server to server, signed with the app's own consumer key and secret (HMAC-SHA1,
 * OAuth parameters in the Authorization header, smart-classic §4.1): the manifest, the request token, its exchange
 * for an access token, and record reads.
 */
@ApplicationScoped
public class ContainerClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** {@code GET <api_base>/manifest}: the container's launch URLs. */
    public LaunchUrls launchUrls(String apiBase) {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(apiBase + "/manifest"))
                .timeout(TIMEOUT).header("Accept", "application/json").GET().build(), "reading the manifest");
        expectOk(answer, "MANIFEST_UNREADABLE", "reading the container's manifest");
        return LaunchUrls.fromManifest(answer.body());
    }

    /** A 2-legged {@code POST request_token} for the record, with {@code oauth_callback=oob} (step 3). */
    public PendingAuthorization requestToken(String apiBase, LaunchUrls urls, String recordId, String secret) {
        OAuthRequest request = new OAuthRequest(Verb.POST, urls.requestToken());
        request.addOAuthParameter("oauth_callback", "oob");
        request.addBodyParameter("smart_record_id", recordId);
        signer(urls, secret).signRequest(new OAuth1AccessToken("", ""), request);
        Map<String, String> token = tokenAnswer(send(request, "asking for a request token"), "REQUEST_TOKEN_FAILED",
                "asking for a request token");
        return new PendingAuthorization(token.get("oauth_token"), token.get("oauth_token_secret"), apiBase,
                urls, recordId);
    }

    /** {@code POST exchange_token} signed with the approved request token and its verifier (step 5). */
    public AccessGrant accessToken(PendingAuthorization pending, String verifier, String secret) {
        OAuthRequest request = new OAuthRequest(Verb.POST, pending.launchUrls().exchangeToken());
        request.addOAuthParameter("oauth_verifier", verifier);
        signer(pending.launchUrls(), secret)
                .signRequest(new OAuth1AccessToken(pending.requestToken(), pending.tokenSecret()), request);
        Map<String, String> token = tokenAnswer(send(request, "exchanging the request token"), "EXCHANGE_FAILED",
                "exchanging the approved request token for an access token");
        return new AccessGrant(token.get("oauth_token"), token.get("oauth_token_secret"),
                token.getOrDefault("record_id", pending.recordId()));
    }

    /** A 3-legged GET of one of the record's resources, as RDF/XML (step 6). */
    public String readRecord(PendingAuthorization launch, AccessGrant grant, String path, String what,
                             String secret) {
        OAuthRequest request = new OAuthRequest(Verb.GET, launch.apiBase() + "/records/"
                + HtmlPage.encode(grant.recordId()) + path);
        request.addHeader("Accept", "application/rdf+xml");
        signer(launch.launchUrls(), secret).signRequest(new OAuth1AccessToken(grant.token(), grant.secret()), request);
        HttpResponse<String> answer = send(request, "reading " + what);
        expectOk(answer, "API_ERROR", "reading " + what);
        return answer.body();
    }

    private HttpResponse<String> send(OAuthRequest signed, String doing) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(signed.getCompleteUrl())).timeout(TIMEOUT);
        signed.getHeaders().forEach(request::header);
        if (signed.getVerb() == Verb.GET) {
            request.GET();
        } else {
            request.header("Content-Type", "application/x-www-form-urlencoded").method(signed.getVerb().name(),
                    HttpRequest.BodyPublishers.ofString(signed.getBodyParams().asFormUrlEncodedString()));
        }
        return send(request.build(), doing);
    }

    private HttpResponse<String> send(HttpRequest request, String doing) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AppFailure(502, "CONTAINER_UNREACHABLE", "The container could not be reached while " + doing
                    + " (" + e.getClass().getSimpleName() + ").");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AppFailure(503, "INTERRUPTED", "The app was stopped while " + doing + ".");
        }
    }

    private static Map<String, String> tokenAnswer(HttpResponse<String> answer, String code, String doing) {
        expectOk(answer, code, doing);
        Map<String, String> form = new HashMap<>();
        for (String pair : answer.body().trim().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        if (form.get("oauth_token") == null || form.get("oauth_token_secret") == null) {
            throw new AppFailure(502, code, "The container's answer to " + doing + " has no token.");
        }
        return form;
    }

    /**
     * A status other than 200 becomes a failure with the container's status, and the code and message of its
     * {@code {"code", "message"}} error when it sent one (those never carry a token or secret).
     */
    private static void expectOk(HttpResponse<String> answer, String code, String doing) {
        if (answer.statusCode() == 200) {
            return;
        }
        String detail = "";
        try (JsonReader reader = Json.createReader(new StringReader(answer.body()))) {
            JsonObject error = reader.readObject();
            detail = ": " + error.getString("code", "") + " " + error.getString("message", "");
        } catch (RuntimeException notJson) {
            // a status alone says enough
        }
        int status = answer.statusCode() == 401 || answer.statusCode() == 403 ? 403 : 502;
        throw new AppFailure(status, code, "The container answered " + answer.statusCode() + " when " + doing
                + detail.stripTrailing() + ".");
    }

    private static OAuth10aService signer(LaunchUrls urls, String secret) {
        return new ServiceBuilder(RestAppSettings.CONSUMER_KEY).apiSecret(secret).build(new ContainerEndpoints(urls));
    }

    /** ScribeJava's view of the container's launch URLs; it only signs here, the app sends its requests itself. */
    private static final class ContainerEndpoints extends DefaultApi10a {

        private final LaunchUrls urls;

        ContainerEndpoints(LaunchUrls urls) {
            this.urls = urls;
        }

        @Override
        public String getRequestTokenEndpoint() {
            return urls.requestToken();
        }

        @Override
        public String getAccessTokenEndpoint() {
            return urls.exchangeToken();
        }

        @Override
        protected String getAuthorizationBaseUrl() {
            return urls.authorizeToken();
        }
    }
}
