package org.smartcc.client;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Any call to the container, signed as the app: for what the typed methods do not cover (a call of an extension, a
 * header of one's own, a form parameter) and for checking refusals, since {@link #send()} answers every status.
 * From {@link SmartClient#request(String, String)}; one request object sends once per {@link #send()}, each time
 * signed anew.
 *
 * <pre>{@code
 * SmartResponse answer = smart.request("GET", "/records/2169591/medications/").token(token)
 *         .header("Accept", "application/rdf+xml").send();
 * }</pre>
 */
public final class SmartRequest {

    private final SignedHttp http;
    private final String method;
    private final String url;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Map<String, String> form = new LinkedHashMap<>();
    private final Map<String, String> oauth = new LinkedHashMap<>();
    private AccessToken token;
    private String contentType;
    private byte[] body;

    SmartRequest(SignedHttp http, String method, String url) {
        this.http = http;
        this.method = Objects.requireNonNull(method, "method");
        this.url = Objects.requireNonNull(url, "url");
    }

    /** Signs with this token as well as the consumer (3-legged); without one the request is 2-legged. */
    public SmartRequest token(AccessToken token) {
        this.token = Objects.requireNonNull(token, "token");
        return this;
    }

    /** A header; {@code Content-Type} comes with {@link #body} or {@link #form}. */
    public SmartRequest header(String name, String value) {
        if (name.equalsIgnoreCase("Content-Type") || name.equalsIgnoreCase("Authorization")) {
            throw new IllegalArgumentException(name + " is set by the client: use body(...) or form(...)");
        }
        headers.put(name, Objects.requireNonNull(value, "value"));
        return this;
    }

    /** A form parameter: sent form-encoded in the body and signed (RFC 5849 §3.4.1.3). */
    public SmartRequest form(String name, String value) {
        requireNoBody();
        form.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /** An OAuth protocol parameter beyond the usual ones, e.g. {@code oauth_callback} or {@code oauth_verifier}. */
    public SmartRequest oauthParameter(String name, String value) {
        if (!name.startsWith("oauth_")) {
            throw new IllegalArgumentException("an OAuth parameter's name starts with oauth_: " + name);
        }
        oauth.put(name, Objects.requireNonNull(value, "value"));
        return this;
    }

    /** A body that is not a form, so not signed (RFC 5849 signs form bodies only). */
    public SmartRequest body(String contentType, byte[] body) {
        if (!form.isEmpty()) {
            throw new IllegalStateException("a request has form parameters or a body, not both");
        }
        this.contentType = Objects.requireNonNull(contentType, "contentType");
        this.body = body.clone();
        return this;
    }

    /** A text body, sent as UTF-8. */
    public SmartRequest body(String contentType, String body) {
        return body(contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Signs and sends the request, and reads the whole answer.
     *
     * @return the answer, whatever its status
     * @throws SmartClientException {@code NOT_REACHABLE} when no answer came
     */
    public SmartResponse send() {
        return SmartResponse.of(http.exchange(method, url, token, oauth, form, headers, contentType, body));
    }

    private void requireNoBody() {
        if (body != null) {
            throw new IllegalStateException("a request has form parameters or a body, not both");
        }
    }
}
