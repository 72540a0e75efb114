package org.smartcc.api.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.smartcc.store.domain.CodedException;
import org.smartcc.store.domain.ErrorKind;

/**
 * Where a user stopped paging an app through a patient set in cohort mode: a position among the set's SMART records
 * (from 1), the app they paged with, and when they moved there. Before the first move it is the first record, with
 * neither app nor time.
 */
public record CohortPosition(int position, Optional<String> appId, Optional<Instant> updatedAt) {

    /** The longest app id an app may be installed with. */
    public static final int MAX_APP_ID = 255;

    public static final CohortPosition START = new CohortPosition(1, Optional.empty(), Optional.empty());

    public CohortPosition {
        if (position < 1) {
            throw invalid("a position counts from 1, not " + position);
        }
        if (appId.filter(id -> id.isBlank() || id.length() > MAX_APP_ID).isPresent()) {
            throw invalid("app_id must be an app's id (1 to " + MAX_APP_ID + " characters)");
        }
    }

    /**
     * A move to {@code position} of a set of {@code total} records; a position outside 1..total is refused. The time
     * is kept to the millisecond, as it is stored.
     */
    public static CohortPosition moveTo(int position, int total, Optional<String> appId, Instant at) {
        if (position < 1 || position > total) {
            throw invalid("position " + position + " is outside the set's records 1.." + total);
        }
        return new CohortPosition(position, appId, Optional.of(at.truncatedTo(ChronoUnit.MILLIS)));
    }

    private static CodedException invalid(String message) {
        return new CodedException(ErrorKind.INVALID_INPUT, "POSITION_INVALID", message);
    }
}
