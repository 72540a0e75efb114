package org.smartcc.api.domain;

/**
 * Where a paged population read stopped: the set, the collection and the filters it reads, the last record served,
 * and the fingerprint of the set's members and their records' versions when it was handed out.
 *
 * @param filters a digest of the filters, so that a cursor cannot carry one read's place into another
 */
public record PopulationCursor(long setId, String collection, String filters, String lastRecordId,
                               String fingerprint) {
}
