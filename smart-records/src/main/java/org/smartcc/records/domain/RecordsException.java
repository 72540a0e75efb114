package org.smartcc.records.domain;

/** A request the record API refuses; {@link #code()} is stable, the message names the parameter or item at fault. */
public final class RecordsException extends RuntimeException {

    private final ErrorCode code;

    public RecordsException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public RecordsException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    public int httpStatus() {
        return code.httpStatus();
    }
}
