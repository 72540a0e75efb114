package org.smartcc.client;

/**
 * The container refused a call, or its answer could not be used. {@link #code()} is the container's stable error
 * code where it sent one (e.g. {@code FORBIDDEN_NOT_GRANTED}), else one of this client's own ({@code HTTP_ERROR},
 * {@code NOT_REACHABLE}, {@code ANSWER_INVALID}).
 */
public class SmartClientException extends RuntimeException {

    private final String code;
    private final int status;

    public SmartClientException(String code, int status, String message) {
        super(message);
        this.code = code;
        this.status = status;
    }

    public SmartClientException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.status = 0;
    }

    /** The stable error code. */
    public String code() {
        return code;
    }

    /** The HTTP status of the answer, 0 when there was none. */
    public int status() {
        return status;
    }
}
