package org.smartcc.engine.run;

import org.smartcc.store.domain.CodedException;
import org.smartcc.store.domain.ErrorKind;

/** A request about runs or saved queries that cannot be served, with a stable code. */
public final class RunException extends CodedException {

    /** The codes, each with the kind of refusal it is. */
    public enum Code {
        RUN_NOT_FOUND(ErrorKind.NOT_FOUND), SET_NOT_FOUND(ErrorKind.NOT_FOUND), NO_SNAPSHOT(ErrorKind.UNAVAILABLE),
        NOT_YOURS(ErrorKind.FORBIDDEN),
        /** No saved query (query master) of the user has the id, or it was deleted. */
        QUERY_NOT_FOUND(ErrorKind.NOT_FOUND), QUERY_NAME_INVALID(ErrorKind.INVALID_INPUT),
        /** A run's plan carries exact row counts and the query's literal values. */
        PLAN_NEEDS_EXACT_COUNTS(ErrorKind.FORBIDDEN);

        private final ErrorKind kind;

        Code(ErrorKind kind) {
            this.kind = kind;
        }
    }

    public RunException(Code code, String message) {
        super(code.kind, code.name(), message);
    }
}
