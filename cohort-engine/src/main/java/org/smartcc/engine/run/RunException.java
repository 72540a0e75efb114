package org.smartcc.engine.run;

/** A run request that cannot be served, with a stable code: the API maps each code to its HTTP status. */
public final class RunException extends RuntimeException {

    /** The codes, each with the HTTP status it maps to. */
    public enum Code {
        RUN_NOT_FOUND(404), SET_NOT_FOUND(404), NO_SNAPSHOT(503), NOT_YOURS(403),
        /** A run's plan carries exact row counts and the query's literal values. */
        PLAN_NEEDS_EXACT_COUNTS(403);

        private final int httpStatus;

        Code(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        public int httpStatus() {
            return httpStatus;
        }
    }

    private final Code code;

    public RunException(Code code, String message) {
        super(message);
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
