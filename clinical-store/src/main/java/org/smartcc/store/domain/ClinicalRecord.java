package org.smartcc.store.domain;

import java.util.List;
import java.util.Map;

/**
 * One patient's record, mapped to star-schema rows and ready to be stored in one transaction.
 *
 * @param recordId         the SMART record id (stable: file {@code p1234.xml} is record {@code 1234})
 * @param sourceName       where it came from (a file name), for messages and bookkeeping
 * @param sourceSha256     hash of the source content; loading the same content again is a no-op
 * @param statementCounts  statements per SMART type, e.g. {@code Medication -> 7}
 */
public record ClinicalRecord(
        String recordId,
        String sourceName,
        String sourceSha256,
        Demographics demographics,
        List<Visit> visits,
        List<Fact> facts,
        List<Concept> concepts,
        Map<String, Integer> statementCounts) {

    public int statementCount() {
        return statementCounts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
