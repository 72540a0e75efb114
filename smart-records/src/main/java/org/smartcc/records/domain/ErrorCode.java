package org.smartcc.records.domain;

import org.smartcc.store.domain.ErrorKind;

/** Stable error codes of the record API, each with the kind of refusal it is. */
public enum ErrorCode {
    RECORD_NOT_FOUND(ErrorKind.NOT_FOUND),
    NOT_FOUND(ErrorKind.NOT_FOUND),
    BAD_FILTER(ErrorKind.INVALID_INPUT),
    BAD_PAGING(ErrorKind.INVALID_INPUT),
    BAD_PARAMETER(ErrorKind.INVALID_INPUT),
    RDF_PARSE(ErrorKind.INVALID_INPUT),
    BAD_CONTENT(ErrorKind.INVALID_INPUT),
    CONFLICT(ErrorKind.CONFLICT),
    UNSUPPORTED_CALL(ErrorKind.NOT_IMPLEMENTED);

    private final ErrorKind kind;

    ErrorCode(ErrorKind kind) {
        this.kind = kind;
    }

    public ErrorKind kind() {
        return kind;
    }
}
