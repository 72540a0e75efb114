package org.smartcc.engine.aggregate;

import org.smartcc.store.domain.CodedException;
import org.smartcc.store.domain.ErrorKind;

/** An aggregate that cannot be computed as asked, with a stable code. */
public final class AggregateException extends CodedException {

    /** The codes, each with the kind of refusal it is. */
    public enum Code {
        /** The collection has no coded facts to aggregate (or is no per-record collection at all). */
        COLLECTION_NOT_FOUND(ErrorKind.NOT_FOUND),
        /** The collection has no concept with the code. */
        CODE_NOT_FOUND(ErrorKind.NOT_FOUND),
        BAD_TOP(ErrorKind.INVALID_INPUT), BAD_BINS(ErrorKind.INVALID_INPUT), BAD_CODE(ErrorKind.INVALID_INPUT);

        private final ErrorKind kind;

        Code(ErrorKind kind) {
            this.kind = kind;
        }
    }

    public AggregateException(Code code, String message) {
        super(code.kind, code.name(), message);
    }
}
