package org.smartcc.records.domain;

/** Stable error codes of the record API, each with the HTTP status the web layer answers with. */
public enum ErrorCode {
    RECORD_NOT_FOUND(404),
    NOT_FOUND(404),
    BAD_FILTER(400),
    BAD_PAGING(400),
    BAD_PARAMETER(400),
    RDF_PARSE(400),
    BAD_CONTENT(400),
    CONFLICT(409),
    UNSUPPORTED_CALL(501);

    private final int httpStatus;

    ErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
