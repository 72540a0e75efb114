package org.smartcc.engine.infrastructure.spark;

import java.util.Comparator;

/** The sort key of a snapshot's facts, as far as it splits them into files: concept_cd, then patient_num. */
public record FactKey(String conceptCd, int patientNum) implements Comparable<FactKey> {

    /** Binary (UTF-8 byte) order of the codes, as Spark sorts strings; codes are ASCII, where it equals String order. */
    private static final Comparator<FactKey> ORDER = Comparator.comparing(FactKey::conceptCd)
            .thenComparingInt(FactKey::patientNum);

    @Override
    public int compareTo(FactKey other) {
        return ORDER.compare(this, other);
    }
}
