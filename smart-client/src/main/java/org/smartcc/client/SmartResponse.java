package org.smartcc.client;

import java.io.InputStream;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * An answer as it came, whatever its status: a raw document, a photograph, app data, a JSON manifest, or the answer
 * to a {@link SmartRequest}, refusals included (a 4xx is an answer here, not an exception).
 */
public final class SmartResponse {

    private final int status;
    private final HttpHeaders headers;
    private final byte[] body;
    private final HttpRequest request;

    private SmartResponse(int status, HttpHeaders headers, byte[] body, HttpRequest request) {
        this.status = status;
        this.headers = headers;
        this.body = body;
        this.request = request;
    }

    /** Reads the whole body of an answer. */
    static SmartResponse of(HttpResponse<InputStream> answer) {
        return new SmartResponse(answer.statusCode(), answer.headers(), SignedHttp.readAll(answer), answer.request());
    }

    public int status() {
        return status;
    }

    /** The {@code Content-Type} header, empty when there is none. */
    public String contentType() {
        return header("Content-Type").orElse("");
    }

    /** The first value of a header (names are case-insensitive). */
    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    public HttpHeaders headers() {
        return headers;
    }

    public byte[] body() {
        return body.clone();
    }

    /** The body as UTF-8 text. */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * A form-encoded body ({@code oauth_token=...&oauth_token_secret=...}, the OAuth token answers) as names and
     * values, in their order.
     */
    public Map<String, String> form() {
        return SignedHttp.parseForm(text());
    }

    /**
     * The request as it was sent, its signature included. Sending it again sends the same nonce, which a provider
     * refuses (RFC 5849 §3.3): what a test of that refusal needs.
     */
    public HttpRequest request() {
        return request;
    }

    @Override
    public String toString() {
        return "SmartResponse[" + status + " " + contentType() + ", " + body.length + " bytes]";
    }
}
