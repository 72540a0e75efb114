package org.smartcc.oauth.application;

/** An app manifest that cannot be installed; the message names the manifest (file) and the field. */
public final class ManifestException extends RuntimeException {

    private final String source;
    private final String field;

    public ManifestException(String source, String field, String problem) {
        super(source + ": " + (field == null ? "" : "field '" + field + "': ") + problem);
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
