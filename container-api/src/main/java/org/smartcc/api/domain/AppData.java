package org.smartcc.api.domain;

import java.util.Objects;

/**
 * An app's opaque data (preferences or scratchpad): the bytes and the content type it was stored with.
 */
public record AppData(String contentType, byte[] data) {

    /** What the reference container assumes when a PUT names no type. */
    public static final String DEFAULT_CONTENT_TYPE = "text/plain";

    public AppData {
        Objects.requireNonNull(contentType, "contentType");
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }
}
