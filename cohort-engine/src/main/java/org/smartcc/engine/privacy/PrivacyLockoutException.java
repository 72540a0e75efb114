package org.smartcc.engine.privacy;

import java.time.Instant;

/** An obfuscated user has run the same query too often to be answered again (i2b2 answers "LOCKEDOUT"). */
public final class PrivacyLockoutException extends RuntimeException {

    public static final String CODE = "PRIVACY_LOCKED_OUT";

    private final Instant lockedUntil;

    PrivacyLockoutException(int runs, int days, Instant lockedUntil) {
        super("This query has been run " + runs + " times in the last " + days + " days, the most small-cell"
                + " protection allows; it can be run again from " + lockedUntil + ".");
        this.lockedUntil = lockedUntil;
    }

    /** When enough of the earlier runs have left the window for the query to be answered again. */
    public Instant lockedUntil() {
        return lockedUntil;
    }

    /** The stable error code of a refused repeated query. */
    public String code() {
        return CODE;
    }
}
