package org.smartcc.store.domain;

import java.util.Map;

/** Counts that describe the store's content: records, facts, visits, concepts and statements per SMART type. */
public record StoreSummary(long records, long facts, long visits, long concepts, Map<String, Long> statementsByType) {
}
