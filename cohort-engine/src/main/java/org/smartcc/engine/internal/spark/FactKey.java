package org.smartcc.engine.internal.spark;

import java.util.Comparator;

/** The sort key of a snapshot's facts, as far as it splits them into files: concept_cd, then patient_num. */
public record FactKey(String conceptCd, int patientNum) implements Comparable<FactKey> {

    /** Spark sorts strings by their UTF-8 bytes; for codes (ASCII) that is String order. */
    private static final Comparator<FactKey> ORDER = Comparator.comparing(FactKey::conceptCd)
            .thenComparingInt(FactKey::patientNum);

    @Override
    public int compareTo(FactKey other) {
        return ORDER.compare(this, other);
    }
}
