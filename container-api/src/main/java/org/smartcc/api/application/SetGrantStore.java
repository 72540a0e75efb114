package org.smartcc.api.application;

import java.time.Instant;
import java.util.List;
import org.smartcc.api.domain.SetGrant;

/** The grants of apps on patient sets, each change written to an append-only audit together with it. */
public interface SetGrantStore {

    /** Grants the app the set unless it already has it; either way the grant as it now stands. */
    SetGrant grant(long resultId, String appId, String actor, Instant at);

    /** @return false when the app had no grant on the set (nothing is audited then) */
    boolean revoke(long resultId, String appId, String actor, Instant at);

    List<SetGrant> grantsOf(long resultId);
}
