package org.smartcc.client;

import java.nio.charset.StandardCharsets;

/** A call's answer that is not RDF: a raw document, a photograph, app data, a JSON manifest. */
public record SmartResponse(int status, String contentType, byte[] body) {

    public SmartResponse {
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The body as UTF-8 text. */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
