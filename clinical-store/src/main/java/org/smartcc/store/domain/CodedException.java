package org.smartcc.store.domain;

import java.util.Objects;

/**
 * The one exception model of the project: a refusal with a {@link ErrorKind kind}, a stable {@link #code() code} for
 * programs and a message for people that names what was wrong (never a secret). Every library's refusals extend it,
 * and the web layer maps it in one place (as HAPI FHIR's {@code BaseServerResponseException} and Pathling's single
 * error handler do). One-off refusals that need no type of their own throw it directly.
 */
public class CodedException extends RuntimeException {

    private final ErrorKind kind;
    private final String code;

    public CodedException(ErrorKind kind, String code, String message) {
        this(kind, code, message, null);
    }

    public CodedException(ErrorKind kind, String code, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.code = Objects.requireNonNull(code, "code");
    }

    public ErrorKind kind() {
        return kind;
    }

    /** The stable code, e.g. {@code BAD_FILTER} or {@code OAUTH_BAD_SIGNATURE}. */
    public String code() {
        return code;
    }
}
