package org.smartcc.records.domain;

/** A page of a collection: {@code [offset, offset + limit)} of the sorted matches. */
public record Paging(int limit, int offset) {
}
