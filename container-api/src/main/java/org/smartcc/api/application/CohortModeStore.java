package org.smartcc.api.application;

import java.util.List;
import java.util.Optional;
import org.smartcc.api.domain.CohortPosition;

/** The SMART records of patient sets in set order, and each user's position in their sets (cohort mode). */
public interface CohortModeStore {

    /** How many of the set's members have a SMART record. */
    int recordCount(long resultId);

    /** The record ids of the set's members that have one, in set order, from {@code offset} (counted from 0). */
    List<String> records(long resultId, int offset, int limit);

    Optional<CohortPosition> position(String user, long resultId);

    void savePosition(String user, long resultId, CohortPosition position);
}
