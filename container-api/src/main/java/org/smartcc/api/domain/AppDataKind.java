package org.smartcc.api.domain;

/** The two kinds of app data and whom they belong to besides the app (smart-classic §2.6). */
public enum AppDataKind {
    /** Per (user, app). */
    PREFERENCES,
    /** Per (record, app): any app with a token for the record reads it, only the owner writes. */
    SCRATCHPAD
}
