package org.smartcc.engine.synthetic;

/** Synthetic data could not be generated or stored; the message says which step failed and what was left behind. */
public class SyntheticDataException extends RuntimeException {

    public SyntheticDataException(String message, Throwable cause) {
        super(message, cause);
    }

    public SyntheticDataException(String message) {
        super(message);
    }
}
