package org.smartcc.store.domain;

/** A source record that cannot be stored; {@link #code()} is stable, the message says what is wrong. */
public class InvalidRecordException extends RuntimeException {

    private final String code;

    public InvalidRecordException(String code, String message) {
        super(message);
        this.code = code;
    }

    public InvalidRecordException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
