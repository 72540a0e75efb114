package org.smartcc.engine.privacy;

import java.time.Instant;
import org.smartcc.store.domain.CodedException;
import org.smartcc.store.domain.ErrorKind;

/** An obfuscated user has run the same query too often to be answered again (i2b2 answers "LOCKEDOUT"). */
public final class PrivacyLockoutException extends CodedException {

    /** The stable error code of a refused repeated query. */
    private static final String CODE = "PRIVACY_LOCKED_OUT";

    private final Instant lockedUntil;

    PrivacyLockoutException(int runs, int days, Instant lockedUntil) {
        super(ErrorKind.TOO_MANY_REQUESTS, CODE, "This query has been run " + runs + " times in the last " + days
                + " days, the most small-cell protection allows; it can be run again from " + lockedUntil + ".");
        this.lockedUntil = lockedUntil;
    }

    /** When enough of the earlier runs have left the window for the query to be answered again. */
    public Instant lockedUntil() {
        return lockedUntil;
    }
}
