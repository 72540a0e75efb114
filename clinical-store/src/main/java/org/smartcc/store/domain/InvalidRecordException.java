package org.smartcc.store.domain;

/** A source record that cannot be stored; {@link #code()} is stable, the message says what is wrong. */
public class InvalidRecordException extends CodedException {

    public InvalidRecordException(String code, String message) {
        super(ErrorKind.INVALID_INPUT, code, message);
    }

    public InvalidRecordException(String code, String message, Throwable cause) {
        super(ErrorKind.INVALID_INPUT, code, message, cause);
    }
}
