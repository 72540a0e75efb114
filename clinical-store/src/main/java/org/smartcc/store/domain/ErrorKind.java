package org.smartcc.store.domain;

/**
 * What kind of refusal a {@link CodedException} is. The libraries say what went wrong in these terms; only the web
 * layer turns a kind into an HTTP status (400, 401, 403, 404, 406, 409, 410, 413, 429, 501, 503 in that order
 * below). A fault of the server itself (a snapshot that cannot be written, a bad setting, a bug) is no kind: it is
 * not a coded exception and the API answers it 500 with an incident id that the log repeats.
 */
public enum ErrorKind {
    /** What the caller sent cannot be used: a bad parameter, filter, document or query definition. */
    INVALID_INPUT,
    /** The caller did not prove who they are: no, wrong or expired credentials. */
    UNAUTHENTICATED,
    /** The caller is known but may not do this (or the service is switched off for everyone). */
    FORBIDDEN,
    /** No such thing, or none the caller may know of. */
    NOT_FOUND,
    /** None of the representations the caller accepts can be served, e.g. a format a population read does not offer. */
    NOT_ACCEPTABLE,
    /** The request contradicts what is stored, e.g. a note posted to another record than it names. */
    CONFLICT,
    /** What the caller refers to existed but no longer holds, e.g. a paging cursor over a set that has changed since. */
    GONE,
    /** The request's body is larger than allowed. */
    TOO_LARGE,
    /** The caller has asked too often, e.g. the same cohort query beyond the privacy lockout. */
    TOO_MANY_REQUESTS,
    /** A call the API knows of but does not serve. */
    NOT_IMPLEMENTED,
    /** Not possible yet or any more, e.g. no snapshot before the first one is written. */
    UNAVAILABLE
}
