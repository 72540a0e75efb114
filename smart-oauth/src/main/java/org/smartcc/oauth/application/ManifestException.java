package org.smartcc.oauth.application;

import org.smartcc.store.domain.CodedException;
import org.smartcc.store.domain.ErrorKind;

/**
 * An app manifest that cannot be installed ({@code MANIFEST_INVALID}); the message names the manifest (file) and the
 * field.
 */
public final class ManifestException extends CodedException {

    private final String source;
    private final String field;

    public ManifestException(String source, String field, String problem) {
        super(ErrorKind.INVALID_INPUT, "MANIFEST_INVALID",
                source + ": " + (field == null ? "" : "field '" + field + "': ") + problem);
        this.source = source;
        this.field = field;
    }

    /** The manifest's file name or URL. */
    public String source() {
        return source;
    }

    /** The offending field, or null if the manifest as a whole is wrong (not JSON, not an object). */
    public String field() {
        return field;
    }
}
