package org.smartcc.examples.restapp;

/**
 * Why the app could not do what the user launched it for: a stable code, the HTTP status of the page that says so,
 * and a message for the user. Messages never carry a token, a secret or patient data, so they may be logged.
 */
public final class AppFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    public AppFailure(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
