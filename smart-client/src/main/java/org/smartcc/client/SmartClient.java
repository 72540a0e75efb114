package org.smartcc.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * The front door: a SMART app's calls to one container, signed as the app (its consumer key is the app id). Build
 * one with {@link #builder(String)}; it is thread-safe and meant to be kept.
 *
 * <pre>{@code
 * SmartClient smart = SmartClient.builder("http://localhost:8080/api").consumer("my-app", "secret").build();
 * for (AccessToken token : smart.recordTokens()) {          // a background app's token loop
 *     Model meds = smart.record(token).getMedications();
 * }
 * }</pre>
 */
public final class SmartClient {

    private final String apiBase;
    private final String appId;
    private final SignedHttp http;
    private volatile LaunchUrls launchUrls;

    private SmartClient(Builder builder) {
        this.apiBase = builder.apiBase;
        this.appId = builder.consumerKey;
        this.http = new SignedHttp(builder.consumerKey, builder.consumerSecret, builder.httpClient, builder.timeout);
    }

    /** @param apiBase the container's API base, e.g. {@code http://localhost:8080/api} (no trailing slash needed) */
    public static Builder builder(String apiBase) {
        return new Builder(apiBase);
    }

    public String apiBase() {
        return apiBase;
    }

    /** Step 1 of the REST flow (smart-classic §4.2): a request token for a record, 2-legged, callback {@code oob}. */
    public RequestToken requestToken(String recordId) {
        Map<String, String> token = SignedHttp.form(http.send("POST", launchUrls().requestToken(), null,
                Map.of("oauth_callback", "oob"), Map.of("smart_record_id", recordId), Map.of(), null, null));
        return new RequestToken(token.get("oauth_token"), token.get("oauth_token_secret"), recordId);
    }

    /** Step 2: where the user approves the request token in the browser; the container then calls back the app. */
    public URI authorizeUrl(RequestToken requestToken) {
        String authorize = launchUrls().authorizeToken();
        return URI.create(authorize + (authorize.contains("?") ? "&" : "?") + "oauth_token="
                + SignedHttp.encode(requestToken.token()));
    }

    /** Step 3: the approved request token and the verifier of the callback, exchanged for an access token. */
    public AccessToken accessToken(RequestToken requestToken, String verifier) {
        Map<String, String> token = SignedHttp.form(http.send("POST", launchUrls().exchangeToken(),
                new AccessToken(requestToken.token(), requestToken.secret(), requestToken.recordId()),
                Map.of("oauth_verifier", verifier), Map.of(), Map.of(), null, null));
        String recordId = token.getOrDefault("record_id", "");
        return new AccessToken(token.get("oauth_token"), token.get("oauth_token_secret"),
                recordId.isEmpty() ? requestToken.recordId() : recordId);
    }

    /** The record calls of the record an access token is bound to. */
    public RecordClient record(AccessToken token) {
        return new RecordClient(apiBase, http, Objects.requireNonNull(token, "token"));
    }

    /**
     * The background token loop (smart-classic §4.6) as an iterator: one token per record, in record id order, 2-legged
     * as a background or helper app. An app granted patient sets walks only their records. Lazy: each
     * {@code hasNext} after a token was taken asks the container for the next one.
     */
    public Iterable<AccessToken> recordTokens() {
        return () -> new Iterator<>() {
            private AccessToken last;
            private AccessToken next;
            private boolean done;

            @Override
            public boolean hasNext() {
                if (next == null && !done) {
                    next = fetch(last == null ? "first" : SignedHttp.encode(last.recordId()) + "/next");
                    done = next == null;
                }
                return next != null;
            }

            @Override
            public AccessToken next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("no more records");
                }
                last = next;
                next = null;
                return last;
            }
        };
    }

    /** A background app's token for one record ({@code GET .../tokens/records/{record_id}}). */
    public AccessToken recordToken(String recordId) {
        return token(http.send("GET", tokensUrl() + SignedHttp.encode(recordId), null, Map.of(), Map.of(), Map.of(),
                null, null));
    }

    /** A patient set's population data, for an app the set's owner granted it. */
    public PopulationClient population(long patientSetId) {
        return new PopulationClient(apiBase, http, patientSetId);
    }

    /**
     * Any call, signed as the app, answered whatever its status: see {@link SmartRequest}.
     *
     * @param url an absolute URL, or a path under the API base ({@code /records/2169591/medications/})
     */
    public SmartRequest request(String method, String url) {
        boolean absolute = url.startsWith("http://") || url.startsWith("https://");
        return new SmartRequest(http, method, absolute ? url : apiBase + (url.startsWith("/") ? "" : "/") + url);
    }

    private AccessToken fetch(String step) {
        try {
            return token(http.send("POST", tokensUrl() + step, null, Map.of(), Map.of(), Map.of(), null, null));
        } catch (SmartClientException e) {
            if (e.status() == 404 && e.code().equals("NO_MORE_RECORDS")) {
                return null;
            }
            throw e;
        }
    }

    private static AccessToken token(java.net.http.HttpResponse<java.io.InputStream> answer) {
        Map<String, String> token = SignedHttp.form(answer);
        return new AccessToken(token.get("oauth_token"), token.get("oauth_token_secret"),
                token.getOrDefault("smart_record_id", ""));
    }

    private String tokensUrl() {
        return apiBase + "/apps/" + SignedHttp.encode(appId) + "/tokens/records/";
    }

    private LaunchUrls launchUrls() {
        LaunchUrls urls = launchUrls;
        if (urls == null) {
            JsonNode manifest = SignedHttp.json(http.send("GET", apiBase + "/manifest", null, Map.of(), Map.of(),
                    Map.of("Accept", "application/json"), null, null));
            urls = LaunchUrls.of(manifest);
            launchUrls = urls;
        }
        return urls;
    }

    /** The {@code launch_urls} of the container's manifest (smart-classic §5.2). */
    private record LaunchUrls(String requestToken, String authorizeToken, String exchangeToken) {

        static LaunchUrls of(JsonNode manifest) {
            JsonNode urls = manifest.path("launch_urls");
            return new LaunchUrls(url(urls, "request_token"), url(urls, "authorize_token"),
                    url(urls, "exchange_token"));
        }

        private static String url(JsonNode urls, String name) {
            String value = urls.path(name).asText("");
            if (value.isBlank()) {
                throw new SmartClientException("ANSWER_INVALID", 200, "the container's manifest has no launch_urls."
                        + name);
            }
            return value;
        }
    }

    public static final class Builder {

        private final String apiBase;
        private String consumerKey;
        private String consumerSecret;
        private Duration timeout = Duration.ofMinutes(2);
        private HttpClient httpClient;

        private Builder(String apiBase) {
            String base = Objects.requireNonNull(apiBase, "apiBase").trim();
            this.apiBase = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        }

        /** The app's OAuth consumer key (its app id) and secret. */
        public Builder consumer(String key, String secret) {
            this.consumerKey = Objects.requireNonNull(key, "key");
            this.consumerSecret = Objects.requireNonNull(secret, "secret");
            return this;
        }

        /** How long one request may take, the whole body included (default two minutes). */
        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** The JDK HTTP client to send with (default: a new one that does not follow redirects). */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
            return this;
        }

        public SmartClient build() {
            if (consumerKey == null) {
                throw new IllegalStateException("consumer(key, secret) is required");
            }
            if (httpClient == null) {
                httpClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                        .followRedirects(HttpClient.Redirect.NEVER).build();
            }
            return new SmartClient(this);
        }
    }
}
