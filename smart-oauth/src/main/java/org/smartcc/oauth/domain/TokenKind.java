package org.smartcc.oauth.domain;

/** The tokens the container issues (spec §4.2). */
public enum TokenKind {
    /** Step 1 of the 3-legged dance; only good for the access-token exchange, once. */
    REQUEST,
    /** App × user × record, from the exchange or pre-authorized at launch. */
    ACCESS,
    /** Background/helper app × record, from the 2-legged token loop; no user. */
    BACKGROUND,
    /** SMART Connect token of a launch; kept by the launcher, which alone signs with it (never handed to an app). */
    CONNECT
}
