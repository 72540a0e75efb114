package org.smartcc.api.application;

import java.util.List;
import java.util.Optional;

/** What population reads need to know of a patient set: its grants, its SMART records and their state. */
public interface PopulationSets {

    /** Who granted the app the set, empty when the app has no grant on it (or there is no such set). */
    Optional<String> grantedBy(long setId, String appId);

    /** The set's members that have a SMART record, and the fingerprint of those records and their versions. */
    SetState state(long setId);

    /** Record ids of the set's members in id order, after the given one (from the first when empty). */
    List<String> recordsAfter(long setId, Optional<String> after, int limit);

    /**
     * @param records     how many of the set's members have a SMART record
     * @param fingerprint changes whenever a member is added or removed, or a member's record changes
     */
    record SetState(int records, String fingerprint) {
    }
}
