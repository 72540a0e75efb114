package org.smartcc.engine;

/** A snapshot could not be written or registered; the previous snapshot stays in use. */
public class SnapshotException extends RuntimeException {

    public static final String CODE = "SNAPSHOT_FAILED";

    public SnapshotException(String message, Throwable cause) {
        super(message, cause);
    }
}
