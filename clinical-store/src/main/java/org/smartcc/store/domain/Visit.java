package org.smartcc.store.domain;

import java.time.LocalDateTime;

/**
 * A visit ({@code visit_dimension} row) of a record, before its {@code encounter_num} is assigned.
 *
 * @param key        the source id: a statement id for an sp:Encounter, or {@code day:YYYY-MM-DD} for a day visit
 * @param inOutCode  i2b2 {@code inout_cd} (I inpatient, O outpatient, E emergency, null unknown)
 */
public record Visit(String key, LocalDateTime startDate, LocalDateTime endDate, String inOutCode) {
}
